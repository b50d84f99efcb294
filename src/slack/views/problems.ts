/** Messages for things that went wrong: an out-of-date button, a Slack call that failed. */
import { ACTION, COMMAND } from '../ids.js';
import type { SlackProblem } from '../slack-errors.js';
import { button, context, type SlackMessage, section } from './blocks.js';

export function outOfDateMessage(startState: string): SlackMessage {
  return {
    text: `This message is out of date. Start again, or run ${COMMAND}.`,
    blocks: [
      section(
        ':hourglass: *This message is out of date*, so I could not tell what that button meant. Start again from the first question.',
      ),
      {
        type: 'actions',
        block_id: 'out_of_date',
        elements: [button('Start again', ACTION.startOver, startState, 'primary')],
      },
    ],
  };
}

/**
 * A failed Slack call, in words: what did not happen (or may not have), then what to do. Slack's code goes in
 * small print, for whoever reports it, never in the sentence a person reads.
 */
export function problemMessage(doing: string, problem: SlackProblem): SlackMessage {
  const lead = problem.mayHaveHappened ? `I am not sure I could ${doing}` : `I could not ${doing}`;
  const icon = problem.mayHaveHappened ? ':grey_question:' : ':warning:';
  return {
    text: `${lead}: ${problem.advice}`,
    blocks: [section(`${icon} ${lead}. ${problem.advice}`), context(`Slack said: \`${problem.code}\``)],
  };
}

export function noticeMessage(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}
