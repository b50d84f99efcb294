/**
 * The fetch that Slack's SDK uses for everything the app sends (Bolt passes `clientOptions.fetch` to its Web API
 * client and to `respond()`), so that one policy covers the Web API and response_urls alike:
 *
 * - A call is never repeated after an answer that did not arrive (a timeout, a reset, an error page): Slack may
 *   have acted, and a repeated post lands twice. The client itself is set to `retries: 0`.
 * - A 429 means Slack did nothing, so this one call is sent again after its Retry-After, when that fits in its
 *   time; otherwise it fails at once. The client is set to `rejectRateLimitedCalls`, so a 429 never pauses its
 *   queue and never delays another person's call. A call that carries a trigger_id (views.open) is not waited
 *   for: its trigger lives 3 seconds.
 * - A response_url gets the same time limit as a Web API call (respond() has none), and its refusals keep Slack's
 *   plain-text code (`used_url`, `expired_url`), which respond() drops.
 * - A response_url that answers with a redirect is refused, not followed, as the Web API client refuses one
 *   (`redirect: 'error'`): Slack answers a response_url where it is, and a followed 307 would post the message
 *   again at another address. It also spares every post a copy: a fetch that may follow a redirect clones its
 *   request first, body and all (a stream tee, about 25 µs a post).
 */
import { RESPONSE_URL_ERROR } from './slack-errors.js';

type Fetch = typeof globalThis.fetch;

export interface SlackFetchOptions {
  /** The Web API's base URL: calls under it are Web API calls, anything else is a response_url. */
  apiUrl: string;
  /** How long one call may take in all, waits for Retry-After included. */
  timeoutMs: number;
  fetch?: Fetch;
}

/** What a refused or failed response_url post throws: the HTTP status and Slack's plain-text answer, if any. */
export class ResponseUrlError extends Error {
  readonly code = RESPONSE_URL_ERROR;
  constructor(
    message: string,
    readonly statusCode?: number,
    readonly body?: string,
    readonly retryAfter?: number,
    readonly original?: Error,
  ) {
    super(message);
    this.name = 'ResponseUrlError';
  }
}

/** Time to leave for sending the call again after waiting. */
const RESEND_MARGIN_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * A form-encoded argument named trigger_id or interactivity_pointer. The SDK sends Web API arguments form-encoded,
 * where an `&` or `=` inside a value is percent-encoded, so the names are found as they stand: parsing the whole
 * body (blocks and all, a few KB) cost about 20 µs a call.
 */
const TRIGGER_ARGUMENT = /(?:^|&)(?:trigger_id|interactivity_pointer)=/;

function carriesTrigger(body: RequestInit['body']): boolean {
  if (typeof body === 'string') return TRIGGER_ARGUMENT.test(body);
  if (body instanceof URLSearchParams) return body.has('trigger_id') || body.has('interactivity_pointer');
  return false;
}

export function slackFetch(options: SlackFetchOptions): Fetch {
  const send = options.fetch ?? globalThis.fetch;
  const { apiUrl, timeoutMs } = options;

  /** Sends once, and again after a 429 while Retry-After fits in the time left. */
  async function untilNotRateLimited(url: string, init: RequestInit | undefined, mayWait: boolean): Promise<Response> {
    const started = Date.now();
    for (;;) {
      const response = await send(url, init);
      const wait = response.status === 429 ? retryAfterSeconds(response) : undefined;
      const left = timeoutMs - (Date.now() - started);
      if (wait === undefined || !mayWait || wait * 1000 + RESEND_MARGIN_MS > left) return response;
      await response.body?.cancel();
      await sleep(wait * 1000);
    }
  }

  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(apiUrl)) return untilNotRateLimited(url, init, !carriesTrigger(init?.body));

    // A response_url: respond() gives no signal of its own. The deadline is a timer cleared once the answer is in:
    // AbortSignal.timeout's own timer outlives the post and fires 5 s later for every one (an abort event and a
    // DOMException each, about 15 µs). Slack's answer to a post that worked (`ok`) is not read by anyone.
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException('The response_url did not answer in time', 'TimeoutError')),
      timeoutMs,
    );
    try {
      let response: Response;
      try {
        response = await untilNotRateLimited(url, { ...init, redirect: 'error', signal: deadline.signal }, true);
      } catch (error) {
        const original = error instanceof Error ? error : new Error(String(error));
        throw new ResponseUrlError(`response_url failed: ${original.name}`, undefined, undefined, undefined, original);
      }
      if (response.ok) return response;
      const body = await response.text().catch(() => '');
      throw new ResponseUrlError(
        `response_url answered ${response.status}`,
        response.status,
        body.slice(0, 200),
        retryAfterSeconds(response),
      );
    } finally {
      clearTimeout(timer);
    }
  };
}
