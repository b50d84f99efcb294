/**
 * Where the stand-in once differed from Slack, pinned to what Slack really does: people's text entity-encoded with
 * mentions and links in Slack's markup; DMs between people, group DMs and private channels the app cannot see;
 * Slack's refusals of too many blocks and unknown properties; plain-text response_url errors; the extra fields of
 * injected errors; and the Enterprise Grid, shared-channel, edited, bot and file forms of payloads.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../../../sandbox/standin/server.js';

let standin: SlackStandin;
let app: Server;

async function startAckingApp(): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function start(options: Parameters<typeof startSlackStandin>[0] = {}) {
  standin = await startSlackStandin({ ackTimeoutMs: 1000, ...options });
  standin.setAppUrl(`http://127.0.0.1:${(app.address() as AddressInfo).port}/slack/events`);
}

beforeEach(async () => {
  app = await startAckingApp();
  await start();
});

afterEach(async () => {
  await standin.close();
  app.closeAllConnections();
  await new Promise((resolve) => app.close(resolve));
});

function api(method: string, args: Record<string, unknown>) {
  return fetch(`${standin.apiUrl}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${standin.botToken}` },
    body: JSON.stringify(args),
  });
}

async function apiJson(method: string, args: Record<string, unknown>) {
  return (await (await api(method, args)).json()) as Record<string, unknown>;
}

describe("people's text, as Slack sends it", () => {
  it('entity-encodes &, < and > in a slash command, keeping picked mentions, channels and links as markup', async () => {
    const result = await standin.slashCommand({
      text: 'R&D <b> <@U0HUMAN01> in <#C0GENERAL> see <https://example.com/a?b=1&c=2|docs> <!channel>',
    });
    expect(result.payload.text).toBe(
      'R&amp;D &lt;b&gt; <@U0HUMAN01> in <#C0GENERAL|general> see <https://example.com/a?b=1&c=2|docs> &lt;!channel&gt;',
    );
  });

  it('takes parts for text typed literally and for mentions, channels and links', async () => {
    const result = await standin.slashCommand({
      text: [
        'a &amp; <@U1> ',
        { user: 'U0HUMAN01' },
        ' ',
        { channel: 'C0GENERAL' },
        ' ',
        { url: 'https://x.io', label: 'x' },
      ],
    });
    expect(result.payload.text).toBe('a &amp;amp; &lt;@U1&gt; <@U0HUMAN01> <#C0GENERAL|general> <https://x.io|x>');
  });

  it('encodes the app_mention text and sends the rich_text block with the typed characters', async () => {
    const { event } = await standin.mention({ text: ['fast & cheap? ', { user: 'U0HUMAN01' }] });
    const sent = event?.envelope.event as Record<string, unknown>;
    expect(sent.text).toBe(`<@${standin.botUserId}> fast &amp; cheap? <@U0HUMAN01>`);
    expect(sent.blocks).toMatchObject([
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'user', user_id: standin.botUserId },
              { type: 'text', text: ' fast & cheap? ' },
              { type: 'user', user_id: 'U0HUMAN01' },
            ],
          },
        ],
      },
    ]);
  });

  it('stores messages posted as a person encoded, so a message shortcut carries the encoded text', async () => {
    const message = standin.postAsUser({ text: 'a<b & c>d' });
    expect(message.text).toBe('a&lt;b &amp; c&gt;d');
    const shortcut = await standin.messageShortcut({ channel: 'C0GENERAL', ts: message.ts, callbackId: 'cb' });
    expect((shortcut.payload.message as Record<string, unknown>).text).toBe('a&lt;b &amp; c&gt;d');
  });

  it('does not encode twice text a caller already put in Slack form', () => {
    expect(standin.postAsUser({ text: 'a &lt;b&gt; &amp; <@U0HUMAN01>' }).text).toBe('a &lt;b&gt; &amp; <@U0HUMAN01>');
  });
});

describe('conversations the app is not in', () => {
  it('answers channel_not_found for a DM between people, a group DM and a private channel without the app', async () => {
    const grace = standin.addUser({ name: 'grace' });
    const alan = standin.addUser({ name: 'alan' });
    const dm = standin.addDirectMessage(['U0HUMAN01', grace.id]);
    const group = standin.addGroupDirectMessage(['U0HUMAN01', grace.id, alan.id]);
    const secret = standin.addChannel({ name: 'secret', isPrivate: true, botIsMember: false });
    const open = standin.addChannel({ name: 'open', botIsMember: false });
    expect(dm.id).toMatch(/^D/);
    expect(group.name).toBe('mpdm-ada--grace--alan-1');
    expect(secret.id).toMatch(/^G/);
    for (const channel of [dm.id, group.id, secret.id]) {
      expect(await apiJson('chat.postMessage', { channel, text: 'hi' })).toEqual({
        ok: false,
        error: 'channel_not_found',
      });
      expect(await apiJson('chat.postEphemeral', { channel, user: 'U0HUMAN01', text: 'hi' })).toEqual({
        ok: false,
        error: 'channel_not_found',
      });
    }
    // A public channel the app is not in is still not_in_channel.
    expect(await apiJson('chat.postMessage', { channel: open.id, text: 'hi' })).toMatchObject({
      error: 'not_in_channel',
    });
  });

  it('names them as Slack does in slash commands and block_actions, and their response_url still works', async () => {
    const grace = standin.addUser({ name: 'grace' });
    const dm = standin.addDirectMessage(['U0HUMAN01', grace.id]);
    const group = standin.addGroupDirectMessage(['U0HUMAN01', grace.id]);
    const secret = standin.addChannel({ name: 'secret', isPrivate: true, botIsMember: false });
    const names: string[] = [];
    for (const channel of [dm.id, group.id, secret.id]) {
      const command = await standin.slashCommand({ channel, text: 'x' });
      names.push(command.payload.channel_name as string);
      const res = await fetch(command.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          text: 'pick',
          blocks: [
            {
              type: 'actions',
              elements: [{ type: 'button', action_id: 'go', text: { type: 'plain_text', text: 'Go' } }],
            },
          ],
        }),
      });
      expect(res.status).toBe(200);
      const ephemeral = standin.ephemerals('U0HUMAN01', channel).at(-1);
      const click = await standin.clickButton({ actionId: 'go', message: { ephemeralId: ephemeral?.id as string } });
      expect(click.payload.channel).toEqual({ id: channel, name: command.payload.channel_name });
    }
    expect(names).toEqual(['directmessage', 'mpdm-ada--grace-1', 'privategroup']);
  });

  it('leaves the sandbox page its list: people DMs are IMs, which the page skips', () => {
    const grace = standin.addUser({ name: 'grace' });
    standin.addDirectMessage(['U0HUMAN01', grace.id]);
    const listed = standin.snapshot().channels.filter((c) => !c.isIm);
    expect(listed.map((c) => c.id)).toEqual(['C0GENERAL']);
  });
});

describe("Slack's refusals of blocks", () => {
  it('refuses more than 50 blocks with invalid_blocks in chat.postMessage and chat.postEphemeral', async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    for (const [method, extra] of [
      ['chat.postMessage', {}],
      ['chat.postEphemeral', { user: 'U0HUMAN01' }],
    ] as const) {
      expect(await apiJson(method, { channel: 'C0GENERAL', text: 't', blocks, ...extra })).toMatchObject({
        ok: false,
        error: 'invalid_blocks',
        errors: ['no more than 50 items allowed [json-pointer:/blocks]'],
      });
    }
  });

  it('refuses an unknown property where it is, as Slack does (emoji on a mrkdwn text object)', async () => {
    const blocks = [
      { type: 'divider' },
      { type: 'divider' },
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: 'hi', emoji: true } },
    ];
    expect(await apiJson('chat.postMessage', { channel: 'C0GENERAL', text: 't', blocks })).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      errors: [
        'failed to match all allowed schemas [json-pointer:/blocks/3/text]',
        'invalid additional property: emoji [json-pointer:/blocks/3/text]',
      ],
    });
    const extraOnBlock = [{ type: 'divider', colour: 'red' }];
    expect(await apiJson('chat.postMessage', { channel: 'C0GENERAL', text: 't', blocks: extraOnBlock })).toMatchObject({
      errors: ['invalid additional property: colour [json-pointer:/blocks/0]'],
    });
  });

  it('refuses an unknown property in a view too', async () => {
    const view = {
      type: 'home',
      blocks: [{ type: 'section', text: { type: 'plain_text', text: 'x', verbatim: true } }],
    };
    const answer = await apiJson('views.publish', { user_id: 'U0HUMAN01', view });
    expect(answer).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(JSON.stringify(answer)).toContain(
      'invalid additional property: verbatim [json-pointer:/view/blocks/0/text]',
    );
  });
});

describe('response_url errors', () => {
  it('answers 4xx with a plain-text body, as Slack does', async () => {
    const url = standin.workspace.mintResponseUrl({ channel: 'C0GENERAL', user: 'U0HUMAN01' });
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 't', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('invalid_blocks');
  });

  it('answers an injected response_url error in plain text too', async () => {
    const url = standin.workspace.mintResponseUrl({ channel: 'C0GENERAL', user: 'U0HUMAN01' });
    standin.injectFault('response_url', { error: 'invalid_blocks' });
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"x"}',
    });
    expect([res.status, await res.text()]).toEqual([400, 'invalid_blocks']);
  });
});

describe('injected faults with the fields Slack sends', () => {
  it('missing_scope carries needed and provided', async () => {
    standin.injectFault('chat.postMessage', { error: 'missing_scope', needed: 'chat:write', provided: 'commands' });
    expect(await apiJson('chat.postMessage', { channel: 'C0GENERAL', text: 'x' })).toEqual({
      ok: false,
      error: 'missing_scope',
      needed: 'chat:write',
      provided: 'commands',
    });
  });

  it('ratelimited is HTTP 429 with Retry-After', async () => {
    standin.injectFault('chat.postMessage', { status: 429, retryAfterSeconds: 3 });
    const res = await api('chat.postMessage', { channel: 'C0GENERAL', text: 'x' });
    expect([res.status, res.headers.get('retry-after'), await res.json()]).toEqual([
      429,
      '3',
      { ok: false, error: 'ratelimited' },
    ]);
  });
});

describe('payloads in their other real forms', () => {
  it('carries Enterprise Grid fields when the workspace is in an org', async () => {
    await standin.close();
    await start({ enterprise: { id: 'E0ORG', name: 'Org' } });
    const command = await standin.slashCommand({ text: 'x' });
    expect(command.payload).toMatchObject({ enterprise_id: 'E0ORG', enterprise_name: 'Org' });
    const { event } = await standin.mention({ text: 'x' });
    expect(event?.envelope).toMatchObject({
      enterprise_id: 'E0ORG',
      context_enterprise_id: 'E0ORG',
      authorizations: [{ enterprise_id: 'E0ORG', team_id: standin.teamId }],
    });
    const posted = standin.workspace.postBotMessage('C0GENERAL', {
      text: 'b',
      blocks: [
        { type: 'actions', elements: [{ type: 'button', action_id: 'go', text: { type: 'plain_text', text: 'Go' } }] },
      ],
    });
    const click = await standin.clickButton({ actionId: 'go', message: { channel: 'C0GENERAL', ts: posted.ts } });
    expect(click.payload).toMatchObject({
      enterprise: { id: 'E0ORG', name: 'Org' },
      team: { id: standin.teamId, enterprise_id: 'E0ORG', enterprise_name: 'Org' },
    });
  });

  it('marks events from a channel shared with another org', async () => {
    const shared = standin.addChannel({ name: 'partners', sharedFrom: { teamId: 'T0OTHER', enterpriseId: 'E0OTHER' } });
    const { event } = await standin.mention({ channel: shared.id, text: 'x' });
    expect(event?.envelope).toMatchObject({
      team_id: 'T0OTHER',
      enterprise_id: 'E0OTHER',
      is_ext_shared_channel: true,
      authorizations: [{ team_id: standin.teamId }],
    });
  });

  it('sends an edited mention with edited: { user, ts }', async () => {
    const { message, event } = await standin.mention({ text: 'now with SSE', edited: { before: 'draft' } });
    const sent = event?.envelope.event as Record<string, unknown>;
    expect(sent.text).toBe(`<@${standin.botUserId}> now with SSE`);
    expect(sent.edited).toEqual({ user: 'U0HUMAN01', ts: expect.stringMatching(/^\d+\.\d{6}$/) });
    expect(message.edited).toEqual(sent.edited);
  });

  it("sends another app's mention as a bot_message with bot_id and no user", async () => {
    const { event } = await standin.mention({ text: 'hey', asBot: { botId: 'B0OTHER', username: 'Other bot' } });
    const sent = event?.envelope.event as Record<string, unknown>;
    expect(sent).toMatchObject({ subtype: 'bot_message', bot_id: 'B0OTHER', username: 'Other bot' });
    expect(sent).not.toHaveProperty('user');
  });

  it('sends files with a mention', async () => {
    const { event } = await standin.mention({ text: 'look', files: [{ name: 'diagram.png', mimetype: 'image/png' }] });
    const sent = event?.envelope.event as Record<string, unknown>;
    expect(sent.files).toMatchObject([{ name: 'diagram.png', mimetype: 'image/png', filetype: 'png' }]);
    expect(sent.upload).toBe(false);
  });
});
