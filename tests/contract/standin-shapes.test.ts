/**
 * Contract: what the stand-in sends and answers has the shape of what Slack really sends and answers. Each payload
 * the stand-in produces is compared with a recorded real one of its kind (../shared/slack/recorded, read in place):
 * it must have every key path the recorded one has (no fewer fields), with the same JSON type at each. Arrays are
 * compared by their first element. The Web API answers the app relies on are compared the same way, and against
 * Slack's field sets (every field ever seen) so the stand-in adds no field Slack never sends.
 *
 * A few subtrees are not compared, each for a stated reason (see OPAQUE and the per-case `skip`s): they hold the
 * app's own content (blocks it sent, inputs its surface has) rather than Slack's envelope.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../../sandbox/standin/server.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RECORDED = resolve(ROOT, '../shared/slack/recorded');
const HAVE_RECORDED = existsSync(RECORDED);

type Shape = Map<string, string>;

/**
 * Paths whose content is the app's or the surface's, not Slack's envelope: `state.values` is keyed by the
 * surface's block_ids and holds its inputs; view blocks are what the app published.
 */
const OPAQUE = [/\.state\.values$/, /\.view\.blocks$/];

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Every key path with its JSON type; arrays contribute their first element's shape under `[]`. */
function shapeOf(value: unknown, path = '', out: Shape = new Map()): Shape {
  out.set(path, typeOf(value));
  if (OPAQUE.some((re) => re.test(path))) return out;
  if (Array.isArray(value)) {
    if (value.length > 0) shapeOf(value[0], `${path}[]`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) shapeOf(child, `${path}.${key}`, out);
  }
  return out;
}

/** What the recorded shape has that the stand-in's lacks or types differently (`skip`: path prefixes to ignore). */
function shapeGaps(standin: unknown, recorded: unknown, skip: string[] = []): string[] {
  const ours = shapeOf(standin);
  const gaps: string[] = [];
  for (const [path, type] of shapeOf(recorded)) {
    if (skip.some((prefix) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[]`))) {
      continue;
    }
    const mine = ours.get(path);
    if (mine === undefined) gaps.push(`missing ${path} (${type})`);
    else if (mine !== type) gaps.push(`${path}: ${mine}, Slack sends ${type}`);
  }
  return gaps;
}

function recordedJson(file: string): unknown {
  return JSON.parse(readFileSync(resolve(RECORDED, file), 'utf8'));
}

function recordedForm(file: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(readFileSync(resolve(RECORDED, file), 'utf8').trim()));
}

let standin: SlackStandin;
let app: Server;

async function start(options: Parameters<typeof startSlackStandin>[0] = {}) {
  standin = await startSlackStandin({ ackTimeoutMs: 1000, ...options });
  standin.setAppUrl(`http://127.0.0.1:${(app.address() as AddressInfo).port}/slack/events`);
}

async function restart(options: Parameters<typeof startSlackStandin>[0]) {
  await standin.close();
  await start(options);
}

const button = {
  type: 'button',
  action_id: 'go',
  text: { type: 'plain_text', text: 'Go' },
  value: 'v',
  style: 'primary',
  confirm: {
    title: { type: 'plain_text', text: 'Sure?' },
    text: { type: 'plain_text', text: 'Really?' },
    confirm: { type: 'plain_text', text: 'Yes' },
    deny: { type: 'plain_text', text: 'No' },
  },
};
const buttonBlocks = [{ type: 'actions', block_id: 'b', elements: [button] }];

function ephemeralWithButton(threadTs?: string) {
  return standin.workspace.postEphemeral({
    channel: 'C0GENERAL',
    user: 'U0HUMAN01',
    text: 'pick',
    blocks: buttonBlocks,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    via: 'chat.postEphemeral',
  });
}

function modal() {
  return standin.workspace.openModal('U0HUMAN01', {
    type: 'modal',
    title: { type: 'plain_text', text: 'Advice' },
    submit: { type: 'plain_text', text: 'Go' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      ...buttonBlocks,
      {
        type: 'input',
        block_id: 'q',
        label: { type: 'plain_text', text: 'Q' },
        element: { type: 'plain_text_input', action_id: 'a' },
      },
    ],
  });
}

async function api(method: string, args: Record<string, unknown>) {
  const res = await fetch(`${standin.apiUrl}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${standin.botToken}` },
    body: JSON.stringify(args),
  });
  return { res, body: (await res.json()) as Record<string, unknown> };
}

/** For each test: an app that acks everything (the payloads are what is compared, not its answers), and a stand-in. */
function useAckingAppAndStandin(): void {
  beforeEach(async () => {
    app = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200).end());
    });
    await new Promise<void>((done) => app.listen(0, '127.0.0.1', done));
    await start();
  });

  afterEach(async () => {
    await standin.close();
    app.closeAllConnections();
    await new Promise((done) => app.close(done));
  });
}

