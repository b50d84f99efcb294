/**
 * The edge in Socket Mode: whatever arrives on the socket, however malformed, leaves the process running, and an
 * envelope that has an id is acknowledged (so Slack neither retries it nor shows the person a timeout). The app
 * runs as `npm start` runs it, in its own process, so that a crash is a dead process, not a test error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../../sandbox/standin/index.js';
import { type SpawnedApp, spawnApp } from '../app-process.js';
import { eventually } from './harness.js';
import {
  ACK_DEADLINE_MS,
  type SocketModeServer,
  slashCommandPayload,
  startSocketModeServer,
} from './socket-mode-server.js';

const HOOK_MS = 30_000;

let slack: SlackStandin;
let socketServer: SocketModeServer;
let app: SpawnedApp;

beforeAll(async () => {
  slack = await startSlackStandin();
  socketServer = await startSocketModeServer(slack.appId);
  slack.setSocketModeUrl(socketServer.url);
  app = spawnApp(slack, { SLACK_APP_TOKEN: slack.appToken, DATABASE_PATH: ':memory:', LOG_LEVEL: 'warn' });
  await app.waitFor(/connected in Socket Mode/);
  await eventually(() => expect(socketServer.connections).toHaveLength(1), 5000);
}, HOOK_MS);

afterAll(async () => {
  await app?.stop();
  await socketServer?.close();
  await slack?.close();
});

const received = () => socketServer.connections.at(-1)?.received ?? [];
const alive = () => app.child.exitCode === null && app.child.signalCode === null;

/** Malformed frames Slack's side could send, with the envelope id each carries (if any) to be acknowledged. */
const FRAMES: [string, string | Buffer, string | undefined][] = [
  ['the JSON null', 'null', undefined],
  ['a JSON string', '"slash_commands"', undefined],
  ['a JSON number', '42', undefined],
  ['a JSON array', '[{"type":"events_api"}]', undefined],
  ['text that is not JSON', '{"type":"events_api", "envelope_id":', undefined],
  ['a binary frame', Buffer.from([0xde, 0xad, 0xbe, 0xef]), undefined],
  ['an envelope with no type', '{"envelope_id":"env-no-type","payload":{}}', 'env-no-type'],
  ['events_api with no payload', '{"type":"events_api","envelope_id":"env-no-payload"}', 'env-no-payload'],
  ['events_api with a payload of null', '{"type":"events_api","envelope_id":"env-null","payload":null}', 'env-null'],
  ['events_api with no event', '{"type":"events_api","envelope_id":"env-no-event","payload":{}}', 'env-no-event'],
  [
    'events_api with an event of null',
    '{"type":"events_api","envelope_id":"env-event-null","payload":{"type":"event_callback","event":null}}',
    'env-event-null',
  ],
  [
    'slash_commands with a payload of null',
    '{"type":"slash_commands","envelope_id":"env-cmd-null","payload":null}',
    'env-cmd-null',
  ],
  [
    'slash_commands with a string payload',
    '{"type":"slash_commands","envelope_id":"env-cmd-text","payload":"/realtime"}',
    'env-cmd-text',
  ],
  [
    'slash_commands with no user',
    '{"type":"slash_commands","envelope_id":"env-cmd-nouser","payload":{"command":"/realtime","text":"sse"}}',
    'env-cmd-nouser',
  ],
  [
    'interactive block_actions with actions null',
    '{"type":"interactive","envelope_id":"env-actions-null","payload":{"type":"block_actions","actions":null}}',
    'env-actions-null',
  ],
  [
    'interactive view_submission with no view',
    '{"type":"interactive","envelope_id":"env-no-view","payload":{"type":"view_submission","user":{"id":"U0HUMAN01"}}}',
    'env-no-view',
  ],
  ['an envelope id that is not a string', '{"type":"events_api","envelope_id":{"x":1},"payload":null}', undefined],
];

describe('malformed Socket Mode frames', () => {
  it.each(FRAMES)(
    '%s: the process keeps running, and an envelope with an id is acknowledged',
    async (_name, frame, id) => {
      socketServer.sendRaw(frame);
      if (id) {
        await eventually(
          () => expect(received().some((message) => message.envelope_id === id)).toBe(true),
          ACK_DEADLINE_MS,
        );
      }
      // Still serving on the same socket: a /realtime help is answered within Slack's deadline, and the process
      // has not exited since (an exception thrown from the frame's handler ends it a moment later).
      const help = await socketServer
        .deliver('slash_commands', slashCommandPayload(slack, 'help'))
        .catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(alive() && help !== undefined, `the app stopped answering: ${app.output.stderr.slice(-2000)}`).toBe(true);
    },
  );

  it('afterwards a /realtime over the same socket is answered with the first question', async () => {
    expect(alive()).toBe(true);
    const ack = await socketServer.deliver('slash_commands', slashCommandPayload(slack, ''));
    expect(JSON.stringify(ack)).toContain('Question 1 of 3');
    expect(socketServer.connections).toHaveLength(1); // the same connection: nothing made it reconnect
  });
});
