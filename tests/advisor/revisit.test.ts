/** A past decision looked at again: the pick shared, its reasons from the stored answers, and what changed since. */
import { describe, expect, it } from 'vitest';
import { type Comparison, createAdvisor, type VerdictView } from '../../src/advisor/index.js';
import { pastDecisionBlocks } from '../../src/slack/views/decisions.js';
import type { Decision } from '../../src/store/store.js';
import { advisor, comparisons } from './helpers.js';

/** The SSE verdict of the wizard: server to client only, text, many connections. */
function sseVerdict(): VerdictView {
  let view = advisor.start();
  for (const label of ['Server → client only', 'No, text (JSON) is fine', 'A lot']) {
    if (view.kind !== 'question') throw new Error('expected a question');
    const option = view.options.find((o) => o.label === label);
    const resumed = advisor.resume(option?.next);
    if (!resumed.ok) throw new Error(resumed.error.message);
    view = resumed.view;
  }
  if (view.kind !== 'verdict') throw new Error('expected a verdict');
  return view;
}

/** The data as it might be edited later: one-way text push now goes to WebSockets. */
function rulesChanged(): Comparison[] {
  return comparisons.map((c) => ({
    ...c,
    updated: '2027-01-15',
    wizard: {
      ...c.wizard,
      outcomes: c.wizard.outcomes.map((o) => (o.id === 'text-push' ? { ...o, pick: 'websocket' } : o)),
    },
  }));
}

const verdict = sseVerdict();
const stored = { answers: verdict.state, pick: verdict.verdict.pick.id, dataVersion: advisor.dataVersion() };

function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    id: '7',
    teamId: 'T1',
    enterpriseId: null,
    channelId: 'C1',
    inPublicChannel: true,
    threadTs: '1700000000.000100',
    userId: 'U1',
    ...stored,
    permalink: { url: 'https://example.slack.com/archives/C1/p1700000000000100' },
    situation: null,
    createdAt: new Date('2026-07-01T10:00:00Z'),
    feedback: null,
    ...overrides,
  };
}

const text = (blocks: ReturnType<typeof pastDecisionBlocks>) => JSON.stringify(blocks);

describe('revisiting a past decision', () => {
  it('shows the pick shared and its reasons, re-rendered from the stored answers', () => {
    const revisited = advisor.revisit(stored);
    expect(revisited.shared).toEqual({ id: 'sse', name: 'SSE' });
    expect(revisited.reasons.map((r) => r.because).join(' ')).toContain('Data flows only from server to client');
    expect(revisited.now).toBeUndefined();
    const shown = text(pastDecisionBlocks({ decision: decision(), revisited }, 'U1', { showChannel: true }));
    expect(shown).toContain('*SSE*, shared by <@U1> in <#C1>');
    expect(shown).not.toContain('The rules have changed');
  });

  it('says the rules have changed, and what they say now, where the data changed and the pick with it', () => {
    const later = createAdvisor(rulesChanged());
    expect(later.dataVersion()).not.toBe(stored.dataVersion);
    const revisited = later.revisit(stored);
    expect(revisited.shared.name).toBe('SSE');
    expect(revisited.now?.pick).toEqual({ id: 'websocket', name: 'WebSocket' });
    const shown = text(pastDecisionBlocks({ decision: decision(), revisited }, 'U1', { showChannel: true }));
    expect(shown).toContain('*SSE*, shared by');
    expect(shown).toContain(
      'The rules have changed since this was shared: for the same answers they now say *WebSocket*',
    );
  });

  it('says nothing changed where the data changed but the pick did not', () => {
    const later = createAdvisor(comparisons.map((c) => ({ ...c, updated: '2027-01-15' })));
    expect(later.dataVersion()).not.toBe(stored.dataVersion);
    expect(later.revisit(stored).now).toBeUndefined();
  });

  it('counts an edit that forgot to move the date as a new data version', () => {
    const edited = createAdvisor(rulesChanged().map((c) => ({ ...c, updated: comparisons[0]?.updated ?? '' })));
    expect(edited.dataVersion()).not.toBe(stored.dataVersion);
    expect(edited.revisit(stored).now?.pick.id).toBe('websocket');
  });

  it('says why, where the stored answers no longer fit the wizard', () => {
    const revisited = advisor.revisit({ ...stored, answers: '1:websocket-vs-sse:9999999' });
    expect(revisited.unreadable).toMatch(/^its answers no longer fit the wizard/);
    const shown = text(pastDecisionBlocks({ decision: decision(), revisited }, 'U1', { showChannel: false }));
    expect(shown).toContain('Its reasons cannot be shown');
  });

  it('re-renders a shared piece of advice from its entry', () => {
    const take = advisor.comparison().quickTakes[0];
    const revisited = advisor.revisit({
      answers: `advice:websocket-vs-sse:${take?.id}`,
      pick: take?.pick ?? '',
      dataVersion: advisor.dataVersion(),
    });
    expect(revisited.reasons).toEqual([{ because: take?.reason }]);
    expect(revisited.now).toBeUndefined();
  });

  it('offers "Was this right?" to the decision’s person and, in a public channel, to anyone; else not', () => {
    const revisited = advisor.revisit(stored);
    const privateOne = decision({ inPublicChannel: false });
    expect(text(pastDecisionBlocks({ decision: privateOne, revisited }, 'U1', { showChannel: true }))).toContain(
      'decision.feedback.yes',
    );
    expect(text(pastDecisionBlocks({ decision: privateOne, revisited }, 'U2', { showChannel: true }))).not.toContain(
      'decision.feedback.yes',
    );
    expect(text(pastDecisionBlocks({ decision: decision(), revisited }, 'U2', { showChannel: true }))).toContain(
      'decision.feedback.yes',
    );
  });
});
