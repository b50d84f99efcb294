/**
 * Hostile text through every surface that echoes a person's words (issue 10: "what holds today keeps holding").
 * Twenty-nine kinds of text a person can type or pick, each run end to end through the real app: `/realtime`
 * (its answer, the verdict's quoted words, Why?, Share and the shared verdict's thread), an @mention, the message
 * shortcut (its modal and Reply in thread), a message in the app's Messages tab, `/realtime history` read by
 * someone else, and the Home tab's decisions.
 *
 * What must hold for each: nothing the app sends carries live markup that came from the text (no @here,
 * @channel, @everyone or user group, no mention of someone else where others read it, no link or channel the text
 * did not pick in Slack), every `<` the app sends opens markup of its own, it never asks Slack to link names
 * (`link_names`, `parse: full`, under which a plain "@channel" would ping), and where the quote is short enough to
 * be shown whole it reads as the person typed it.
 */
import { describe, expect, it } from 'vitest';
import type { AckResult, PersonText } from '../../sandbox/standin/index.js';
import { eventually, expectAcked, GENERAL, HUMAN, useHarness, visibleText } from './harness.js';

const h = useHarness();

/** Ids only hostile text uses: one inside markup the app sends came from the text. */
const VICTIM = 'U0VICTIM01';
const GROUP = 'S0HOSTILE1';
const SECRET_CHANNEL = 'C0HOSTILE1';
const HOSTILE_IN_MARKUP = new RegExp(
  `<[^<>]*(?:${VICTIM}|${GROUP}|${SECRET_CHANNEL}|evil\\.example|javascript:|1700000000|onerror|script)`,
  'i',
);
/** `<!here>`, `<!channel>`, `<!everyone>`, `<!subteam^…>`: a crowd pinged. */
const LIVE_SPECIAL = /<!(?:here|channel|everyone|subteam)/i;
/** Markup the app writes itself: people and channels by id, links, and dates (`<!date^…>`, the decision log). */
const OWN_MARKUP =
  /^(?:@[UW][A-Z0-9]+|#[CG][A-Z0-9]+(?:\|[^|]*)?|!date\^\d+\^[^|]*\|[^|]*|https?:\/\/[^|\s]+(?:\|.*)?)$/s;

/** A situation that reaches a verdict, so every surface shows its quoted words, Why? and Share. */
const SITUATION = 'we stream LLM tokens to the browser, nothing goes back';

interface Kind {
  name: string;
  /** What the person sends: a string is typed characters (Slack entity-encodes them), objects are picked markup. */
  hostile: PersonText;
  /** Slack-encoded words the /realtime answer must show, where the quote is short enough to hold them whole. */
  shows?: string;
  /** A mention picked in Slack: private surfaces (an ephemeral, a modal) may render it, as Slack does. */
  pickedMention?: boolean;
}

const typed = (text: string): PersonText => [text];
const long = `<!channel> ${'live dashboard '.repeat(2700)}<@${VICTIM}> <!here>`.slice(0, 40_000);

const KINDS: Kind[] = [
  // Markup typed or pasted as characters: Slack sends it entity-encoded, so it is text.
  { name: '<!channel> typed', hostile: typed('<!channel>'), shows: '&lt;!channel&gt;' },
  { name: '<!here> typed', hostile: typed('<!here>'), shows: '&lt;!here&gt;' },
  { name: '<!everyone> typed', hostile: typed('<!everyone>'), shows: '&lt;!everyone&gt;' },
  { name: 'a user mention typed', hostile: typed(`<@${VICTIM}>`), shows: `&lt;@${VICTIM}&gt;` },
  {
    name: 'a user group mention typed',
    hostile: typed(`<!subteam^${GROUP}|@oncall>`),
    shows: `&lt;!subteam^${GROUP}|@oncall&gt;`,
  },
  {
    name: 'a channel link typed',
    hostile: typed(`<#${SECRET_CHANNEL}|secret>`),
    shows: `&lt;#${SECRET_CHANNEL}|secret&gt;`,
  },
  {
    name: 'a labelled link typed',
    hostile: typed('<https://evil.example/login|Slack sign-in>'),
    shows: '&lt;https://evil.example/login|Slack sign-in&gt;',
  },
  {
    name: 'a script link typed',
    hostile: typed('<javascript:alert(1)|open>'),
    shows: '&lt;javascript:alert(1)|open&gt;',
  },
  {
    name: 'a date token typed',
    hostile: typed('<!date^1700000000^{date_short}|a date>'),
    shows: '&lt;!date^1700000000^{date_short}|a date&gt;',
  },
  // Entities typed literally: decoded once, so they are shown as typed, never turned into markup.
  { name: 'the entity-encoded form typed', hostile: typed('&lt;!channel&gt;'), shows: '&amp;lt;!channel&amp;gt;' },
  {
    name: 'a double-encoded form typed',
    hostile: typed('&amp;lt;!here&amp;gt;'),
    shows: '&amp;amp;lt;!here&amp;amp;gt;',
  },
  { name: 'numeric entities typed', hostile: typed('&#60;!channel&#62;'), shows: '&amp;#60;!channel&amp;#62;' },
  // Invisible and direction characters.
  {
    name: 'zero-width characters inside markup',
    hostile: typed(`<!chan\u200Dnel> <\u200B@${VICTIM}>`),
    shows: `&lt;!chan\u200Dnel&gt; &lt;\u200B@${VICTIM}&gt;`,
  },
  { name: 'a right-to-left override', hostile: typed('\u202E>lennahc!<\u202C'), shows: '\u202E&gt;lennahc!&lt;\u202C' },
  // Other formats that are not Slack's.
  {
    name: 'a markdown link',
    hostile: typed('[Slack sign-in](https://evil.example/login)'),
    shows: '[Slack sign-in](https://evil.example/login)',
  },
  {
    name: 'markup in backticks',
    hostile: typed(`\`<!here>\` \`\`\`<@${VICTIM}>\`\`\``),
    shows: `\`&lt;!here&gt;\` \`\`\`&lt;@${VICTIM}&gt;\`\`\``,
  },
  { name: 'HTML', hostile: typed('<img src=x onerror=alert(1)><script>alert(1)</script>') },
  // Text that is malformed or huge.
  { name: 'lone surrogates around markup', hostile: typed('\uD800<!channel>\uDFFF') },
  { name: 'a 40,000-character text with markup at both ends', hostile: typed(long) },
  {
    name: 'unclosed brackets',
    hostile: typed(`<!channel <@${VICTIM} <https://evil.example`),
    shows: `&lt;!channel &lt;@${VICTIM} &lt;https://evil.example`,
  },
  { name: 'nested brackets', hostile: typed(`<<!here>|x> <@${VICTIM}<!channel>>`) },
  { name: 'mrkdwn injection with *, _, ~ and >', hostile: typed('_*~<!here>~*_\n> quoted <!channel>') },
  {
    name: 'control characters and a new line that starts a quote',
    hostile: typed('\u0000\u0007\r\n&gt; <!here>\n>>> <!channel>'),
  },
  // Plain words that look like mentions: text, as long as the app never asks Slack to link names.
  {
    name: 'mentions spoofed by display name',
    hostile: typed('@channel @here @Realtime Advisor @ada'),
    shows: '@channel @here @Realtime Advisor @ada',
  },
  // Markup the person picked in Slack's composer: live in their own message, never again in the app's.
  { name: '@channel picked', hostile: [{ broadcast: 'channel' }] },
  { name: '@here picked', hostile: [{ broadcast: 'here' }] },
  { name: 'someone else mentioned', hostile: [{ user: VICTIM }], pickedMention: true },
  { name: 'a user group picked', hostile: [{ usergroup: GROUP, handle: '@oncall' }] },
  { name: 'a link whose label is markup', hostile: [{ url: 'https://example.com/a', label: '<!channel>' }] },
];

/** The hostile text, then the situation: parts stay parts, so picked markup stays markup. */
function withSituation(kind: Kind): PersonText {
  return typeof kind.hostile === 'string' ? `${kind.hostile} ${SITUATION}` : [...kind.hostile, ` ${SITUATION}`];
}

/**
 * What people read in something the app sent: every `text` (mrkdwn or plain, the fallback included, as Slack
 * shows it in notifications) and every button `url`, as a link. Button values and private_metadata come back to
 * the app and are never shown.
 */
function readable(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) readable(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && typeof value === 'string') out.push(value);
      else if (key === 'url' && typeof value === 'string') out.push(`<${value}>`);
      else if (key !== 'value' && key !== 'private_metadata') readable(value, out);
    }
  }
  return out;
}

