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
  /** Opens the wizard privately (a modal) from a public message or the Home tab. */
  open: 'wizard.open',
  /** Shares a verdict or a piece of advice in the channel, with the reasoning in its thread. */
  share: 'verdict.share',
  /** After Slack did not confirm a share: the person looked, and shares it (or its reasoning) anyway. Same value. */
  shareAnyway: 'verdict.share_anyway',
  scorecard: 'scorecard.show',
} as const;

const NAVIGATION_IDS = String.raw`wizard\.(?:answer\.\d+|back|start_over|change\.\d+)`;
/** Every button that moves the wizard to the state in its value: answer, back, start over, change. */
export const WIZARD_NAVIGATION = new RegExp(`^${NAVIGATION_IDS}$`);

const literal = (id: string) => id.replaceAll('.', '\\.');
/**
 * Any action id the app never puts on a button: a message from an older version of the app, or a payload that
 * was never ours. Bolt leaves an unmatched action unacknowledged (Slack then shows an error after 3 s), so one
 * listener answers these. A negative look-ahead over our own ids, so that it never also runs for one of ours.
 */
export const FOREIGN_ACTION = new RegExp(
  `^(?!(?:${[NAVIGATION_IDS, ...[ACTION.open, ACTION.share, ACTION.shareAnyway, ACTION.scorecard].map(literal)].join('|')})$)`,
);

export const SHORTCUT_CALLBACK = 'realtime_advice';
export const MODAL_CALLBACK = 'realtime_advisor_modal';
