/**
 * A request Bolt could not authorize: in OAuth mode, its workspace has no installation (never installed, removed,
 * or its record lost) or the store could not be read. Bolt logs it, calls the app's error handler and, if that
 * returns, acknowledges with an empty 200, so the person who typed /realtime sees nothing at all
 * (node_modules/@slack/bolt/dist/App.js, processEvent: `await this.handleError(...); return ack();`).
 * The app's error handler rethrows it instead, as Bolt's own default handler does, and the HTTP receiver hands it
 * to its `processEventErrorHandler` with the response still open (receivers/HTTPReceiver.js): this answers there.
 * A slash command gets one line saying what is wrong and where to install; a click or an event, where nothing can
 * be said without a token, is acknowledged with nothing (so Slack does not retry it) and logged once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type BufferedIncomingMessage, HTTPModuleFunctions, type Logger } from '@slack/bolt';
import { NoInstallationError } from '../store/index.js';
import { INSTALL_PATH } from './install.js';
import { escapeText } from './slack-text.js';

export interface UnauthorizedRequest {
  error: Error;
  logger: Logger;
  request: IncomingMessage;
  response: ServerResponse;
  /** SLACK_REDIRECT_URI, whose host serves the install page; otherwise the host Slack sent the request to. */
  redirectUri: string | undefined;
}

/** Answers a request that has no installation to answer it; true, as it acknowledged the request. */
export function answerUnauthorized({ error, logger, request, response, redirectUri }: UnauthorizedRequest): boolean {
  const body = bodyOf(request);
  const what = describeRequest(body);
  const notInstalled = causes(error).some((cause) => cause instanceof NoInstallationError);
  const command = typeof body.command === 'string' ? body.command : undefined;
  if (command) {
    const page = installPageFor(request, redirectUri);
    const text = notInstalled
      ? `Realtime Advisor is not installed in this workspace, so ${escapeText(command)} cannot answer here. ${
          page ? `Install it at <${page}|${page}>` : 'Install it from its install page'
        } (someone allowed to add apps may need to), then try again.`
      : `Realtime Advisor could not check its installation in this workspace just now, so ${escapeText(command)} cannot answer. Try again in a minute; if it keeps failing, tell whoever runs Realtime Advisor.`;
    reply(response, JSON.stringify({ response_type: 'ephemeral', text }));
  } else reply(response, '');
  const outcome = command ? 'told the person' : 'acknowledged, nothing said';
  if (notInstalled) logger.warn(`a request from a workspace with no installation: ${what}; ${outcome}`);
  else logger.warn(`a request that could not be authorized: ${what} (${error.message}); ${outcome}`);
  return true;
}

function reply(response: ServerResponse, body: string): void {
  if (response.headersSent) return;
  response.writeHead(200, body ? { 'content-type': 'application/json' } : {});
  response.end(body);
}

/** The error and what it wraps: Bolt's AuthorizationError holds @slack/oauth's, which holds the store's. */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let at = error; at !== undefined && chain.length < 5; at = (at as { original?: unknown }).original)
    chain.push(at);
  return chain;
}

/** The body, parsed as Bolt parsed it (the edge and Bolt have read it into `rawBody`); {} if it cannot be. */
function bodyOf(request: IncomingMessage): Record<string, unknown> {
  try {
    const body: unknown = HTTPModuleFunctions.parseHTTPRequestBody(request as BufferedIncomingMessage);
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const field = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

/** "the slash command /realtime from team T…", "a block_actions from team T…": kind and ids, never text. */
function describeRequest(body: Record<string, unknown>): string {
  const kind =
    typeof body.command === 'string'
      ? `the slash command ${body.command}`
      : body.type === 'event_callback'
        ? `an event ${String(field(body.event, 'type'))}`
        : `a ${String(body.type ?? 'request')}`;
  const team = body.team_id ?? field(body.team, 'id') ?? field(body.user, 'team_id');
  const enterprise = body.enterprise_id ?? field(body.enterprise, 'id');
  return `${kind} from team ${String(team ?? 'unknown')}${enterprise ? ` in enterprise ${String(enterprise)}` : ''}`;
}

/**
 * The install page's address: on SLACK_REDIRECT_URI's host when it is set; otherwise on the host Slack sent this
 * request to, over HTTPS (Slack calls only HTTPS request URLs; a proxy in front says so in X-Forwarded-Proto),
 * or HTTP on loopback, where a local Slack stand-in calls. Undefined when the host is not a host.
 */
function installPageFor(request: IncomingMessage, redirectUri: string | undefined): string | undefined {
  try {
    if (redirectUri) return new URL(INSTALL_PATH, redirectUri).toString();
    const host = request.headers.host;
    // A name or an address and a port, nothing that could carry markup into the message.
    if (!host || !/^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(host)) return undefined;
    const forwarded = String(request.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      ?.trim();
    const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/.test(host);
    const scheme = forwarded === 'http' || forwarded === 'https' ? forwarded : loopback ? 'http' : 'https';
    return new URL(INSTALL_PATH, `${scheme}://${host}`).toString();
  } catch {
    return undefined;
  }
}
