/**
 * The sandbox server's HTTP plumbing: the headers every answer carries, JSON in and out, and the one error type
 * that becomes a 4xx answer with a reason instead of a 500.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { describeIssues } from './api.js';

/** Nothing on the page comes from elsewhere, and nothing typed can run as script even if it became HTML. */
export const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
const BODY_MAX = 64 * 1024;

/** A request the sandbox refuses, answered with `status` and `reason` rather than treated as its own failure. */
export class BadRequest extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  // Only JSON: a cross-site form cannot send it without a preflight this server never grants.
  if (type !== 'application/json') throw new BadRequest(415, 'expected content-type: application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_MAX) throw new BadRequest(413, `body larger than ${BODY_MAX} bytes`);
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  try {
    return raw === '' ? {} : (JSON.parse(raw) as unknown);
  } catch {
    throw new BadRequest(400, 'body: expected JSON');
  }
}

export function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw new BadRequest(400, describeIssues(result.error));
  return result.data;
}

/** Only the names this machine has for itself: a page elsewhere cannot reach the sandbox by rebinding DNS. */
export function isLocalHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

/**
 * A request from the sandbox's own page, or from no page at all (curl, the tests): no Origin header, or one on a
 * local name and this server's port. Browsers send Origin with every cross-origin request and every POST, so a
 * page on another site, another local port or in a sandboxed frame (`null`) is refused before anything is read
 * or done, the event stream included; the Host check alone lets those through, as their Host is this server's.
 */
export function isOwnOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (!host) return false;
  try {
    const url = new URL(origin);
    const hostPort = /:(\d+)$/.exec(host)?.[1] ?? ''; // '' for port 80, as URL writes it
    return url.protocol === 'http:' && isLocalHost(url.host) && url.port === hostPort;
  } catch {
    return false;
  }
}
