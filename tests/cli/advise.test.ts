import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answerText, runWizard } from '../../src/cli/advise.js';
import { advisor } from '../advisor/helpers.js';

async function* linesOf(...lines: string[]) {
  yield* lines;
}

describe('the advise command line', () => {
  it('prints free-text advice with its verdict, reason and matched words', () => {
    const text = answerText(advisor, 'streaming LLM tokens to a browser');
    expect(text).toMatch(/^Verdict: SSE/);
    expect(text).toContain('Matched your words: llm');
  });

  it('prints the scorecard, a dimension in depth, and the alternatives', () => {
    expect(answerText(advisor, 'compare')).toContain(
      'Payload types (edge: WebSocket): WebSocket: Text + binary | SSE: Text only',
    );
    expect(answerText(advisor, 'reconnect')).toContain('Last-Event-ID');
    expect(answerText(advisor, 'neither')).toContain('WebTransport');
  });

  it('runs the wizard over answer lines, re-asking after an invalid answer and going back on "b"', async () => {
    const printed: string[] = [];
    const verdict = await runWizard(advisor, linesOf('9', '1', 'b', '3', '2', '1'), (t) => printed.push(t));
    expect(printed.some((p) => p.startsWith('Please answer with a number from 1 to 3'))).toBe(true);
    expect(verdict).toMatch(/^Verdict: SSE, plus ordinary POSTs for the rare client events \(strong pick\)/);
  });

  it('reads piped answers from stdin in a real process', () => {
    const script = fileURLToPath(new URL('../../src/cli/advise.ts', import.meta.url));
    const out = execFileSync('npx', ['tsx', script, '--wizard'], { input: '2\n', encoding: 'utf8' });
    expect(out).toContain('Verdict: WebSocket: frequent, low-latency messages both ways (strong pick)');
  });
});
