/** `npm run feedback`: each answer to "Was this right?" beside the situation that led to it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { advisor } from '../advisor/helpers.js';

const cli = fileURLToPath(new URL('../../src/cli/feedback.ts', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'feedback-'));
const database = join(folder, 'advisor.db');

function run(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: fileURLToPath(new URL('../fixtures/', import.meta.url)), // no .env here
    env: { PATH: process.env.PATH ?? '', DATABASE_PATH: database },
    encoding: 'utf8',
  });
}

beforeAll(async () => {
  const store = openSqliteStore(database);
  const base = {
    teamId: 'T1',
    enterpriseId: null,
    channelId: 'C1',
    inPublicChannel: true,
    threadTs: null,
    userId: 'U1',
    dataVersion: advisor.dataVersion(),
  };
  const { view } = advisor.understand('we are streaming LLM tokens to the browser, SSE or websockets?');
  if (view.kind !== 'verdict') throw new Error('expected a verdict');
  const words = await store.decisions.record({
    ...base,
    answers: view.state,
    pick: view.verdict.pick.id,
    situation: 'we are streaming LLM tokens to the browser, SSE or websockets?',
    permalink: { url: 'https://example.slack.com/archives/C1/p1' },
  });
  const wizard = await store.decisions.record({
    ...base,
    answers: '1:websocket-vs-sse:000',
    pick: 'websocket',
    permalink: { url: null, reason: 'shared through response_url' },
  });
  await store.decisions.record({
    ...base,
    answers: '1:websocket-vs-sse:000',
    pick: 'websocket',
    permalink: { url: 'x' },
  });
  await store.decisions.recordFeedback(words.id, { answer: 'no', note: 'The client also uploads audio.' });
  await store.decisions.recordFeedback(wizard.id, { answer: 'yes' });
  await store.close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('npm run feedback', () => {
  it('prints each answer beside the situation that led to it, and the wizard’s answers where there were no words', () => {
    const { stdout, status, stderr } = run();
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^2 answers to "Was this right\?", most recently answered first/);
    expect(stdout).toContain('NOT RIGHT  SSE');
    expect(stdout).toContain('  Situation: we are streaming LLM tokens to the browser, SSE or websockets?');
    expect(stdout).toContain('  Note: The client also uploads audio.');
    expect(stdout).toContain('RIGHT  WebSocket');
    expect(stdout).toMatch(/ {2}Situation: none in words; the wizard's answers: .+/);
    expect(stdout).toContain('  Link: none (shared through response_url)');
  });

  it('gives rows in the evaluation set’s shape with --json, expecting the pick only where it was right', () => {
    const rows = JSON.parse(run('--json').stdout) as {
      situation: string | null;
      expected: string | null;
      reason: string | null;
    }[];
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual(
      expect.objectContaining({
        situation: 'we are streaming LLM tokens to the browser, SSE or websockets?',
        expected: null,
        reason: 'The client also uploads audio.',
      }),
    );
    expect(rows).toContainEqual(expect.objectContaining({ situation: null, expected: 'websocket' }));
  });
});
