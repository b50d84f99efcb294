/**
 * Every id that Slack sends back to us, defined once and shared by the view builders that put them on buttons
 * and the listeners that match them. Slack wants action ids unique within a block, so a question's buttons
 * carry a suffix and the listener matches them with one RegExp. The values these buttons carry are in values.ts.
 */
export const COMMAND = '/realtime';

export const ACTION = {
  /** A wizard option; suffix: the option's position. Value: the encoded state after choosing it. */
  answer: (index: number) => `wizard.answer.${index}`,
  back: 'wizard.back',
  startOver: 'wizard.start_over',
  /** Re-ask one question; suffix: the question's position. Value: the encoded state that re-asks it. */
  change: (index: number) => `wizard.change.${index}`,
  /** Drops a condition read from free text ("Not so"); suffix: its position. Value: the state without it. */
  drop: (index: number) => `wizard.drop.${index}`,
  /** Takes back a condition the classifier set aside ("It is so"); suffix: its position. Value: the state with it. */
  restore: (index: number) => `wizard.restore.${index}`,
  /** Opens the wizard privately (a modal) from a public message or the Home tab. */
  open: 'wizard.open',
  /** Shares a verdict or a piece of advice in the channel, with the reasoning in its thread. */
  share: 'verdict.share',
  /** After Slack did not confirm a share: the person looked, and shares it (or its reasoning) anyway. Same value. */
  shareAnyway: 'verdict.share_anyway',
  scorecard: 'scorecard.show',
  /** Expands a verdict to its full reasoning, or collapses it again. Value: the verdict's shape and state. */
  why: 'verdict.why',
  /** "Shared in #channel", a link to the post (Slack sends the click all the same): nothing to do. */
  shared: 'verdict.shared',
  /** Runs a command the help suggests ("Did you mean /realtime compare?"); suffix: its position. Value: its text. */
  run: (index: number) => `help.run.${index}`,
  /** "Was this right?" on a decision in the log. Value: the decision's id (values.ts). */
  feedbackYes: 'decision.feedback.yes',
  feedbackNo: 'decision.feedback.no',
} as const;

/** An id as a RegExp source that matches it literally. */
const escaped = (id: string) => id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const NAVIGATION_IDS = String.raw`(?:wizard\.(?:answer\.\d+|back|start_over|change\.\d+|drop\.\d+|restore\.\d+)|verdict\.why)`;
/** Every button that moves the wizard to the state in its value: answer, back, start over, change, drop, restore, why. */
export const WIZARD_NAVIGATION = new RegExp(`^${NAVIGATION_IDS}$`);

/**
 * Share and Share anyway, in one listener. Bolt runs every registered listener's filters for every request (about
 * 4 µs each on Node 20), so buttons that do one job with a flag share one listener.
 */
export const SHARE = new RegExp(`^(?:${escaped(ACTION.share)}|${escaped(ACTION.shareAnyway)})$`);
/** Yes and No of "Was this right?", in one listener, for the same reason. */
export const FEEDBACK = new RegExp(`^(?:${escaped(ACTION.feedbackYes)}|${escaped(ACTION.feedbackNo)})$`);

const RUN_IDS = String.raw`help\.run\.\d+`;
/** The help's suggestions, each a button that runs the command it suggests. */
export const RUN_SUGGESTION = new RegExp(`^${RUN_IDS}$`);

/**
 * Any action id the app never puts on a button: a message from an older version of the app, or a payload that
 * was never ours. Bolt leaves an unmatched action unacknowledged (Slack then shows an error after 3 s), so one
 * listener answers these. A negative look-ahead over our own ids, so that it never also runs for one of ours.
 */
export const FOREIGN_ACTION = new RegExp(
  `^(?!(?:${[NAVIGATION_IDS, RUN_IDS, ...[ACTION.open, ACTION.share, ACTION.shareAnyway, ACTION.scorecard, ACTION.shared, ACTION.feedbackYes, ACTION.feedbackNo].map(escaped)].join('|')})$)`,
);

export const SHORTCUT_CALLBACK = 'realtime_advice';
/** The message shortcut's name in the ⋯ menu, as manifest.yml declares it for SHORTCUT_CALLBACK. */
export const SHORTCUT_NAME = 'Get realtime advice';
export const MODAL_CALLBACK = 'realtime_advisor_modal';
/** The small modal after "Was this right?": an optional note on the answer. */
export const FEEDBACK_CALLBACK = 'decision_feedback';

/**
 * The modal's "Post it in" conversation picker, shown where the modal has no thread to reply in (opened from the
 * Home tab). An input: it sends no action of its own; the submit reads it from the view's state.
 */
export const POST_TO = { block: 'post_to', action: 'post.conversation' } as const;

/**
 * What the app has a listener for, by kind of interaction, so that one listener can answer everything else (see
 * listeners/unrecognised.ts). Adding a listener for a new id means adding the id here too.
 */
export const KNOWN = {
  commands: [COMMAND],
  /** Message shortcuts (manifest.yml); the app declares no global shortcut. */
  messageShortcuts: [SHORTCUT_CALLBACK],
  globalShortcuts: [] as string[],
  /** Modals whose submission a listener handles. */
  submittedViews: [MODAL_CALLBACK, FEEDBACK_CALLBACK],
  /** Modals whose closing a listener handles (those opened with notify_on_close). */
  closedViews: [] as string[],
  /** Select menus with external options. */
  optionSources: [] as string[],
};

/** Matches every id but the given ones: a negative look-ahead, so it never also runs for one of ours. */
export function anyIdBut(ids: readonly string[]): RegExp {
  return ids.length === 0 ? /^/ : new RegExp(`^(?!(?:${ids.map(escaped).join('|')})$)`);
}
