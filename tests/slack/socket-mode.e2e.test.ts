/**
 * Socket Mode, offline. The real app, built by createSlackApp with an app-level token, asks the Slack stand-in's
 * Web API (`apps.connections.open`) for a WebSocket URL and connects to a local WebSocket server standing in for
 * Slack's. The test sends envelopes over that socket as Slack does and reads the app's acks; the Web API calls the
 * app makes while handling them still reach the stand-in over HTTP.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { type JsonObject, type SlackStandin, startSlackStandin } from '../../sandbox/standin/index.js';
import { createAdvisor, loadComparisons } from '../../src/advisor/index.js';
import { parseConfig } from '../../src/config.js';
import { createSlackApp, type RunningApp } from '../../src/slack/app.js';
import { eventually, GENERAL, HUMAN } from './harness.js';

/** Slack's deadline for an ack, which Socket Mode keeps. */
const ACK_DEADLINE_MS = 3000;

interface Connection {
  socket: WebSocket;
  /** The path and query the app connected to: the URL apps.connections.open gave it. */
  path: string;
  /** Every message the app sent on this connection, parsed. */
  received: JsonObject[];
  closed: Promise<{ code: number }>;
}

/** A local stand-in for Slack's Socket Mode WebSocket server. */
interface SocketModeServer {
  /** What apps.connections.open answers with (Slack's is `wss://wss-primary.slack.com/link/?ticket=…&app_id=…`). */
  url: string;
  connections: Connection[];
  /** Sends an envelope on the newest connection; resolves with the ack's payload, as Slack waits for it. */
  deliver(type: 'slash_commands' | 'interactive' | 'events_api', payload: JsonObject): Promise<JsonObject>;
  close(): Promise<void>;
}

