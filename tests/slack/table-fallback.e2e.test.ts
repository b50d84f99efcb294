/**
 * When Slack refuses a message for its table (a young block whose limits are partly undocumented), the person
 * still gets the answer: the same message once more with the table's rows as text, never twice, and never a
 * resend for a refusal that is not about the blocks.
 */
import { describe, expect, it } from 'vitest';
import { eventually, GENERAL, tablesIn, useHarness, visibleText } from './harness.js';

const h = useHarness();

/** Runs the wizard to the SSE verdict and returns the verdict's ephemeral message. */
async function sseVerdict() {
  await h.slack.slashCommand({ text: '' });
  for (const label of ['Server → client only', 'No, text (JSON) is fine', 'A lot']) {
    const current = h.lastEphemeral();
    await h.slack.clickButtonByText({ text: label, message: { ephemeralId: current.id } });
    await eventually(() => expect(h.lastEphemeral().blocks).not.toEqual(current.blocks));
  }
  return h.lastEphemeral();
}

const statuses = (method: string) => h.slack.callsTo(method).map((c) => c.status);

describe('a table Slack refused', () => {
  it('shows the expanded verdict with what decided it as text when the response_url refuses its table', async () => {
    const verdict = await sseVerdict();
    const before = statuses('response_url').length;
    h.slack.injectFault('response_url', { error: 'invalid_blocks' });
    await h.slack.clickButtonByText({ text: 'Why?', message: { ephemeralId: verdict.id } });
    const expanded = await eventually(() => {
      const current = h.lastEphemeral();
      expect(visibleText(current)).toContain('*Reconnection* WebSocket: DIY reconnect · SSE: Automatic + resume');
      return current;
    });
    expect(tablesIn(expanded)).toEqual([]);
    expect(expanded.id).toBe(verdict.id); // replaced in place, not a second message
    expect(expanded.text).toMatch(/^Verdict: SSE/);
    expect(statuses('response_url').slice(before)).toEqual([400, 200]);
  });

  it('adds the reasoning to the thread once, as text, when chat.postMessage refuses its table', async () => {
    const verdict = await sseVerdict();
    const before = h.slack.channelHistory(GENERAL).length;
    h.slack.injectFault('chat.postMessage', { delayMs: 0 }); // the channel post goes through
    h.slack.injectFault('chat.postMessage', { error: 'invalid_attachments' }); // its thread reply's table does not
    await h.slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } });
    await eventually(() =>
      expect(h.slack.findButtons({ message: { ephemeralId: verdict.id } }).map((b) => b.text)).toContain(
        '✓ Shared in #general',
      ),
    );
    const history = h.slack.channelHistory(GENERAL);
    expect(history.length).toBe(before + 1);
    const thread = h.slack.thread(GENERAL, history.at(-1)?.ts ?? '');
    expect(thread).toHaveLength(2);
    expect(tablesIn(thread[1])).toEqual([]);
    expect(visibleText(thread[1])).toContain('*Direction* WebSocket: Bidirectional · SSE: Server → client only');
    expect(statuses('chat.postMessage').slice(-3)).toEqual([200, 200, 200]);
  });

  it('does not send again when the refused message had no table: the person is told instead', async () => {
    await h.slack.slashCommand({ text: '' });
    const first = h.lastEphemeral();
    const before = statuses('response_url').length;
    h.slack.injectFault('response_url', { error: 'invalid_blocks' });
    await h.slack.clickButtonByText({ text: 'Server → client only', message: { ephemeralId: first.id } });
    await eventually(() => expect(h.lastEphemeral().text).toMatch(/^I could not/));
    expect(statuses('response_url').slice(before)).toEqual([400]);
  });
});