/** Everything the app sent while a kind ran: every Web API call and response_url post, and the acks. */
function sent(
  acks: AckResult[],
): { where: string; texts: string[]; isPublic: boolean; args: Record<string, unknown> }[] {
  const im = h.slack.workspace.imChannelFor(HUMAN).id;
  const calls = h.slack.calls.map((call) => {
    const isPublic =
      (call.method === 'chat.postMessage' && call.args.channel !== im) ||
      call.method === 'chat.update' ||
      (call.method === 'response_url' && call.args.response_type === 'in_channel');
    const { text, blocks, attachments, view } = call.args;
    return { where: call.method, texts: readable({ text, blocks, attachments, view }), isPublic, args: call.args };
  });
  const answers = acks
    .filter((ack) => ack.body !== '')
    .map((ack) => {
      const json = ack.json as { response_type?: unknown } | undefined;
      return {
        where: 'ack',
        texts: json ? readable(json) : [ack.body],
        isPublic: json?.response_type === 'in_channel',
        args: {},
      };
    });
  return [...calls, ...answers];
}

function expectNothingLive(kind: Kind, acks: AckResult[]): void {
  for (const { where, texts, isPublic, args } of sent(acks)) {
    expect(args.link_names, `${where} asked Slack to link names`).toBeUndefined();
    expect(args.parse, `${where} asked Slack to parse names`).toBeUndefined();
    for (const text of texts) {
      expect(text, `${where} carried a live broadcast`).not.toMatch(LIVE_SPECIAL);
      const opened = text.split('<').length - 1;
      const markup = [...text.matchAll(/<([^<>]*)>/g)].map((m) => m[1] ?? '');
      expect(markup, `${where} sent a "<" that opens no markup: ${text.slice(0, 300)}`).toHaveLength(opened);
      for (const inner of markup) {
        if (inner === `@${VICTIM}` && kind.pickedMention && !isPublic) continue; // private, rendered as Slack does
        expect(inner, `${where} sent markup that is not its own`).toMatch(OWN_MARKUP);
        expect(`<${inner}>`, `${where} sent markup from the text`).not.toMatch(HOSTILE_IN_MARKUP);
      }
    }
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The app's share in #general among the messages after the first `before`, once it is there. */
const sharedPostAfter = (before: number) =>
  eventually(() => {
    const posted = h.slack
      .channelHistory(GENERAL)
      .slice(before)
      .find((m) => m.bot_id);
    if (!posted) throw new Error('the share was not posted');
    return posted;
  });

/** The newest thread reply from the app under a message, once it is there. */
const botReply = (channel: string, ts: string) =>
  eventually(() => {
    const reply = h.slack
      .thread(channel, ts)
      .slice(1)
      .find((m) => m.bot_id);
    if (!reply) throw new Error('no reply from the app in the thread');
    return reply;
  });

describe.each(KINDS.map((kind, i) => [`${i + 1}. ${kind.name}`, kind] as const))('hostile text, %s', (_name, kind) => {
  it('/realtime: the answer, Why?, Share, the shared verdict and its thread carry nothing live', async () => {
    const acks: AckResult[] = [];
    const command = await h.slack.slashCommand({ text: withSituation(kind) });
    expectAcked(command);
    acks.push(command);
    const answer = await eventually(() => {
      const last = h.lastEphemeral();
      expect(visibleText(last)).toMatch(/You asked/);
      return last;
    });
    if (kind.shows) expect(visibleText(answer)).toContain(kind.shows);
    const labels = () => h.slack.findButtons({ message: { ephemeralId: answer.id } }).map((b) => b.text);
    if (labels().includes('Why?')) {
      acks.push(await h.slack.clickButtonByText({ text: 'Why?', message: { ephemeralId: answer.id } }));
      await eventually(() => expect(labels()).toContain('Show less'));
    }
    expect(labels()).toContain('Share in channel');
    const before = h.slack.channelHistory(GENERAL).length;
    acks.push(await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: answer.id } }));
    const parent = await sharedPostAfter(before);
    await botReply(GENERAL, parent.ts);
    await eventually(() => expect(labels().some((l) => l.startsWith('✓ Shared'))).toBe(true));
    expectNothingLive(kind, acks);
  });

  it('an @mention: the public reply carries nothing live', async () => {
    const root = h.slack.postAsUser({ text: 'transport question' });
    const { event } = await h.slack.mention({ text: withSituation(kind), threadTs: root.ts });
    expectAcked(event as AckResult);
    const reply = await botReply(GENERAL, root.ts);
    expect(visibleText(reply)).toMatch(/\S/);
    expectNothingLive(kind, [event as AckResult]);
  });

  it('the message shortcut: the modal and the reply in the thread carry nothing live', async () => {
    const message = h.slack.postAsUser({ text: withSituation(kind) });
    const acks: AckResult[] = [];
    acks.push(await h.slack.messageShortcut({ channel: GENERAL, ts: message.ts, callbackId: 'realtime_advice' }));
    const modal = await eventually(() => {
      const view = h.slack.openViews(HUMAN).at(-1);
      if (!view) throw new Error('no modal open');
      return view;
    });
    expect(visibleText(modal)).toMatch(/wrote:/);
    acks.push(await h.slack.submitView({ viewId: modal.id }));
    await botReply(GENERAL, message.ts);
    expectNothingLive(kind, acks);
  });

  it('a message in the app’s Messages tab: the answer carries nothing live', async () => {
    const im = h.slack.workspace.imChannelFor(HUMAN).id;
    const before = h.slack.channelHistory(im).filter((m) => m.bot_id).length;
    const { event } = await h.slack.directMessage({ text: withSituation(kind) });
    expectAcked(event);
    await eventually(() => expect(h.slack.channelHistory(im).filter((m) => m.bot_id).length).toBe(before + 1));
    expectNothingLive(kind, [event]);
  });

  it('the decision log: /realtime history for someone else and the Home tab carry nothing live', async () => {
    const reader = h.slack.workspace.users.get('U0READER1') ?? h.slack.addUser({ id: 'U0READER1', name: 'reader' });
    const history = await h.slack.slashCommand({ user: reader.id, text: 'history' });
    expectAcked(history);
    const home = await h.slack.openHome();
    expectAcked(home);
    await eventually(() => expect(h.slack.callsTo('views.publish')).toHaveLength(1));
    await wait(50);
    expectNothingLive(kind, [history, home]);
  });
});

