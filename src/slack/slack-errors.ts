/**
 * Turns a failed Slack call into what the person can do about it. The Web API client throws coded errors
 * (platform errors carry Slack's own code, e.g. not_in_channel); `respond()` throws HTTP errors from the
 * response_url. Only codes and ids are logged, never tokens.
 */
import { ErrorCode as BoltErrorCode, webApi } from '@slack/bolt';
import { type ConversationKind, isConversationBetweenPeople } from './conversation.js';
import { COMMAND } from './ids.js';

/** Slack's own error codes that the app turns into advice; any other code reads as a generic refusal. */
export const SLACK_ERROR_CODES = [
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'missing_scope',
  'thread_not_found',
  'message_not_found',
  'expired_url',
  'used_url',
  'expired_trigger_id',
  'ratelimited',
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
] as const;
export type SlackErrorCode = (typeof SLACK_ERROR_CODES)[number];

/** Our names for failures that never reached Slack's answer: no reply in time, or no connection at all. */
export type TransportProblem = 'timeout' | 'request_failed' | `http_${number | 'error'}` | 'unknown_error';

export interface SlackProblem {
  /** Slack's error code (one of ours above, or one we do not know yet), or our name for a transport failure. */
  code: SlackErrorCode | TransportProblem | (string & {});
  /** What the person should do, in one or two sentences of mrkdwn. */
  advice: string;
}

interface ErrorShape {
  code?: string;
  message?: string;
  data?: { error?: string; needed?: string };
  response?: { status?: number; data?: unknown };
  original?: { code?: string; message?: string };
  statusCode?: number;
}

const APP = '@Realtime Advisor';

/** Slack cannot let an app into a conversation between people; /invite works everywhere else. */
const BETWEEN_PEOPLE = `Slack does not let apps into direct messages between people, so I cannot post here. Run \`${COMMAND}\` in a channel instead, or mention me there.`;

const ADVICE: Record<SlackErrorCode | 'timeout', (needed: string | undefined, where: ConversationKind) => string> = {
  not_in_channel: () => `I am not a member of this channel. Invite me with \`/invite ${APP}\`, then try again.`,
  channel_not_found: (_needed, where) =>
    isConversationBetweenPeople(where)
      ? BETWEEN_PEOPLE
      : where === 'private-channel'
        ? `I am not a member of this private channel. Invite me with \`/invite ${APP}\`, then try again.`
        : `I cannot see this conversation: it may be private, or one I am not part of. Invite me with \`/invite ${APP}\`, or use me in a public channel.`,
  is_archived: () =>
    'This channel is archived, so nothing can be posted in it. Unarchive it, or share from another channel.',
  missing_scope: (needed) =>
    `I am missing a permission${needed ? ` (\`${needed}\`)` : ''}. A workspace admin can fix it by reinstalling the app from its settings page.`,
  thread_not_found: () => 'That thread no longer exists. Run the advisor again on a message that is still there.',
  message_not_found: () => 'That message no longer exists. Run the advisor again on a message that is still there.',
  expired_url: () => `This message has expired: Slack lets an app update it for 30 minutes. Run \`${COMMAND}\` again.`,
  used_url: () => `This message cannot be updated any more. Run \`${COMMAND}\` again.`,
  expired_trigger_id: () => 'That took too long to open. Click the button again.',
  ratelimited: () => 'Slack is rate-limiting me right now. Try again in a minute.',
  timeout: () => 'Slack did not answer in time. Try again in a moment.',
  not_authed: () => 'I am not set up correctly (no token). Tell the person who installed me.',
  invalid_auth: () => 'My token was refused. The person who installed me should reinstall the app.',
  account_inactive: () => 'My token was revoked. The person who installed me should reinstall the app.',
  token_revoked: () => 'My token was revoked. The person who installed me should reinstall the app.',
};

/** True when the problem is one of these codes. */
export function isProblem(problem: SlackProblem, codes: readonly SlackErrorCode[]): boolean {
  return (codes as readonly string[]).includes(problem.code);
}

function codeOf(error: unknown): { code: SlackProblem['code']; needed?: string | undefined } {
  const e = (error ?? {}) as ErrorShape;
  if (e.code === webApi.ErrorCode.PlatformError && e.data?.error) return { code: e.data.error, needed: e.data.needed };
  if (e.code === webApi.ErrorCode.RateLimitedError) return { code: 'ratelimited' };
  if (e.code === webApi.ErrorCode.RequestError) {
    const original = e.original ?? {};
    return { code: /timeout/i.test(`${original.code} ${original.message}`) ? 'timeout' : 'request_failed' };
  }
  if (e.code === webApi.ErrorCode.HTTPError) return { code: `http_${e.statusCode ?? 'error'}` };
  // respond() throws a RespondError with the HTTP status only: a response_url past its 30 minutes or its
  // 5 uses answers 404, and without the body the two cannot be told apart, so both read as expired.
  if (e.code === BoltErrorCode.RespondError)
    return { code: e.statusCode === 404 ? 'expired_url' : `http_${e.statusCode}` };
  const status = e.response?.status;
  if (status !== undefined) {
    const body = typeof e.response?.data === 'string' ? e.response.data : JSON.stringify(e.response?.data ?? '');
    if (/used_url/.test(body)) return { code: 'used_url' };
    if (status === 404 || /expired_url/.test(body)) return { code: 'expired_url' };
    return { code: `http_${status}` };
  }
  if (/timeout/i.test(`${e.code} ${e.message}`)) return { code: 'timeout' };
  return { code: e.code ?? 'unknown_error' };
}

/** What went wrong and what the person can do, for a failure in `where` (the advice differs by conversation). */
export function describeSlackError(error: unknown, where: ConversationKind = 'unknown'): SlackProblem {
  const { code, needed } = codeOf(error);
  // hasOwn, so that a code such as `constructor` is not mistaken for advice.
  const advice =
    (Object.hasOwn(ADVICE, code) ? ADVICE[code as keyof typeof ADVICE](needed, where) : undefined) ??
    `Slack refused that (\`${code}\`). Try again; if it keeps failing, \`${COMMAND} help\` has other ways in.`;
  return { code, advice };
}
