/**
 * What the learned second opinion looks like in Slack: an answer it filled, and its side of a question it asked
 * back, say they come from situations worded like the person's, with the person's words, never as if the person had
 * said them.
 */
import { describe, expect, it } from 'vitest';
import { type Advisor, createAdvisor, type LearnedModel, learnedModelOf } from '../../../src/advisor/index.js';
import { ACTION, WIZARD_NAVIGATION } from '../../../src/slack/ids.js';
import { fromSlack } from '../../../src/slack/slack-text.js';
import { replyMessage } from '../../../src/slack/views/reply.js';
import { conditionBlocks } from '../../../src/slack/views/understood.js';
import { verdictBody } from '../../../src/slack/views/verdict.js';
import { wizardMessage } from '../../../src/slack/views/wizard.js';
import { advisor, comparisons, websocketVsSse } from '../../advisor/helpers.js';
import { visibleText } from '../harness.js';

/**
 * An advisor whose classifier is sure of `pick` from one nonce word, "zorblat", and of nothing else: hand-made
 * weights, so that a rule shows in Slack whatever the trained weights become.
 */
function sureOf(pick: string, policy: Partial<LearnedModel['policy']>) {
  const model = learnedModelOf(websocketVsSse);
  if (!model) throw new Error('no model');
  const other = pick === 'sse' ? 'websocket' : 'sse';
  return createAdvisor(comparisons, {
    learned: new Map([
      [
        websocketVsSse.id,
        {
          ...model,
          classes: [pick, other],
          bias: [0, 0],
          features: ['zorblat'],
          weights: [[8], [0]],
          answers: undefined,
          policy: { ...model.policy, ...policy },
        },
      ],
    ]),
  });
}

/** The private reply to `/realtime <text>`, as the person sees it. */
function replyTo(advisor: Advisor, text: string) {
  return replyMessage(advisor.reply(text), {
    audience: 'private',
    wizardButton: { actionId: ACTION.startOver, value: advisor.startValue() },
    asked: fromSlack(text),
  });
}

/** The verdict's Why? for `text`, and its first block whose text `matches`, with that block's button. */
function whyOf(advisor: Advisor, text: string, matches: (line: string) => boolean) {
  const { view } = advisor.understand(text);
  if (view.kind !== 'verdict') throw new Error('expected a verdict');
  const body = verdictBody(view.comparison, view, true, 'message');
  const block = body.find((b) => matches(visibleText({ blocks: [b] })));
  const accessory = block && 'accessory' in block ? block.accessory : undefined;
  return {
    body: visibleText({ blocks: body }),
    line: visibleText({ blocks: block ? [block] : [] }),
    button: accessory?.type === 'button' ? accessory : undefined,
  };
}