describe('words that ride in a button value', () => {
  it('shows hostile words put into a Share value as text, in the shared verdict and its thread', async () => {
    const command = await h.slack.slashCommand({ text: SITUATION });
    const answer = h.lastEphemeral();
    const buttons = h.slack.findButtons({ message: { ephemeralId: answer.id } });
    const share = buttons.find((b) => b.text === 'Share in channel');
    expect(share?.value).toMatch(/~q0d=/);
    // The quote behind the first answer, replaced by markup that a client able to sign (no one but Slack) wrote.
    const words = `<!channel> <@${VICTIM}> <https://evil.example|sign in> <!subteam^${GROUP}>`;
    const tampered = (share?.value ?? '').replace(/~q0d=[^~]*/, `~q0d=${encodeURIComponent(words)}`);
    // A real click on Why?, sent again as a click on Share with the tampered value.
    const why = await h.slack.clickButtonByText({ text: 'Why?', message: { ephemeralId: answer.id } });
    const payload = JSON.parse(JSON.stringify(why.payload)) as { actions: { action_id: string; value?: string }[] };
    for (const action of payload.actions) Object.assign(action, { action_id: share?.actionId, value: tampered });
    const before = h.slack.channelHistory(GENERAL).length;
    const replayed = await h.slack.sendRaw({
      contentType: 'application/x-www-form-urlencoded',
      body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
    });
    expectAcked(replayed);
    const parent = await sharedPostAfter(before);
    const thread = await botReply(GENERAL, parent.ts);
    expect(visibleText(thread)).toContain('&lt;!channel&gt; &lt;@U0VICTIM01&gt;');
    expectNothingLive({ name: 'tampered', hostile: '' }, [command, why, replayed]);
  });
});
