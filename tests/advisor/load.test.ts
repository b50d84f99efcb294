import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ComparisonDataError, createAdvisor, DEFAULT_DATA_DIR, loadComparisons } from '../../src/advisor/index.js';
import { parseComparison } from '../../src/advisor/load.js';

const realFile = join(DEFAULT_DATA_DIR, 'websocket-vs-sse.json');
const realJson = () => JSON.parse(readFileSync(realFile, 'utf8'));

function problemsOf(mutate: (data: ReturnType<typeof realJson>) => void): string[] {
  const data = realJson();
  mutate(data);
  try {
    parseComparison(JSON.stringify(data), 'data/broken.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ComparisonDataError);
    expect((error as Error).message).toContain('data/broken.json');
    return (error as ComparisonDataError).problems;
  }
  throw new Error('expected the data to be rejected');
}

describe('loading the comparison data', () => {
  it('loads and validates the shipped websocket-vs-sse comparison', () => {
    const [comparison] = loadComparisons();
    expect(comparison?.id).toBe('websocket-vs-sse');
    expect(comparison?.technologies.map((t) => t.shortName)).toEqual(['WebSocket', 'SSE']);
    expect(comparison?.dimensions.map((d) => d.name)).toEqual([
      'Direction',
      'Protocol',
      'Payload types',
      'Reconnection',
      'Infra & proxies',
      'Connection limits',
    ]);
    expect(comparison?.quickTakes).toHaveLength(6);
    expect(comparison?.situationalPicks).toHaveLength(4);
    expect(comparison?.neither.map((n) => n.name)).toEqual([
      'Long polling',
      'WebTransport',
      'Service-to-service streaming',
      'Batched HTTP POSTs',
      'WebRTC',
      'HLS (HTTP Live Streaming)',
    ]);
  });

  it('follows the primary source where the seed slips: SSE is one-way, not half-duplex', () => {
    const direction = realJson().dimensions.find((d: { id: string }) => d.id === 'direction');
    expect(direction.sides.sse.detail).not.toMatch(/half-duplex/i);
    expect(direction.sides.sse.detail).toMatch(/one-way/i);
    expect(direction.sources).toEqual(expect.arrayContaining(['whatwg-sse', 'mdn-eventsource']));
  });

  it('names the JSON path and what is wrong when a field is missing', () => {
    expect(problemsOf((d) => delete d.dimensions[2].sides.sse.short)).toEqual([
      expect.stringMatching(/^\$\.dimensions\[2\]\.sides\.sse\.short: /),
    ]);
  });

  it('rejects a reference to a source that does not exist', () => {
    expect(problemsOf((d) => d.quickTakes[0].sources.push('wikipedia'))).toEqual([
      expect.stringMatching(/^\$\.quickTakes\[0\]\.sources\[\d\]: unknown source "wikipedia"/),
    ]);
  });

  it('rejects a wizard option too long for a Slack button', () => {
    expect(problemsOf((d) => (d.wizard.questions[0].options[0].label = 'x'.repeat(76)))).toEqual([
      expect.stringMatching(/^\$\.wizard\.questions\[0\]\.options\[0\]\.label: .*75 characters/),
    ]);
  });

  it('rejects a wizard whose answers can reach no verdict', () => {
    const problems = problemsOf((d) => d.wizard.outcomes.pop());
    expect(problems[0]).toMatch(/no outcome matches the answers .*server-to-client/);
  });

  it('rejects an outcome that picks both a technology and a neither entry, or neither of them', () => {
    const index = (d: ReturnType<typeof realJson>, id: string) =>
      d.wizard.outcomes.findIndex((o: { id: string }) => o.id === id);
    expect(
      problemsOf((d) => {
        d.wizard.outcomes[index(d, 'client-upload')].pick = 'websocket';
      }),
    ).toEqual([expect.stringMatching(/^\$\.wizard\.outcomes\[\d\]: an outcome picks a technology .* exactly one/)]);
    expect(
      problemsOf((d) => {
        delete d.wizard.outcomes[index(d, 'two-way')].pick;
      }),
    ).toEqual([expect.stringMatching(/^\$\.wizard\.outcomes\[0\]: an outcome picks a technology .* exactly one/)]);
  });

  it('rejects an outcome that picks an unknown neither entry, or a technology with no deciding row', () => {
    expect(
      problemsOf((d) => {
        const media = d.wizard.outcomes.find((o: { id: string }) => o.id === 'live-media');
        media.neither = 'smoke-signals';
        d.wizard.outcomes[0].decidedBy = [];
      }),
    ).toEqual([
      expect.stringMatching(/^\$\.wizard\.outcomes\[0\]\.decidedBy: a technology pick names the rows/),
      expect.stringMatching(/^\$\.wizard\.outcomes\[\d\]\.neither: unknown neither entry "smoke-signals"/),
    ]);
  });

  // Each duplicate is reported at its own list and index, not at the first list of a group checked together.
  it.each([
    ['sources', (d: ReturnType<typeof realJson>) => (d.sources[3].id = d.sources[0].id), '$.sources[3].id'],
    ['technologies', (d: ReturnType<typeof realJson>) => (d.technologies[1].id = 'websocket'), '$.technologies[1].id'],
    ['dimensions', (d: ReturnType<typeof realJson>) => (d.dimensions[4].id = 'protocol'), '$.dimensions[4].id'],
    [
      'quick takes',
      (d: ReturnType<typeof realJson>) => (d.quickTakes[2].id = d.quickTakes[0].id),
      '$.quickTakes[2].id',
    ],
    [
      'situational picks',
      (d: ReturnType<typeof realJson>) => (d.situationalPicks[1].id = d.quickTakes[0].id),
      '$.situationalPicks[1].id',
    ],
    [
      'situational picks among themselves',
      (d: ReturnType<typeof realJson>) => (d.situationalPicks[1].id = d.situationalPicks[0].id),
      '$.situationalPicks[1].id',
    ],
    ['neither entries', (d: ReturnType<typeof realJson>) => (d.neither[2].id = d.quickTakes[1].id), '$.neither[2].id'],
    [
      'wizard questions',
      (d: ReturnType<typeof realJson>) => (d.wizard.questions[1].id = 'direction'),
      '$.wizard.questions[1].id',
    ],
    [
      'wizard outcomes',
      (d: ReturnType<typeof realJson>) => (d.wizard.outcomes[1].id = 'two-way'),
      '$.wizard.outcomes[1].id',
    ],
    [
      'wizard alternatives',
      (d: ReturnType<typeof realJson>) => (d.wizard.alternatives[1].id = d.wizard.alternatives[0].id),
      '$.wizard.alternatives[1].id',
    ],
    [
      'options of a question',
      (d: ReturnType<typeof realJson>) => (d.wizard.questions[0].options[2].id = 'both-ways'),
      '$.wizard.questions[0].options[2].id',
    ],
    ['caveats', (d: ReturnType<typeof realJson>) => (d.caveats[1].id = d.caveats[0].id), '$.caveats[1].id'],
  ])('names the real path of a duplicate id among %s', (_name, mutate, path) => {
    const problems = problemsOf(mutate);
    expect(problems.filter((p) => /duplicate/.test(p))).toEqual([expect.stringContaining(`${path}: duplicate`)]);
  });

  it('names the real path of every cross-reference error, wherever the reference sits', () => {
    const problems = problemsOf((d) => {
      d.situationalPicks[1].dimensions.push('latency');
      d.neither[1].sources.push('wikipedia');
      d.wizard.questions[2].askWhen.direction.push('sideways');
      d.wizard.outcomes[3].byAnswer['a-lot'].alternatives.push('carrier-pigeon'); // binary-push
      d.wizard.alternatives[0].sources = ['wikipedia'];
      d.caveats[2].showWhen.answers.direction = ['sideways'];
    });
    expect(problems).toEqual([
      expect.stringMatching(/^\$\.situationalPicks\[1\]\.dimensions\[3\]: unknown dimension "latency"/),
      expect.stringMatching(/^\$\.neither\[1\]\.sources\[2\]: unknown source "wikipedia"/),
      expect.stringMatching(
        /^\$\.caveats\[2\]\.showWhen\.answers\.direction\[0\]: unknown option of direction "sideways"/,
      ),
      expect.stringMatching(
        /^\$\.wizard\.questions\[2\]\.askWhen\.direction\[2\]: unknown option of direction "sideways"/,
      ),
      expect.stringMatching(
        /^\$\.wizard\.outcomes\[3\]\.byAnswer\.a-lot\.alternatives\[2\]: unknown alternative "carrier-pigeon"/,
      ),
      expect.stringMatching(/^\$\.wizard\.alternatives\[0\]\.sources\[0\]: unknown source "wikipedia"/),
    ]);
  });

  it('rejects a technology alias that already names a dimension, so a look-up word names one thing', () => {
    expect(problemsOf((d) => d.technologies[1].aliases.push('reconnect'))).toEqual([
      expect.stringMatching(/^\$\.technologies\[1\]\.aliases\[\d+\]: "reconnect" already names a dimension/),
    ]);
  });

  it('lets only a condition that overrides some picks decide with questions left open, and only wizard questions', () => {
    const problems = problemsOf((d) => {
      const conditions = d.understanding?.conditions ?? [];
      const index = (id: string) => conditions.findIndex((c: { id: string }) => c.id === id);
      conditions[index('no-streaming')].decidesWhenOpen = ['direction'];
      conditions[index('no-websocket')].decidesWhenOpen = ['direction', 'latency'];
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^\$\.understanding\.conditions\[0\]\.decidesWhenOpen: only a condition that overrides some picks/,
      ),
      expect.stringMatching(
        /^\$\.understanding\.conditions\[3\]\.decidesWhenOpen\[1\]: "latency" is not a wizard question/,
      ),
    ]);
  });

  it('checks the free-text vocabulary against the wizard, the conditions, the advice and its word classes', () => {
    const problems = problemsOf((d) => {
      const u = d.understanding;
      if (!u) throw new Error('the data has an understanding section');
      (u.cues[0] as { means: unknown }).means = { question: 'direction', option: 'sideways', strength: 'direct' };
      u.cues[1]?.phrases.push('@nobody listens');
      (u.cues[2] as { cites?: string }).cites = 'no-such-take';
      (u.conditions[0] as { because?: string }).because = undefined;
      (u.conditions[1] as { requires?: string[] }).requires = ['no-such-condition'];
      u.cues[3]?.phrases.push('server pushes:adverb', '... to the browser', 'live_stream|feed');
      (u.cues[4]?.means as { yields?: string[] }).yields = ['upwards'];
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^\$\.understanding\.cues\[0\]\.means\.direction\[0\]: unknown option of direction "sideways"/,
        ),
        expect.stringMatching(/^\$\.understanding\.cues\[1\]\.phrases\[\d+\]: unknown word class "@nobody"/),
        expect.stringMatching(
          /^\$\.understanding\.cues\[2\]\.cites: unknown quick take or situational pick "no-such-take"/,
        ),
        expect.stringMatching(/^\$\.understanding\.conditions\[0\]: a condition that changes the pick says why/),
        expect.stringMatching(
          /^\$\.understanding\.conditions\[1\]\.requires\[\d+\]: unknown condition "no-such-condition"/,
        ),
        expect.stringMatching(/^\$\.understanding\.cues\[3\]\.phrases\[\d+\]: unknown part of speech ":adverb"/),
        expect.stringMatching(/^\$\.understanding\.cues\[3\]\.phrases\[\d+\]: a phrase starts with a word/),
        expect.stringMatching(
          /^\$\.understanding\.cues\[3\]\.phrases\[\d+\]: a word joined with "_" has no alternatives/,
        ),
        expect.stringMatching(
          /^\$\.understanding\.cues\[4\]\.means\.direction\[\d+\]: unknown option of direction "upwards"/,
        ),
      ]),
    );
  });

  it('rejects a file that is not JSON, naming the file', () => {
    expect(() => parseComparison('{ "id": ', 'data/half.json')).toThrow(/data\/half\.json[\s\S]*not valid JSON/);
  });

  it('serves a second comparison from a second data file, with no code change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'comparisons-'));
    copyFileSync(realFile, join(dir, 'websocket-vs-sse.json'));
    copyFileSync(
      new URL('../fixtures/polling-vs-webhooks.json', import.meta.url),
      join(dir, 'polling-vs-webhooks.json'),
    );
    const advisor = createAdvisor(loadComparisons(dir));
    expect(advisor.comparisons.map((c) => c.id)).toEqual(['polling-vs-webhooks', 'websocket-vs-sse']);
    // The new file sorts first, but the data's default stays what /realtime opens.
    expect(advisor.comparison().id).toBe('websocket-vs-sse');

    const first = advisor.start('polling-vs-webhooks');
    if (first.kind !== 'question') throw new Error('expected a question');
    expect(first.question.prompt).toBe('Can the sender reach a public URL of yours?');
    const verdict = advisor.resume(first.options.find((o) => o.label === 'No')?.next);
    expect(verdict.ok && verdict.view.kind === 'verdict' && verdict.view.verdict.pick.name).toBe('Polling');

    // Its free text is its own data's vocabulary: the same code reads it.
    const read = advisor.understand('our service runs on a private network', 'polling-vs-webhooks').view;
    expect(read.kind === 'verdict' && read.verdict.pick.id).toBe('polling');
    expect(read.kind === 'verdict' && read.change[0]?.quotes?.[0]?.words).toBe('private network');
    expect(advisor.reply('firewall', 'polling-vs-webhooks')).toMatchObject({
      kind: 'dimension',
      dimension: { id: 'reachability' },
    });
  });

  it('refuses two files that claim the same comparison id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'comparisons-'));
    copyFileSync(realFile, join(dir, 'a.json'));
    copyFileSync(realFile, join(dir, 'b.json'));
    expect(() => loadComparisons(dir)).toThrow(/b\.json[\s\S]*already used by a\.json/);
  });

  it('refuses two files that both claim to be the default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'comparisons-'));
    copyFileSync(realFile, join(dir, 'a.json'));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...realJson(), id: 'another' }));
    expect(() => loadComparisons(dir)).toThrow(/only one comparison can be the default/);
  });

  it('refuses an empty data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'comparisons-'));
    writeFileSync(join(dir, 'README.txt'), 'no data here');
    expect(() => loadComparisons(dir)).toThrow(/no \*\.json comparison files/);
  });
});
