/**
 * A local stand-in for Slack's Socket Mode WebSocket server (the stand-in's Web API answers apps.connections.open
 * with its URL), and the envelopes Slack sends over it: https://docs.slack.dev/apis/events-api/using-socket-mode
 * (hello, then events_api, slash_commands and interactive envelopes, each acknowledged by its envelope_id).
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { JsonObject, SlackStandin } from '../../sandbox/standin/index.js';
import { GENERAL, HUMAN } from './harness.js';

/** Slack's deadline for an ack, which Socket Mode keeps. */
export const ACK_DEADLINE_MS = 3000;

export interface Connection {
  socket: WebSocket;
  /** The path and query the app connected to: the URL apps.connections.open gave it. */
  path: string;
  /** Every message the app sent on this connection, parsed. */
  received: JsonObject[];
  closed: Promise<{ code: number }>;
}

/** A local stand-in for Slack's Socket Mode WebSocket server. */
export interface SocketModeServer {
  /** What apps.connections.open answers with (Slack's is `wss://wss-primary.slack.com/link/?ticket=…&app_id=…`). */
  url: string;
  connections: Connection[];
  /** Sends an envelope on the newest connection; resolves with the ack's payload, as Slack waits for it. */
  deliver(type: 'slash_commands' | 'interactive' | 'events_api', payload: JsonObject): Promise<JsonObject>;
  /** Sends a frame as it is, text or binary, on the newest connection: what a broken or hostile peer might send. */
  sendRaw(frame: string | Buffer): void;
  close(): Promise<void>;
}

export async function startSocketModeServer(appId: string): Promise<SocketModeServer> {
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
    sendRaw(frame) {
      const connection = connections.at(-1);
      if (!connection) throw new Error('the app has not connected');
      connection.socket.send(frame, { binary: typeof frame !== 'string' });
    },
    async close() {
      // server.close() leaves open connections alone: end any the app did not close itself.
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** A /realtime slash command as Socket Mode carries it: the fields of Slack's form post, as JSON strings. */
export function slashCommandPayload(slack: SlackStandin, text: string): JsonObject {
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
export function eventCallback(slack: SlackStandin, event: JsonObject): JsonObject {
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