describe.skipIf(!HAVE_RECORDED)('stand-in payloads have the shape of recorded Slack payloads (needs ../shared)', () => {
  useAckingAppAndStandin();

  it('slash command from a private channel, a DM and an Enterprise Grid org', async () => {
    const secret = standin.addChannel({ name: 'secret', isPrivate: true, botIsMember: false });
    const fromPrivate = await standin.slashCommand({ channel: secret.id, text: 'test' });
    expect(shapeGaps(fromPrivate.payload, recordedForm('payloads/slash.private-channel.form.txt'))).toEqual([]);
    expect(fromPrivate.payload.channel_name).toBe('privategroup');
    const grace = standin.addUser({ name: 'grace' });
    const dm = standin.addDirectMessage(['U0HUMAN01', grace.id]);
    const fromDm = await standin.slashCommand({ channel: dm.id, text: 'x' });
    expect(shapeGaps(fromDm.payload, recordedForm('payloads/slash.directmessage.form.txt'))).toEqual([]);
    await restart({ enterprise: { id: 'E111', name: 'Org Name' } });
    const grid = await standin.slashCommand({ text: 'Hi' });
    expect(shapeGaps(grid.payload, recordedForm('payloads/slash.enterprise-grid.form.txt'))).toEqual([]);
  });

  it('block_actions from an ephemeral message (also in a thread, and in an Enterprise Grid org)', async () => {
    const click = await standin.clickButton({ actionId: 'go', message: { ephemeralId: ephemeralWithButton().id } });
    expect(shapeGaps(click.payload, recordedJson('payloads/block_actions.ephemeral-with-state.json'))).toEqual([]);
    const parent = standin.postAsUser({ text: 'q' });
    const inThread = await standin.clickButton({
      actionId: 'go',
      message: { ephemeralId: ephemeralWithButton(parent.ts).id },
    });
    expect(shapeGaps(inThread.payload, recordedJson('payloads/block_actions.ephemeral-in-thread.json'))).toEqual([]);
    await restart({ enterprise: { id: 'E111', name: 'Org Name' } });
    const grid = await standin.clickButton({ actionId: 'go', message: { ephemeralId: ephemeralWithButton().id } });
    expect(shapeGaps(grid.payload, recordedJson('payloads/block_actions.enterprise-grid-ephemeral.json'))).toEqual([]);
  });

  it('block_actions from a channel message', async () => {
    const posted = standin.workspace.postBotMessage('C0GENERAL', { text: 'pick', blocks: buttonBlocks });
    const click = await standin.clickButton({ actionId: 'go', message: { channel: 'C0GENERAL', ts: posted.ts } });
    // The only recorded channel-message click is in a legacy attachment: its attachment fields are not blocks'.
    const skip = ['.container.attachment_id', '.container.is_app_unfurl'];
    expect(shapeGaps(click.payload, recordedJson('payloads/block_actions.docs-message-attachment.json'), skip)).toEqual(
      [],
    );
  });

  it('block_actions from a modal and from the Home tab', async () => {
    const recorded = recordedJson('payloads/block_actions.home-tab.json');
    const open = modal();
    const inModal = await standin.clickButton({ actionId: 'go', viewId: open.id });
    // The recorded click is in a Home tab (close/submit null); a modal has them.
    expect(shapeGaps(inModal.payload, recorded, ['.view.close', '.view.submit'])).toEqual([]);
    const home = standin.workspace.publishHome('U0HUMAN01', {
      type: 'home',
      title: { type: 'plain_text', text: 'Home' },
      blocks: buttonBlocks,
    });
    const inHome = await standin.clickButton({ actionId: 'go', viewId: home.id });
    expect(shapeGaps(inHome.payload, recorded)).toEqual([]);
  });

  it('message_action in a DM and in an Enterprise Grid org', async () => {
    const inDm = standin.postAsUser({ channel: 'U0HUMAN01', text: 'hello' });
    const dm = await standin.messageShortcut({ channel: 'U0HUMAN01', ts: inDm.ts, callbackId: 'cb' });
    expect(shapeGaps(dm.payload, recordedJson('payloads/message_action.docs-dm.json'))).toEqual([]);
    await restart({ enterprise: { id: 'E111', name: 'Org Name' } });
    // Like the recorded message, it starts with a mention (so its rich_text starts with a user element).
    const message = standin.postAsUser({ text: [{ user: 'U0HUMAN01' }, ' hello'] });
    const grid = await standin.messageShortcut({ channel: 'C0GENERAL', ts: message.ts, callbackId: 'cb' });
    expect(shapeGaps(grid.payload, recordedJson('payloads/message_action.enterprise-grid.json'))).toEqual([]);
  });

  it('view_submission', async () => {
    await restart({ enterprise: { id: 'E111', name: 'Org Name' } });
    const open = modal();
    const submitted = await standin.submitView({ viewId: open.id, values: { q: { a: 'text' } } });
    expect(shapeGaps(submitted.payload, recordedJson('payloads/view_submission.enterprise-grid.json'))).toEqual([]);
  });

  it('event_callback app_mention: plain, edited, from a bot, with files, in an Enterprise Grid org', async () => {
    const plain = await standin.mention({ text: 'is it everything a river should be?' });
    expect(shapeGaps(plain.event?.envelope, recordedJson('payloads/event.app_mention.docs.json'))).toEqual([]);
    const edited = await standin.mention({ text: 'edited message', edited: { before: 'draft' } });
    expect(shapeGaps(edited.event?.envelope, recordedJson('payloads/event.app_mention.edited.json'))).toEqual([]);
    const bot = await standin.mention({ text: 'hey', asBot: { botId: 'B111', username: 'Hey bot' } });
    expect(shapeGaps(bot.event?.envelope, recordedJson('payloads/event.app_mention.from-bot.json'))).toEqual([]);
    const files = await standin.mention({ text: 'hey', files: [{ name: 'test.png', mimetype: 'image/png' }] });
    expect(shapeGaps(files.event?.envelope, recordedJson('payloads/event.app_mention.with-files.json'))).toEqual([]);
    await restart({ enterprise: { id: 'E_INSTALLED', name: 'Org' } });
    const grid = await standin.mention({ text: 'Hi there!' });
    expect(shapeGaps(grid.event?.envelope, recordedJson('payloads/event.app_mention.enterprise.json'))).toEqual([]);
  });

  it('event_callback app_home_opened with the Home view', async () => {
    standin.workspace.publishHome('U0HUMAN01', { type: 'home', blocks: [] });
    const opened = await standin.openHome();
    expect(shapeGaps(opened.envelope, recordedJson('payloads/event.app_home_opened.home-with-view.json'))).toEqual([]);
  });
});

