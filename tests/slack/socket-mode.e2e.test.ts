/**
 * Socket Mode, offline. The real app, built by createSlackApp with an app-level token, asks the Slack stand-in's
 * Web API (`apps.connections.open`) for a WebSocket URL and connects to a local WebSocket server standing in for
 * Slack's. The test sends envelopes over that socket as Slack does and reads the app's acks; the Web API calls the
 * app makes while handling them still reach the stand-in over HTTP.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../../sandbox/standin/index.js';
import { createAdvisor, loadComparisons } from '../../src/advisor/index.js';
import { parseConfig } from '../../src/config.js';
import { createSlackApp, type RunningApp } from '../../src/slack/app.js';
import { eventually, GENERAL, HUMAN } from './harness.js';
import {
  eventCallback,
  type SocketModeServer,
  slashCommandPayload,
  startSocketModeServer,
} from './socket-mode-server.js';

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