describe('the learned second opinion in Slack', () => {
  it('answers with the condition its sure pick carried, never with "nothing in your words", however little was read', () => {
    // Sure of HLS from one nonce word, so the pick rests on the conditions it carries alone.
    const sure = sureOf('hls', { decide: 0.7 });
    const text = 'the zorblat goes out to everyone on the site';
    const message = replyTo(sure, text);
    expect(message.text).toMatch(/^Verdict: HLS/);
    expect(visibleText(message)).not.toContain('Nothing in your words');
  });

  it('shows a condition it supplied as a guess, with a Not so button', () => {
    const understood = {
      answers: [],
      conditions: [
        { id: 'live-media', says: 'live audio or video is sent', words: ['plays along'], learned: true, drop: 'x' },
      ],
      setAside: [],
      outweighed: [],
      outvoted: [],
    };
    const text = visibleText({ blocks: conditionBlocks(understood) });
    expect(text).toContain(
      '*Also:* live audio or video is sent _(a guess from situations worded like this one: “plays along”)_',
    );
    expect(text).toContain('Not so');
  });

  it('shows a condition the classifier set aside, in the words that seemed to say it, with an It is so button', () => {
    const understood = {
      answers: [],
      conditions: [],
      setAside: [
        { id: 'backend-only', says: 'both ends are backend services (no browser)', words: ['our api'], restore: 'r' },
      ],
      outweighed: [],
      outvoted: [],
    };
    const blocks = conditionBlocks(understood);
    expect(visibleText({ blocks })).toContain(
      '*Set aside:* both ends are backend services (no browser) _(“our api” seemed to say so; situations worded like this one rarely mean it)_',
    );
    const buttons = blocks.flatMap((b) => ('accessory' in b && b.accessory?.type === 'button' ? [b.accessory] : []));
    expect(buttons.map((b) => [b.text.text, b.action_id, b.value])).toEqual([['It is so', ACTION.restore(0), 'r']]);
    expect(WIZARD_NAVIGATION.test(ACTION.restore(0))).toBe(true);
  });

  it("shows the statement it outvoted beside the verdict, in the person's words, with the answer to change", () => {
    const sure = sureOf('sse', { decide: 0.5, resolve: 0.8 });
    const text = 'the zorblat: the browser never sends anything back. the client also sends its cursor positions';
    const message = replyTo(sure, text);
    expect(message.text).toMatch(/^Verdict: SSE/);
    // The collapsed verdict says it above itself, right under the person's words.
    expect(visibleText(message)).toContain(
      'Your words also said “client also sends” (suggests Both ways: the client also sends often, with low latency); situations worded like this one rarely mean that. If yours does, open *Why?* to change that answer.',
    );
    // "Why?" shows the answer that won, in the person's words, with its Change button.
    const why = whyOf(sure, text, (line) => line.includes('Server → client only'));
    expect(why.line).toContain('Server → client only _(from “browser never sends”)_');
    expect(why.button?.text.text).toBe('Change');
    expect(why.body).toContain('If yours does, change that answer.');
  });

  it('shows the words that denied a condition its sure pick upheld, with the Not so button that takes it back', () => {
    const sure = sureOf('service-to-service', { decide: 0.5, resolve: 0.8 });
    const text =
      'the zorblat: our web nodes pass each event on to users, and the hop itself is between both our services';
    const message = replyTo(sure, text);
    expect(message.text).toMatch(/^Verdict: The streaming the RPC stack or broker provides/);
    expect(visibleText(message)).toContain(
      'Your words also said “users”, against “both ends are backend services (no browser)”; situations worded like this one rarely mean that. If yours does, open *Why?* and press *Not so* beside it.',
    );
    const why = whyOf(sure, text, (line) => line.startsWith('*Also:*'));
    expect(why.line).toContain('*Also:* both ends are backend services (no browser) _(from “both our services”)_');
    expect(why.button?.text.text).toBe('Not so');
    // Not so takes the condition back: no service-to-service verdict any more.
    const dropped = sure.resume(why.button?.value ?? '');
    if (!dropped.ok) throw new Error('expected the wizard back');
    expect(dropped.view.kind === 'verdict' ? dropped.view.verdict.pick.id : 'a question').not.toBe(
      'service-to-service',
    );
  });

  it('answers words the reader does not know with its guess, never with "nothing in your words"', () => {
    const text =
      'support agents want new tickets to just appear in their inbox view, nobody wants to keep hitting reload';
    const message = replyTo(advisor, text);
    expect(message.text).toMatch(/^Verdict: SSE/);
    expect(visibleText(message)).not.toContain('Nothing in your words');
  });

  it('names its side of a question it asks back as situations worded like yours, beside what the person wrote', () => {
    // Where it is less sure than it must be to decide.
    const model = learnedModelOf(websocketVsSse);
    if (!model) throw new Error('no model');
    const unsure = createAdvisor(comparisons, {
      learned: new Map([[websocketVsSse.id, { ...model, policy: { ...model.policy, decide: undefined } }]]),
    });
    const { view } = unsure.understand(
      'chat demo page sits on a spinner then dumps the full reply. make the answer trickle in while it is still being written',
    );
    if (view.kind !== 'question') throw new Error('expected a question');
    const text = visibleText(wizardMessage(view));
    expect(text).toContain('Your text points both ways here: “chat” suggests *Both ways');
    expect(text).toMatch(/situations worded like yours \(“[^”]+”(, “[^”]+”)?\) suggest \*Server → client only\*/);
  });

  it('marks an answer it filled as a guess among the reasons of the verdict, quoting the words it weighed', () => {
    const { view } = advisor.understand(
      'app fires a separate telemetry request per click and page view, rather queue them and flush every 20 events',
    );
    if (view.kind !== 'verdict') throw new Error('expected a verdict');
    const text = visibleText({ blocks: verdictBody(view.comparison, view, true, 'message') });
    expect(text).toMatch(/Mostly client → server[^\n]*_\(a guess from situations worded like this one: “[^”]+”/);
  });
});