/** Field names a fieldset (every field Slack was seen sending) allows at the top level and in one nested object. */
function extraFields(answer: Record<string, unknown>, fieldset: Record<string, unknown>, nested: string): string[] {
  const extra = Object.keys(answer).filter((k) => !(k in fieldset));
  const inner = answer[nested];
  const allowed = fieldset[nested];
  if (typeof inner === 'object' && inner !== null && typeof allowed === 'object' && allowed !== null) {
    extra.push(
      ...Object.keys(inner)
        .filter((k) => !(k in allowed))
        .map((k) => `${nested}.${k}`),
    );
  }
  return extra;
}

describe.skipIf(!HAVE_RECORDED)(
  'stand-in Web API answers have the shape of recorded Slack answers (needs ../shared)',
  () => {
    useAckingAppAndStandin();

    const fieldset = (method: string) =>
      recordedJson(`api-responses/${method}.fieldset.json`) as Record<string, unknown>;

    it('chat.postMessage: ok, invalid_blocks, missing_scope, ratelimited', async () => {
      const ok = await api('chat.postMessage', { channel: 'C0GENERAL', text: 'hi' });
      // The recorded example is a legacy integration's message (attachments, subtype bot_message, username).
      const legacy = ['.message.attachments', '.message.subtype', '.message.username'];
      expect(shapeGaps(ok.body, recordedJson('api-responses/chat.postMessage.ok.json'), legacy)).toEqual([]);
      expect(extraFields(ok.body, fieldset('chat.postMessage'), 'message')).toEqual([]);

      const blocks = [
        { type: 'divider' },
        { type: 'divider' },
        { type: 'divider' },
        { type: 'section', text: { type: 'mrkdwn', text: 'x', emoji: true } },
      ];
      const invalid = await api('chat.postMessage', { channel: 'C0GENERAL', text: 'hi', blocks });
      expect(invalid.body).toMatchObject(recordedJson('api-responses/error.invalid_blocks.json') as object);
      expect(extraFields(invalid.body, fieldset('chat.postMessage'), 'response_metadata')).toEqual([]);

      const too = await api('chat.postMessage', {
        channel: 'C0GENERAL',
        text: 'hi',
        blocks: Array(51).fill({ type: 'divider' }),
      });
      expect(shapeGaps(too.body, recordedJson('api-responses/error.invalid_blocks.json'))).toEqual([]);

      const scope = recordedJson('api-responses/error.missing_scope.json') as { needed: string; provided: string };
      standin.injectFault('chat.postMessage', {
        error: 'missing_scope',
        needed: scope.needed,
        provided: scope.provided,
      });
      const missing = await api('chat.postMessage', { channel: 'C0GENERAL', text: 'hi' });
      expect(missing.body).toEqual(scope);
      expect(extraFields(missing.body, fieldset('chat.postMessage'), 'message')).toEqual([]);

      const limited = readFileSync(resolve(RECORDED, 'api-responses/error.ratelimited.txt'), 'utf8');
      const [head = '', body = ''] = limited.split(/\r?\n\r?\n/);
      standin.injectFault('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
      const rate = await api('chat.postMessage', { channel: 'C0GENERAL', text: 'hi' });
      expect(rate.res.status).toBe(Number(head.match(/HTTP\/1\.1 (\d+)/)?.[1]));
      expect(rate.res.headers.get('retry-after')).toBe(head.match(/Retry-After: (\d+)/i)?.[1]);
      expect(rate.body).toEqual(JSON.parse(body));
    });

    it('chat.postEphemeral: ok and user_not_in_channel', async () => {
      const ok = await api('chat.postEphemeral', { channel: 'C0GENERAL', user: 'U0HUMAN01', text: 'hi' });
      expect(shapeGaps(ok.body, recordedJson('api-responses/chat.postEphemeral.ok.json'))).toEqual([]);
      expect(extraFields(ok.body, fieldset('chat.postEphemeral'), 'message')).toEqual([]);
      const outsider = standin.addUser({ name: 'outsider' });
      const club = standin.addChannel({ name: 'club', members: ['U0HUMAN01'] });
      const refused = await api('chat.postEphemeral', { channel: club.id, user: outsider.id, text: 'hi' });
      expect(refused.body.error).toBe('user_not_in_channel');
      const recorded = recordedJson('api-responses/chat.postEphemeral.error-user_not_in_channel.json');
      expect(shapeGaps(refused.body, recorded)).toEqual([]);
    });

    it('chat.update: ok and cant_update_message (Bolt’s thread context store updates the app’s first message)', async () => {
      const posted = await api('chat.postMessage', { channel: 'C0GENERAL', text: 'hi' });
      const ok = await api('chat.update', {
        channel: 'C0GENERAL',
        ts: posted.body.ts,
        text: 'Updated text you carefully authored',
        metadata: { event_type: 'assistant_thread_context', event_payload: { channel_id: 'C0GENERAL' } },
      });
      expect(shapeGaps(ok.body, recordedJson('api-responses/chat.update.ok.json'))).toEqual([]);
      expect(extraFields(ok.body, fieldset('chat.update'), 'message')).toEqual([]);
      const person = standin.postAsUser({ text: 'mine' });
      const refused = await api('chat.update', { channel: 'C0GENERAL', ts: person.ts, text: 'x' });
      expect(refused.body).toEqual(recordedJson('api-responses/chat.update.error-cant_update_message.json'));
    });

    it('views.open, views.update, views.publish: ok and the recorded errors', async () => {
      const view = {
        type: 'modal',
        title: { type: 'plain_text', text: 'T' },
        submit: { type: 'plain_text', text: 'S' },
        close: { type: 'plain_text', text: 'C' },
        blocks: [],
      };
      const opened = await api('views.open', { trigger_id: standin.workspace.mintTrigger('U0HUMAN01'), view });
      expect(shapeGaps(opened.body, recordedJson('api-responses/views.open.ok.json'))).toEqual([]);
      expect(extraFields(opened.body, fieldset('views.open'), 'view')).toEqual([]);
      const badTrigger = await api('views.open', { trigger_id: 'nope', view });
      expect(badTrigger.body.error).toBe('invalid_trigger_id');
      const invalid = await api('views.open', {
        trigger_id: standin.workspace.mintTrigger('U0HUMAN01'),
        view: { ...view, blocks: [{ type: 'nope' }] },
      });
      expect(shapeGaps(invalid.body, recordedJson('api-responses/views.open.error-invalid_arguments.json'))).toEqual(
        [],
      );

      const id = (opened.body.view as { id: string }).id;
      const updated = await api('views.update', { view_id: id, view });
      // The recorded update is of a modal without submit; this one has one.
      expect(shapeGaps(updated.body, recordedJson('api-responses/views.update.ok.json'), ['.view.submit'])).toEqual([]);
      expect(extraFields(updated.body, fieldset('views.update'), 'view')).toEqual([]);
      const gone = await api('views.update', { view_id: 'V0NOPE', view });
      expect(shapeGaps(gone.body, recordedJson('api-responses/views.update.error-not_found.json'))).toEqual([]);

      const published = await api('views.publish', { user_id: 'U0HUMAN01', view: { type: 'home', blocks: [] } });
      expect(shapeGaps(published.body, recordedJson('api-responses/views.publish.ok.json'))).toEqual([]);
      expect(extraFields(published.body, fieldset('views.publish'), 'view')).toEqual([]);
      const bad = await api('views.publish', {
        user_id: 'U0HUMAN01',
        view: { type: 'home', blocks: [{ type: 'nope' }] },
      });
      expect(shapeGaps(bad.body, recordedJson('api-responses/views.publish.error-invalid_arguments.json'))).toEqual([]);
    });

    it('response_url: invalid_blocks is a 400 with a plain-text body', async () => {
      const recorded = readFileSync(resolve(RECORDED, 'api-responses/response_url.invalid_blocks.txt'), 'utf8');
      const [head = '', body = ''] = recorded.split(/\r?\n\r?\n/);
      const url = standin.workspace.mintResponseUrl({ channel: 'C0GENERAL', user: 'U0HUMAN01' });
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'x', blocks: [{ type: 'nope' }] }),
      });
      expect(res.status).toBe(Number(head.match(/HTTP\/1\.1 (\d+)/)?.[1]));
      expect(await res.text()).toBe(body.trim());
    });
  },
);

describe('the key-path/type walker', () => {
  it('reports missing paths and other types, comparing arrays by their first element', () => {
    const recorded = { a: 1, b: { c: 'x' }, list: [{ id: 'U1', extra: true }], n: null };
    expect(shapeGaps({ a: 2, b: { c: 'y' }, list: [{ id: 'U2', extra: false }], n: null, more: 1 }, recorded)).toEqual(
      [],
    );
    expect(shapeGaps({ a: '2', b: {}, list: [{ id: 'U2' }], n: 'x' }, recorded)).toEqual([
      '.a: string, Slack sends number',
      'missing .b.c (string)',
      'missing .list[].extra (boolean)',
      '.n: string, Slack sends null',
    ]);
  });
});
