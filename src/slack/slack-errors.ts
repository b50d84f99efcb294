/**
 * Turns a failed Slack call into what the person can do about it. The Web API client throws coded errors
 * (platform errors carry Slack's own code, e.g. not_in_channel); a response_url throws HTTP errors (see
 * response-url.ts). Only codes and ids are logged, never tokens.
 *
 * Two kinds of failure, told apart because a post must never be sent twice: Slack refused (it did nothing, so
 * trying again is safe), or its answer was lost (a timeout, a broken connection, a server error page, a body that
 * is not JSON): then it may have acted, and only the person, looking, can tell.
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

/**
 * Our names for failures where Slack's answer did not arrive: no reply in time, a broken connection, a body that is
 * not JSON, an HTTP error page.
 */
export type TransportProblem =
  | 'timeout'
  | 'request_failed'
  | 'invalid_response'
  | `http_${number | 'error'}`
  | 'unknown_error';

export interface SlackProblem {
  /** Slack's error code (one of ours above, or one we do not know yet), or our name for a transport failure. */
  code: SlackErrorCode | TransportProblem | (string & {});
  /** What the person should do, in one or two sentences of mrkdwn. */
  advice: string;
  /**
   * True when Slack's answer was lost rather than a refusal: what was asked may have happened. A post is then
   * never sent again; the person is told to look.
   */
  mayHaveHappened: boolean;
  /** For a rate limit: the seconds Slack asked to wait. */
  retryAfterSeconds?: number;
}

interface ErrorShape {
  code?: string;
  name?: string;
  message?: string;
  data?: { error?: string; needed?: string };
  response?: { status?: number; data?: unknown };
  original?: { code?: string; name?: string; message?: string };
  statusCode?: number;
  retryAfter?: number;
  /** response-url.ts: the plain-text body Slack answered a response_url with (`used_url`, `expired_url`, …). */
  body?: string;
}

const APP = '@Realtime Advisor';

/** Slack cannot let an app into a conversation between people; /invite works everywhere else. */
const BETWEEN_PEOPLE = `Slack does not let apps into direct messages between people, so I cannot post here. Run \`${COMMAND}\` in a channel instead, or mention me there.`;

/** Why an answer was lost, said before "so it may have worked anyway". */
const LOST: Record<string, string> = {
  timeout: 'Slack did not answer in time',
  request_failed: 'The connection to Slack broke before it answered',
  invalid_response: 'Slack answered with something I could not read',
};

/** Slack's own codes are lower snake case; anything else in a platform error is a body that was not JSON. */
const SLACK_CODE = /^[a-z][a-z0-9_]*$/;

type Advice = (needed: string | undefined, where: ConversationKind, again: string) => string;

const ADVICE: Record<Exclude<SlackErrorCode, 'ratelimited'>, Advice> = {
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
  expired_trigger_id: (_needed, _where, again) => `Slack took too long to open it. ${again}.`,
  not_authed: () => 'I am not set up correctly (no token). Tell the person who installed me.',
  invalid_auth: () => 'My token was refused. The person who installed me should reinstall the app.',
  account_inactive: () => 'My token was revoked. The person who installed me should reinstall the app.',
  token_revoked: () => 'My token was revoked. The person who installed me should reinstall the app.',
};

/** True when the problem is one of these codes. */
export function isProblem(problem: SlackProblem, codes: readonly SlackErrorCode[]): boolean {
  return (codes as readonly string[]).includes(problem.code);
}

/** The error code of a response_url refusal thrown by response-url.ts. */
export const RESPONSE_URL_ERROR = 'slack_response_url_error';

interface Coded {
  code: SlackProblem['code'];
  needed?: string | undefined;
  retryAfter?: number | undefined;
}

const isTimeout = (e: { code?: string | undefined; name?: string | undefined; message?: string | undefined }) =>
  /timeout/i.test(`${e.code} ${e.name} ${e.message}`);

function codeOf(error: unknown): Coded {
  const e = (error ?? {}) as ErrorShape;
  if (e.code === webApi.ErrorCode.PlatformError) {
    // The client reads a body that is not JSON as a platform error whose code is the whole body.
    const code = e.data?.error;
    return code && SLACK_CODE.test(code) ? { code, needed: e.data?.needed } : { code: 'invalid_response' };
  }
  if (e.code === webApi.ErrorCode.RateLimitedError) return { code: 'ratelimited', retryAfter: e.retryAfter };
  if (e.code === webApi.ErrorCode.RequestError)
    return { code: isTimeout(e.original ?? {}) ? 'timeout' : 'request_failed' };
  if (e.code === webApi.ErrorCode.HTTPError) return { code: `http_${e.statusCode ?? 'error'}` };
  if (e.code === RESPONSE_URL_ERROR) {
    if (e.statusCode === undefined) return { code: isTimeout(e.original ?? {}) ? 'timeout' : 'request_failed' };
    if (e.statusCode === 429) return { code: 'ratelimited', retryAfter: e.retryAfter };
    const body = (e.body ?? '').trim();
    if (e.statusCode < 500 && SLACK_CODE.test(body)) return { code: body };
    return { code: e.statusCode === 404 ? 'expired_url' : `http_${e.statusCode}` };
  }
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
  if (isTimeout(e)) return { code: 'timeout' };
  return { code: e.code ?? 'unknown_error' };
}

/**
 * True when Slack refused a message for its blocks: `invalid_blocks` or `invalid_attachments` from the Web API, or
 * a response_url's 400 (Bolt's respond() keeps the status, not the body). Nothing was posted.
 */
export function refusedForBlocks(error: unknown): boolean {
  return ['invalid_blocks', 'invalid_attachments', 'http_400'].includes(codeOf(error).code);
}

/** True for an HTTP status of Slack's side failing (500, 502, 503, 504): the call may have taken effect. */
const serverError = (code: string) => /^http_5\d\d$/.test(code);

/**
 * What went wrong and what the person can do, for a failure in `where` (the advice differs by conversation).
 * `again` says how to try again where that is not a button to click (a shortcut, a mention). The advice never
 * holds the code: that goes in small print beside it (see views/problems.ts).
 */
export function describeSlackError(
  error: unknown,
  where: ConversationKind = 'unknown',
  again = 'Click the button again',
): SlackProblem {
  const { code, needed, retryAfter } = codeOf(error);
  const lost =
    (Object.hasOwn(LOST, code) ? LOST[code] : undefined) ??
    (serverError(code) ? 'Slack had a server error' : undefined);
  if (lost !== undefined)
    return {
      code,
      advice: `${lost}, so it may have worked anyway. Look first; if it did not, ${lowerFirst(again)}.`,
      mayHaveHappened: true,
    };
  if (code === 'ratelimited') {
    const wait = retryAfter !== undefined && retryAfter > 0 ? `in ${retryAfter} s` : 'in a minute';
    return {
      code,
      advice: `Slack is rate-limiting me right now. ${again} ${wait}.`,
      mayHaveHappened: false,
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  // hasOwn, so that a code such as `constructor` is not mistaken for advice.
  const advice =
    (Object.hasOwn(ADVICE, code) ? ADVICE[code as keyof typeof ADVICE](needed, where, again) : undefined) ??
    (serverError(code) || code.startsWith('http_')
      ? `Slack could not take that just now. ${again} in a moment.`
      : `Slack refused that. ${again}; if it keeps failing, \`${COMMAND} help\` has other ways in.`);
  return { code, advice, mayHaveHappened: false };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
