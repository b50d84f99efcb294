/**
 * The HTTP edge, in front of Bolt's receiver: every request gets an answer, and nothing a client sends can crash
 * the process or make it read what it will refuse. On POST /slack/events, in this order:
 *  1. no Slack signature headers, or a timestamp outside Slack's 5 minutes (past or future): 401, body unread;
 *  2. a declared body over the limit: 413, body unread; a body that grows past it: 413, reading stops;
 *  3. the signature, checked with Bolt's own verifySlackRequest: 401;
 *  4. the body parsed as Bolt parses it, and its shape checked (payload-shape.ts): 400.
 * Then Bolt gets the request with its body already read (Bolt reads `rawBody` when it is set); its receiver does
 * not check the signature again (app.ts), so this is the one check, and which requests it covers is decided
 * exactly as Bolt's receiver routes them (the path of the request target, the method in capitals). Each refusal is
 * logged once, with the reason and never the body. Other paths go to Bolt as they are (GET and HEAD /healthz),
 * after a malformed request target gets a 400.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type BufferedIncomingMessage, HTTPModuleFunctions, isValidSlackRequest, type Logger } from '@slack/bolt';
import { checkShape } from './payload-shape.js';

/** Slack's own window for a request's timestamp, both ways: a replayed request older than this is refused. */
export const TIMESTAMP_WINDOW_S = 5 * 60;
/** Slack's largest legitimate requests (a message shortcut on a long message) are a few hundred KiB. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface EdgeOptions {
  signingSecret: string;
  logger: Logger;
  /** Bolt's request listener, which serves what the edge lets through. */
  next: RequestListener;
  endpoint?: string;
  bodyLimit?: number;
  now?: () => number;
}

type Refusal = { status: 400 | 401 | 413; reason: string };

export function guardSlackEdge(options: EdgeOptions): RequestListener {
  const { signingSecret, logger, next } = options;
  const endpoint = options.endpoint ?? '/slack/events';
  const bodyLimit = options.bodyLimit ?? BODY_LIMIT_BYTES;
  const now = options.now ?? (() => Date.now()); // read at each request, so a test can move the clock

  const refuse = (res: ServerResponse, { status, reason }: Refusal, bodyUnread: boolean) => {
    logger.info(`refused a request (${status}): ${reason}`);
    if (res.headersSent) return;
    // A body left unread is not worth keeping the connection for: Node discards the rest as it arrives.
    res.writeHead(status, { 'content-type': 'text/plain', ...(bodyUnread ? { connection: 'close' } : {}) });
    res.end();
  };

  const beforeBody = (req: IncomingMessage): Refusal | undefined => {
    const signature = req.headers['x-slack-signature'];
    const timestamp = req.headers['x-slack-request-timestamp'];
    if (typeof signature !== 'string' || typeof timestamp !== 'string')
      return { status: 401, reason: 'no Slack signature headers' };
    const seconds = Number(timestamp);
    if (!Number.isInteger(seconds) || Math.abs(now() / 1000 - seconds) > TIMESTAMP_WINDOW_S)
      return { status: 401, reason: 'a timestamp outside Slack’s 5-minute window' };
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > bodyLimit)
      return { status: 413, reason: `a body of ${declared} bytes, over ${bodyLimit}` };
    return undefined;
  };

  const afterBody = (req: IncomingMessage, rawBody: Buffer): Refusal | undefined => {
    const text = rawBody.toString();
    const valid = isValidSlackRequest({
      signingSecret,
      body: text,
      headers: {
        'x-slack-signature': req.headers['x-slack-signature'] as string,
        'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
      },
    });
    if (!valid) return { status: 401, reason: 'a signature that does not match' };
    let body: unknown;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(Object.assign(req, { rawBody }) as BufferedIncomingMessage);
    } catch {
      return { status: 400, reason: 'a body that is not what its content type says' };
    }
    const shape = checkShape(body);
    return shape.ok ? undefined : { status: 400, reason: `a malformed body (${shape.reason})` };
  };

  return (req, res) => {
    const path = pathOf(req.url);
    if (path === undefined) return refuse(res, { status: 400, reason: 'a malformed request target' }, true);
    if (path !== endpoint || req.method?.toUpperCase() !== 'POST') return next(req, res);
    const early = beforeBody(req);
    if (early) return refuse(res, early, true);
    readBody(req, bodyLimit).then((read) => {
      if (!read.ok) {
        if (read.tooLarge) refuse(res, { status: 413, reason: `a body over ${bodyLimit} bytes` }, true);
        return; // the client went away: nobody to answer
      }
      const late = afterBody(req, read.body);
      if (late) return refuse(res, late, false);
      next(req, res);
    });
  };
}

/**
 * The path of a request target as Bolt's HTTPReceiver reads it to route (`/slack/events?x=1` and `/slack/./events`
 * are its events endpoint), or undefined when it is not a URL at all (`http://[::1`, `//%%`).
 */
function pathOf(target: string | undefined): string | undefined {
  if (target === undefined) return undefined;
  try {
    return new URL(target, 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

type Read = { ok: true; body: Buffer } | { ok: false; tooLarge: boolean };

/** Reads a body up to the limit; past it, stops reading at once. */
function readBody(req: IncomingMessage, limit: number): Promise<Read> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (read: Read) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFail);
      req.off('aborted', onFail);
      resolve(read);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        finish({ ok: false, tooLarge: true });
      } else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onFail = () => finish({ ok: false, tooLarge: false });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFail);
    req.on('aborted', onFail);
  });
}
