/**
 * Sharing, as one pipeline for every way in (the Share button, the modal's submit; later App Home or a decision
 * log): claim the share in the ledger, post, add the reasoning in the thread, then let the caller confirm. Each
 * step's outcome is written down, so that
 *
 * - two clicks, or a replayed submit, never post twice (the second finds the share held or done);
 * - a step Slack refused (nothing posted) is done by the next click: a share whose thread reply failed is
 *   completed, not refused as "already shared";
 * - a step whose answer was lost (a timeout, a reset, an error page) is never sent again on its own: the person is
 *   told it may be there, and only their explicit "share anyway" (`force`) sends it again.
 *
 * The pipeline posts, then, before the caller confirms, writes the completed share in the decision log once (a
 * share an earlier request completed is not written again); what the person is told is the entry point's, from
 * the result.
 */
import type { webApi } from '@slack/bolt';
import type { Decision } from '../store/store.js';
import type { DecisionDraft, DecisionRecorder, Landed } from './decision-log.js';
import type { Attempt, Replier } from './replier.js';
import type { ShareLedger, ShareRecord, ShareStep } from './share-ledger.js';
import type { SlackProblem } from './slack-errors.js';
import { sendWithTableFallback } from './table-fallback.js';
import type { SlackMessage } from './views/blocks.js';
import type { SharedPost } from './views/share.js';

export interface ShareRequest {
  /** What makes two requests the same share (the message clicked and what it shares; the modal submitted). */
  key: string;
  channel: string;
  post: SharedPost;
  /** Post in this existing thread, as one message with the reasoning in it (the modal's submit). */
  inThread?: string | undefined;
  /**
   * Where the app is not a member, another way to post the whole share as one message (the click's response_url
   * posts in any channel).
   */
  fallback?: ((message: SlackMessage) => Promise<Attempt<unknown>>) | undefined;
  /** The person looked and asked to share anyway: steps that may have happened are sent again. */
  force?: boolean | undefined;
  /** What the decision log keeps once the share is complete; without it, nothing is recorded. */
  decision?: DecisionDraft | undefined;
}

export type ShareResult =
  /** Posted with the reasoning in its thread (or, in an existing thread, as one message). `before`: by an earlier request. */
  | { kind: 'shared'; ts: string | undefined; before: boolean; decision?: Decision | undefined }
  /** Posted as one message without a thread, by the fallback (the app is not in the channel). */
  | { kind: 'shared-without-thread'; decision?: Decision | undefined }
  /** Another request holds the share right now. */
  | { kind: 'in_progress' }
  /** Slack's answer to a step was lost, now or earlier: it may be there. */
  | { kind: 'unsure'; step: ShareStep; problem?: SlackProblem }
  /** Slack refused a step: nothing was posted by it, and the person may try again. */
  | { kind: 'refused'; step: ShareStep; problem: SlackProblem; notAMember: boolean };

/** Codes after which the fallback can still post: it works in channels the app has not joined. */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

/** What one request shares with: the Web API client of the request, and its replier (which logs every failure). */
export interface ShareContext {
  client: webApi.WebClient;
  reply: Replier;
}

export interface SharePipeline {
  share(request: ShareRequest, context: ShareContext): Promise<ShareResult>;
}

export function sharePipeline(ledger: ShareLedger, decisions?: DecisionRecorder): SharePipeline {
  /** The confirm step's first half: the completed share, in the decision log. */
  const recorded = async (request: ShareRequest, landed: Landed, context: ShareContext) =>
    request.decision && decisions ? decisions.record(request.decision, landed, context) : undefined;

  /** Runs one step unless it is done; records what became of it. */
  async function step(
    key: string,
    record: ShareRecord,
    name: ShareStep,
    force: boolean,
    reply: Replier,
    doing: string,
    call: () => Promise<{ ts?: string | undefined }>,
  ): Promise<{ ok: true; ts: string | undefined } | { ok: false; result: ShareResult }> {
    const known = record[name];
    if (known?.state === 'done') return { ok: true, ts: known.ts };
    if (known?.state === 'unsure' && !force) return { ok: false, result: { kind: 'unsure', step: name } };
    await ledger.intend(key, name); // kept before Slack is called: a crash after the call leaves 'unsure', not a repeat
    const attempt = await reply.attempt(doing, call, { tell: false });
    if (attempt.ok) {
      const ts = attempt.value.ts;
      await ledger.record(key, name, { state: 'done', ...(ts ? { ts } : {}) });
      return { ok: true, ts };
    }
    if (attempt.problem.mayHaveHappened) {
      await ledger.record(key, name, { state: 'unsure' });
      return { ok: false, result: { kind: 'unsure', step: name, problem: attempt.problem } };
    }
    await ledger.record(key, name, { state: 'refused' });
    const notAMember = NOT_A_MEMBER.has(attempt.problem.code);
    return { ok: false, result: { kind: 'refused', step: name, problem: attempt.problem, notAMember } };
  }

  async function run(request: ShareRequest, record: ShareRecord, context: ShareContext): Promise<ShareResult> {
    const { client, reply } = context;
    const { key, channel, post, inThread, force = false } = request;
    const before = record.post?.state === 'done' && (inThread !== undefined || record.reasoning?.state === 'done');
    const parent = await step(key, record, 'post', force, reply, 'share this in the channel', () =>
      sendWithTableFallback(inThread ? post.combined : post.channel, (message) =>
        client.chat.postMessage({ channel, ...(inThread ? { thread_ts: inThread } : {}), ...message }),
      ),
    );
    if (!parent.ok) {
      const { result } = parent;
      if (result.kind !== 'refused' || !result.notAMember || !request.fallback) return result;
      // Not a member: the fallback can still post in the channel, as one message with no thread.
      await ledger.intend(key, 'post');
      const fallback = await request.fallback(post.combined);
      if (fallback.ok) {
        await ledger.record(key, 'post', { state: 'done' });
        await ledger.record(key, 'reasoning', { state: 'done' });
        const landed = { channel, ts: undefined, threadTs: undefined, via: 'response_url' } as const;
        return { kind: 'shared-without-thread', decision: await recorded(request, landed, context) };
      }
      if (fallback.problem.mayHaveHappened) {
        await ledger.record(key, 'post', { state: 'unsure' });
        return { kind: 'unsure', step: 'post', problem: fallback.problem };
      }
      await ledger.record(key, 'post', { state: 'refused' });
      return { kind: 'refused', step: 'post', problem: fallback.problem, notAMember: false };
    }
    const done = async (ts: string | undefined, threadTs: string | undefined): Promise<ShareResult> => ({
      kind: 'shared',
      ts,
      before,
      ...(before ? {} : { decision: await recorded(request, { channel, ts, threadTs, via: 'api' }, context) }),
    });
    if (inThread !== undefined) return done(parent.ts, inThread);
    if (parent.ts === undefined) return done(undefined, undefined); // posted without a thread
    const threadTs = parent.ts;
    const reasoning = await step(key, record, 'reasoning', force, reply, 'add the reasoning to the thread', () =>
      sendWithTableFallback(post.thread, (message) =>
        client.chat.postMessage({ channel, thread_ts: threadTs, ...message }),
      ),
    );
    return reasoning.ok ? done(threadTs, threadTs) : reasoning.result;
  }

  return {
    async share(request, context) {
      const claim = await ledger.claim(request.key);
      if (!claim.ok) return { kind: 'in_progress' };
      try {
        return await run(request, claim.record, context);
      } finally {
        await ledger.complete(request.key);
      }
    },
  };
}
