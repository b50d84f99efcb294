import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAdvisor } from '../../src/advisor/index.js';
import { loadComparisonFile } from '../../src/advisor/load.js';
import { recommend } from '../../src/advisor/verdict.js';
import { answerText, runWizard, usageText } from '../../src/cli/advise.js';
import { scorecardText, verdictText } from '../../src/cli/render.js';
import { advisor, websocketVsSse } from '../advisor/helpers.js';

async function* linesOf(...lines: string[]) {
  yield* lines;
}

describe('the advise command line', () => {
  it("prints the verdict for free text, what it understood with the words that set it, and the seed's take", () => {
    const text = answerText(advisor, 'streaming LLM tokens to a browser');
    expect(text).toMatch(/^Verdict: SSE/);
    // A direct statement of who sends to whom sets the answer; the domain words only suggest it.
    expect(text).toContain(
      'Which direction does data flow? Server → client only (from "streaming LLM tokens to a browser")',
    );
    expect(text).toContain('Situation: Streaming LLM responses to a web client');
  });

  it('prints what it understood and the one question still open', () => {
    const text = answerText(advisor, 'we need realtime updates, text only');
    expect(text).toContain('Do you need binary payloads? No, text (JSON) is fine (from "text only")');
    expect(text).toContain('Question 1 of 3: Which direction does data flow?');
  });

  it('prints JSON for scripts: each answer with its words and strength, and the verdict', () => {
    const script = fileURLToPath(new URL('../../src/cli/advise.ts', import.meta.url));
    const out = execFileSync('npx', ['tsx', script, '--json', 'crypto ticker, visitors never send anything'], {
      encoding: 'utf8',
    });
    const json = JSON.parse(out);
    expect(json.understood[0]).toEqual({
      question: 'direction',
      answer: 'Server → client only',
      words: ['visitors never send'],
      strength: 'direct',
    });
    expect(json.verdict).toMatchObject({ pick: 'sse', kind: 'technology' });
  });

  it('prints the scorecard, a dimension in depth, and the alternatives', () => {
    expect(answerText(advisor, 'compare')).toContain(
      'Payload types (edge: WebSocket): WebSocket: Text + binary | SSE: Text only',
    );
    expect(answerText(advisor, 'reconnect')).toContain('Last-Event-ID');
    expect(answerText(advisor, 'neither')).toContain('WebTransport');
  });

  it('prints one technology by name: its edges, when it wins, and where the other side wins', () => {
    const sse = answerText(advisor, 'eventsource');
    expect(sse).toMatch(/^Server-Sent Events \(SSE\): One-way server→client streaming over plain HTTP\./);
    expect(sse).toContain('Where it has the edge:\n  - Protocol: A plain HTTP response');
    expect(sse).toContain('  - A live dashboard, notification feed, or price ticker: ');
    expect(sse).toContain('Where the other side wins: websocket');
    expect(answerText(advisor, 'websockets')).toContain(
      'Where it has the edge:\n  - Payload types: Text and binary frames.',
    );
    expect(usageText(advisor)).toContain("<technology>         one side's strengths and when it wins (websocket, sse)");
  });

  it('runs the wizard over answer lines, re-asking after an invalid answer and going back on "b"', async () => {
    const printed: string[] = [];
    const verdict = await runWizard(advisor, linesOf('9', '1', 'b', '3', '2', '1'), (t) => printed.push(t));
    expect(printed.some((p) => p.startsWith('Please answer with a number from 1 to 4'))).toBe(true);
    expect(verdict).toMatch(/^Verdict: SSE, plus ordinary POSTs for the rare client events \(strong pick\)/);
  });

  it('reads piped answers from stdin in a real process', () => {
    const script = fileURLToPath(new URL('../../src/cli/advise.ts', import.meta.url));
    const out = execFileSync('npx', ['tsx', script, '--wizard'], { input: '2\n', encoding: 'utf8' });
    expect(out).toContain('Verdict: WebSocket, for frequent low-latency messages both ways (strong pick)');
  });

  it('prints each piped answer after its prompt, so every prompt and answer reads on its own line', () => {
    const script = fileURLToPath(new URL('../../src/cli/advise.ts', import.meta.url));
    const out = execFileSync('npx', ['tsx', script, '--wizard'], { input: '1\n9\n2\n1\n', encoding: 'utf8' });
    const lines = out.split('\n');
    // Before: "> Question 2 of 3: …" and "> Verdict: …", the answers unseen.
    expect(lines).toContain('> 1');
    expect(lines).toContain('> 9');
    expect(lines).toContain('Please answer with a number from 1 to 3, or b to go back.');
    expect(lines).toContain('Question 2 of 3: Do you need binary payloads?');
    expect(lines.filter((l) => l.startsWith('Question 2 of 3'))).toHaveLength(2);
    expect(lines.find((l) => l.startsWith('Verdict: '))).toBeDefined();
    expect(lines.filter((l) => l.startsWith('> ') && !/^> \S+$/.test(l))).toEqual([]);
  });
});

describe('the command line says only what the data says', () => {
  const usage = usageText(advisor);

  it('lists one keyword per dimension of the data, each of which opens that dimension', () => {
    const listed = usage.match(/one dimension in depth \((.+)\)/)?.[1]?.split(', ') ?? [];
    expect(listed).toHaveLength(websocketVsSse.dimensions.length);
    for (const [i, keyword] of listed.entries()) {
      const dimension = websocketVsSse.dimensions[i];
      expect(answerText(advisor, keyword).startsWith(`${dimension?.name} (`)).toBe(true);
    }
  });

  it("counts the wizard's questions from the data", () => {
    expect(websocketVsSse.wizard.questions).toHaveLength(3);
    expect(usage).toContain('--wizard             up to three questions, answered by number');
    expect(answerText(advisor, 'what should we have for lunch')).toContain('to answer up to three questions.');
  });

  it("offers example situations from the data's situational picks that the advisor places", () => {
    const line = usage.split('\n').find((l) => l.startsWith('Situations to try: ')) ?? '';
    const examples = [...line.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(websocketVsSse.situationalPicks.map((p) => p.situation)).toContain(example);
      expect(answerText(advisor, example)).toContain(`Situation: ${example}`);
    }
  });

  it('points at the data file for the content and for the seed source, never at ../shared', () => {
    expect(usage).toContain('The content and its sources: data/websocket-vs-sse.json');
    const verdict = recommend(websocketVsSse, { direction: 'both-ways' });
    if (!verdict) throw new Error('expected a verdict');
    // A verdict cites the sources that support it; the scorecard lists them all, the seed page too.
    const text = `${verdictText(websocketVsSse, verdict)}\n${scorecardText(websocketVsSse)}`;
    expect(text).toContain(
      'WebSocket vs SSE (comparison page, updated 2026-06-05), structured in data/websocket-vs-sse.json',
    );
    expect(text).toContain('RFC 6455: The WebSocket Protocol <https://www.rfc-editor.org/rfc/rfc6455>');
    expect(`${usage}\n${text}`).not.toContain('shared/');
  });

  it("follows another comparison's data: its title, dimensions, question count and file", () => {
    const other = loadComparisonFile(fileURLToPath(new URL('../fixtures/polling-vs-webhooks.json', import.meta.url)));
    const text = usageText(createAdvisor([other]));
    expect(text).toContain('Usage (Polling vs Webhooks):');
    expect(text).toContain('one dimension in depth (reachability)');
    expect(text).toContain('--wizard             one question, answered by number');
    expect(text).toContain('The content and its sources: tests/fixtures/polling-vs-webhooks.json');
    expect(text).not.toMatch(/WebSocket|SSE|three/);
  });
});
