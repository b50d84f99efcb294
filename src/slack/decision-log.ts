/**
 * Writing shared verdicts down: the share pipeline calls this once a share is complete, before the person is told,
 * once per share (a share finished by an earlier request is not recorded again). What is kept: workspace, channel,
 * thread, person, answers, pick, the data version, a permalink where Slack gave the message a `ts` (a share
 * through `response_url` gets none, and the reason is kept instead), the situation in the person's words where
 * free text led to the verdict, and the time.
 *
 * A failure to record is logged and does not undo the share: the message is in the channel for everyone.
 */
import type { Logger } from '@slack/bolt';
import type { Advisor, VerdictView } from '../advisor/index.js';
import type { Decision, Permalink, Store } from '../store/store.js';
import type { ShareContext } from './share-pipeline.js';
import { type Shareable, shareValue } from './values.js';
import type { PastDecision } from './views/decisions.js';

/** Everything about a decision that is known before it is posted. */
export interface DecisionDraft {
  teamId: string;
  enterpriseId: string | null;
  userId: string;
  inPublicChannel: boolean;
  answers: string;
  pick: string;
  dataVersion: string;
  situation: string | null;
}

/** Where the share landed: the message's ts, or none (through response_url, which answers with no ts). */
export interface Landed {
  channel: string;
  ts: string | undefined;
  threadTs: string | undefined;
  via: 'api' | 'response_url';
}

export interface DecisionRecorder {
  record(draft: DecisionDraft, landed: Landed, context: ShareContext): Promise<Decision | undefined>;
}

export const NO_TS_REASON =
  'shared through the click’s response_url (the app is not in the channel), which gives the message no ts, so Slack has no link to it';

export function decisionRecorder(store: Store, logger: Logger): DecisionRecorder {
  return {
    async record(draft, landed, { client, reply }) {
      let permalink: Permalink;
      if (landed.ts === undefined) {
        permalink = {
          url: null,
          reason: landed.via === 'response_url' ? NO_TS_REASON : 'Slack gave the message no ts, so it has no link',
        };
      } else {
        const { ts } = landed;
        const link = await reply.attempt(
          'link the decision to its message',
          () => client.chat.getPermalink({ channel: landed.channel, message_ts: ts }),
          { tell: false }, // the share is done; the log says there is no link, and why
        );
        permalink =
          link.ok && typeof link.value.permalink === 'string'
            ? { url: link.value.permalink }
            : { url: null, reason: `Slack gave no link (${link.ok ? 'no permalink' : link.problem.code})` };
      }
      try {
        return await store.decisions.record({
          ...draft,
          channelId: landed.channel,
          threadTs: landed.threadTs ?? null,
          permalink,
        });
      } catch (error) {
        logger.error('could not record the decision', {
          channel: landed.channel,
          user: draft.userId,
          message: error instanceof Error ? error.message : String(error),
        });
        return undefined;
      }
    },
  };
}

/** The person's words behind a free-text verdict, as far as its state keeps them: the quotes, in order. */
function quotedWords(view: VerdictView): string | null {
  const understood = view.understood;
  if (!understood) return null;
  const words = [
    ...understood.answers.flatMap((a) => a.quotes.map((q) => q.words)),
    ...understood.conditions.flatMap((c) => c.words),
  ].filter((w) => w.trim() !== '');
  return words.length ? [...new Set(words)].join(' … ') : null;
}

export interface Sharer {
  teamId: string;
  enterpriseId: string | null;
  userId: string;
  inPublicChannel: boolean;
  /** The whole situation, where the surface has it (the message a shortcut ran on). */
  situation?: string | undefined;
}

/** What a share will record, from what it shares and who shares it where. */
export function decisionDraft(advisor: Advisor, shareable: Shareable, sharer: Sharer): DecisionDraft {
  const who = {
    teamId: sharer.teamId,
    enterpriseId: sharer.enterpriseId,
    userId: sharer.userId,
    inPublicChannel: sharer.inPublicChannel,
  };
  if (shareable.kind === 'verdict') {
    const { view } = shareable;
    return {
      ...who,
      answers: view.state,
      pick: view.verdict.pick.id,
      dataVersion: advisor.dataVersion(view.comparison.id),
      situation: sharer.situation ?? quotedWords(view),
    };
  }
  const { comparison, match } = shareable;
  return {
    ...who,
    answers: shareValue.encode({ kind: 'advice', comparisonId: comparison.id, entryId: match.id }),
    pick: match.pick?.id ?? match.id,
    dataVersion: advisor.dataVersion(comparison.id),
    situation: sharer.situation ?? null,
  };
}

/** Decisions from the log with what today's rules make of them, ready for the views. */
export function revisitAll(advisor: Advisor, decisions: readonly Decision[]): PastDecision[] {
  return decisions.map((decision) => ({ decision, revisited: advisor.revisit(decision) }));
}
