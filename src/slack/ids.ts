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
  /** Opens the wizard privately (a modal) from a public message or the Home tab. */
  open: 'wizard.open',
  /** Shares a verdict or a piece of advice in the channel, with the reasoning in its thread. */
  share: 'verdict.share',
  scorecard: 'scorecard.show',
} as const;

/** Every button that moves the wizard to the state in its value: answer, back, start over, change, drop. */
export const WIZARD_NAVIGATION = /^wizard\.(answer\.\d+|back|start_over|change\.\d+|drop\.\d+)$/;

export const SHORTCUT_CALLBACK = 'realtime_advice';
export const MODAL_CALLBACK = 'realtime_advisor_modal';
