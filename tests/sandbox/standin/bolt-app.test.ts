/**
 * A real Bolt App (HTTP receiver, real WebClient) driven through the stand-in: proves that signatures, content
 * types, payload shapes, respond(), say(), trigger_ids and view acks all work end to end, which is what the
 * project's e2e tests will rely on.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../../../sandbox/standin/server.js';

let standin: SlackStandin;
let app: App;
let server: Server;

async function until<T>(probe: () => T | undefined | false, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the app');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const pickBlocks = [
  {
    type: 'actions',
    block_id: 'choices',
    elements: [{ type: 'button', action_id: 'pick', text: { type: 'plain_text', text: 'SSE' }, value: 'sse' }],
  },
];

beforeEach(async () => {
  standin = await startSlackStandin();
  app = new App({
    token: standin.botToken,
    signingSecret: standin.signingSecret,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: standin.apiUrl, retryConfig: { retries: 0 } },
  });
  server = (await app.start(0)) as Server;
  standin.setAppUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
});

afterEach(async () => {
  await app.stop();
  await standin.close();
});

describe('a Bolt app behind the stand-in', () => {
  it('answers a slash command in one round trip through ack()', async () => {
    app.command('/realtime', async ({ ack, command }) => {
      await ack(`You asked about: ${command.text}`);
    });
    const result = await standin.slashCommand({ text: 'live scores' });
    expect(result.status).toBe(200);
    expect(standin.ephemerals('U0HUMAN01', 'C0GENERAL').map((e) => e.text)).toEqual(['You asked about: live scores']);
  });

  it('follows up through respond() and opens a modal with the trigger_id', async () => {
    app.command('/realtime', async ({ ack, respond, client, body }) => {
      await ack();
      await client.views.open({
        trigger_id: body.trigger_id,
        view: { type: 'modal', title: { type: 'plain_text', text: 'Advisor' }, blocks: [] },
      });
      await respond({ response_type: 'in_channel', text: 'Opened the advisor' });
    });
    await standin.slashCommand({ text: '' });
    await until(() => standin.channelHistory('C0GENERAL').length === 1);
    expect(standin.channelHistory('C0GENERAL')[0]?.text).toBe('Opened the advisor');
    expect(standin.openViews('U0HUMAN01')).toHaveLength(1);
  });

  it('handles a button click and replaces the clicked message via respond()', async () => {
    app.action('pick', async ({ ack, respond, action }) => {
      await ack();
      await respond({ replace_original: true, text: `Picked ${'value' in action ? action.value : '?'}` });
    });
    const posted = await app.client.chat.postMessage({ channel: 'C0GENERAL', text: 'Pick', blocks: pickBlocks });
    await standin.clickButtonByText({ text: 'SSE', message: { channel: 'C0GENERAL', ts: posted.ts as string } });
    await until(() => standin.channelHistory('C0GENERAL')[0]?.text === 'Picked sse');
    expect(standin.channelHistory('C0GENERAL')).toHaveLength(1);
  });

  it('replies in the thread of an app_mention with say()', async () => {
    app.event('app_mention', async ({ event, say }) => {
      await say({ text: 'SSE, probably', thread_ts: event.ts });
    });
    const { message, event } = await standin.mention({ text: 'stock ticker?' });
    expect(event?.status).toBe(200);
    const thread = await until(() => {
      const t = standin.thread('C0GENERAL', message.ts);
      return t.length === 2 && t;
    });
    expect(thread[1]).toMatchObject({ text: 'SSE, probably', bot_id: standin.botId });
  });

  it('keeps a modal open with errors when the submission ack says so', async () => {
    app.view('advise', async ({ ack, view }) => {
      const need = view.state.values.need?.text?.value ?? '';
      if (need.length < 5) await ack({ response_action: 'errors', errors: { need: 'Say a bit more' } });
      else await ack();
    });
    const open = () =>
      standin.workspace.openModal('U0HUMAN01', {
        type: 'modal',
        callback_id: 'advise',
        title: { type: 'plain_text', text: 'Advisor' },
        submit: { type: 'plain_text', text: 'Advise' },
        blocks: [
          {
            type: 'input',
            block_id: 'need',
            label: { type: 'plain_text', text: 'Need' },
            element: { type: 'plain_text_input', action_id: 'text' },
          },
        ],
      });
    const first = open();
    expect((await standin.submitView({ viewId: first.id, values: { need: { text: 'x' } } })).outcome).toBe('errors');
    expect((await standin.submitView({ viewId: first.id, values: { need: { text: 'live prices' } } })).outcome).toBe(
      'closed',
    );
  });

  it('rejects a forged request with 401, as Bolt verifies signatures', async () => {
    const result = await standin.sendRaw({
      contentType: 'application/json',
      body: JSON.stringify({ type: 'event_callback' }),
      signature: 'v0=0000',
    });
    expect(result.status).toBe(401);
  });
});