async function startSocketModeServer(appId: string): Promise<SocketModeServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const connections: Connection[] = [];
  const pendingAcks = new Map<string, (payload: JsonObject) => void>();

  server.on('connection', (socket, request) => {
    const received: JsonObject[] = [];
    const closed = new Promise<{ code: number }>((resolve) => socket.once('close', (code) => resolve({ code })));
    connections.push({ socket, path: request.url ?? '', received, closed });
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as JsonObject;
      received.push(message);
      const envelopeId = typeof message.envelope_id === 'string' ? message.envelope_id : '';
      pendingAcks.get(envelopeId)?.((message.payload ?? {}) as JsonObject);
    });
    // Slack's first message on a new connection; the client counts itself connected only once it arrives.
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-standin', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: appId },
      }),
    );
  });

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=${randomUUID()}&app_id=${appId}`,
    connections,
    deliver(type, payload) {
      const connection = connections.at(-1);
      if (!connection) return Promise.reject(new Error('the app has not connected'));
      const envelopeId = randomUUID();
      return new Promise<JsonObject>((resolve, reject) => {
        const timer = setTimeout(() => {
          pendingAcks.delete(envelopeId);
          reject(new Error(`no ack for ${type} envelope within ${ACK_DEADLINE_MS} ms`));
        }, ACK_DEADLINE_MS);
        pendingAcks.set(envelopeId, (ack) => {
          clearTimeout(timer);
          pendingAcks.delete(envelopeId);
          resolve(ack);
        });
        connection.socket.send(
          JSON.stringify({
            envelope_id: envelopeId,
            type,
            payload,
            accepts_response_payload: type !== 'events_api',
            ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
          }),
        );
      });
    },
    async close() {
      // server.close() leaves open connections alone: end any the app did not close itself.
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** A /realtime slash command as Socket Mode carries it: the fields of Slack's form post, as JSON strings. */
function slashCommandPayload(slack: SlackStandin, text: string): JsonObject {
  const ws = slack.workspace;
  return {
    token: slack.verificationToken,
    team_id: slack.teamId,
    team_domain: slack.teamDomain,
    channel_id: GENERAL,
    channel_name: 'general',
    user_id: HUMAN,
    user_name: ws.users.get(HUMAN)?.name ?? 'human',
    command: '/realtime',
    text,
    api_app_id: slack.appId,
    is_enterprise_install: 'false',
    response_url: ws.mintResponseUrl({ channel: GENERAL, user: HUMAN }),
    trigger_id: ws.mintTrigger(HUMAN),
  };
}

/** An Events API callback, the payload of an `events_api` envelope. */
function eventCallback(slack: SlackStandin, event: JsonObject): JsonObject {
  return {
    token: slack.verificationToken,
    team_id: slack.teamId,
    context_team_id: slack.teamId,
    context_enterprise_id: null,
    api_app_id: slack.appId,
    event,
    type: 'event_callback',
    event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: slack.teamId,
        user_id: slack.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

let slack: SlackStandin;
let socketServer: SocketModeServer;
let running: RunningApp | undefined;
/** Stops the app even when start() failed, so a client still retrying apps.connections.open gives up. */
let stopApp: (() => Promise<void>) | undefined;

beforeEach(async () => {
  slack = await startSlackStandin();
  socketServer = await startSocketModeServer(slack.appId);
  slack.setSocketModeUrl(socketServer.url);
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_APP_TOKEN: slack.appToken,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'error',
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  expect(parsed.config.mode).toBe('socket');
  const { app, start } = createSlackApp({
    config: parsed.config,
    advisor: createAdvisor(loadComparisons()),
    retryConfig: { retries: 0 },
  });
  stopApp = async () => {
    await app.stop();
  };
  // Resolves once the socket is open and Slack's hello has arrived.
  running = await start();
  stopApp = () => running?.stop() ?? Promise.resolve();
});

afterEach(async () => {
  await stopApp?.();
  stopApp = undefined;
  running = undefined;
  // The app closes its socket on stop; wait for that, so no connection outlives the test.
  await Promise.all(socketServer.connections.map((c) => c.closed));
  await socketServer.close();
  await slack.close();
});

describe('Socket Mode', () => {
  it('asks the Web API for a Socket Mode URL with its app-level token and connects to that URL', () => {
    // The stand-in accepts only the app-level token for apps.connections.open, so a successful call proves it.
    expect(slack.callsTo('apps.connections.open')).toMatchObject([{ ok: true, status: 200 }]);
    expect(socketServer.connections).toHaveLength(1);
    expect(`ws://127.0.0.1:${new URL(socketServer.url).port}${socketServer.connections[0]?.path}`).toBe(
      socketServer.url,
    );
    // No HTTP server in Socket Mode: Slack reaches the app only through the socket.
    expect(running?.port).toBeUndefined();
  });

  it('acks a /realtime slash command with the first wizard question in the ack payload', async () => {
    const ack = await socketServer.deliver('slash_commands', slashCommandPayload(slack, ''));
    expect(ack).toMatchObject({
      response_type: 'ephemeral',
      text: 'Question 1 of 3: Which direction does data flow?',
    });
    expect(JSON.stringify(ack.blocks)).toContain('Server → client only');
    // The answer travels in the ack itself: no Web API call beyond start-up.
    expect(slack.calls.map((c) => c.method)).toEqual(['auth.test', 'apps.connections.open']);
  });

  it('answers an app_mention envelope with a threaded reply posted through the Web API', async () => {
    const root = slack.postAsUser({
      text: `<@${slack.botUserId}> we stream LLM tokens to the browser, SSE or websockets?`,
    });
    const ack = await socketServer.deliver(
      'events_api',
      eventCallback(slack, {
        type: 'app_mention',
        client_msg_id: root.client_msg_id,
        text: root.text,
        user: HUMAN,
        ts: root.ts,
        blocks: root.blocks,
        team: slack.teamId,
        channel: GENERAL,
        event_ts: root.ts,
      }),
    );
    expect(ack).toEqual({});

    const reply = await eventually(() => {
      const found = slack.thread(GENERAL, root.ts).find((m) => m.bot_id);
      if (!found) throw new Error('no reply from the app yet');
      return found;
    });
    expect(reply.thread_ts).toBe(root.ts);
    expect(reply.text).toMatch(/^Verdict: SSE/);
    expect(slack.callsTo('chat.postMessage')).toMatchObject([
      { ok: true, args: { channel: GENERAL, thread_ts: root.ts } },
    ]);
  });

  it('closes the socket normally when the app stops, and does not reconnect', async () => {
    const [connection] = socketServer.connections;
    await running?.stop();
    stopApp = undefined;
    expect(await connection?.closed).toEqual({ code: 1000 });
    // A reconnect would start with another apps.connections.open; give it a moment to (not) happen.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
    expect(socketServer.connections).toHaveLength(1);
  });
});
