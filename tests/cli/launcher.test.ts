/**
 * `npm run advise` (scripts/run-built.mjs cli/advise.js) answers at once on a current build and compiles only when a source is
 * newer. Run in a temporary copy of the project, so no tracked file or dist/ of the checkout changes; its tsc is a
 * wrapper that logs each call, so "no compile step ran" is observed, not inferred from timing.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const copy = mkdtempSync(join(tmpdir(), 'realtime-advisor-launcher-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

for (const path of ['src', 'data', 'scripts', 'tsconfig.json', 'package.json'])
  cpSync(join(root, path), join(copy, path), { recursive: true });
// The real packages, linked; only .bin/tsc differs: it logs the call, then runs the real compiler.
mkdirSync(join(copy, 'node_modules', '.bin'), { recursive: true });
for (const name of readdirSync(join(root, 'node_modules')))
  if (name !== '.bin') symlinkSync(join(root, 'node_modules', name), join(copy, 'node_modules', name));
const tscLog = join(copy, 'tsc-calls.log');
const tsc = join(copy, 'node_modules', '.bin', 'tsc');
writeFileSync(tsc, `#!/bin/sh\necho "$@" >> '${tscLog}'\nexec '${join(root, 'node_modules', '.bin', 'tsc')}' "$@"\n`);
chmodSync(tsc, 0o755);

const compiles = () => (existsSync(tscLog) ? readFileSync(tscLog, 'utf8').trim().split('\n').length : 0);

function advise(...args: string[]): { stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(copy, 'scripts', 'run-built.mjs'), 'cli/advise.js', ...args], {
    cwd: copy,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return { stdout: run.stdout, stderr: run.stderr };
}

const entry = join(copy, 'dist', 'cli', 'advise.js');

/** Sets the modification time of a file, or of a folder and everything in it, to `seconds` ago. */
function age(path: string, seconds: number) {
  const when = new Date(Date.now() - seconds * 1000);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) age(join(path, name), seconds);
  utimesSync(path, when, when);
}

describe('npm run advise', () => {
  it('builds when there is no build, then answers from the build with no compile step while it is current', () => {
    expect(compiles()).toBe(0);
    const first = advise('compare');
    expect(first.stderr).toContain('Building first (no build yet)');
    expect(first.stdout).toContain('WebSocket vs SSE: the scorecard');
    expect(compiles()).toBe(1);
    expect(existsSync(entry)).toBe(true);

    const again = advise('compare');
    expect(again).toEqual({ stdout: first.stdout, stderr: '' });
    expect(advise('neither').stdout).toContain('When to pick neither:');
    expect(compiles()).toBe(1);
  }, 120_000);

  it('rebuilds when a source is newer than the build, and runs the new code', () => {
    age(entry, 60); // a build from a minute ago, then an edit now
    const render = join(copy, 'src', 'cli', 'render.ts');
    writeFileSync(render, readFileSync(render, 'utf8').replace(': the scorecard`', ': the SCORECARD`'));
    const rebuilt = advise('compare');
    expect(rebuilt.stderr).toContain('Building first (src/cli/render.ts is newer than the build)');
    expect(rebuilt.stdout).toContain('WebSocket vs SSE: the SCORECARD');
    expect(compiles()).toBe(2);

    expect(advise('compare')).toEqual({ stdout: rebuilt.stdout, stderr: '' });
    expect(compiles()).toBe(2);
  }, 120_000);

  it('rebuilds when tsconfig.json is newer than the build', () => {
    age(join(copy, 'src'), 120); // every source older than the build, tsconfig.json newer
    age(entry, 60);
    age(join(copy, 'tsconfig.json'), 30);
    const rebuilt = advise('neither');
    expect(rebuilt.stderr).toContain('Building first (tsconfig.json is newer than the build)');
    expect(rebuilt.stdout).toContain('When to pick neither:');
    expect(compiles()).toBe(3);
  }, 120_000);
});

describe('npm start', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, [join(copy, 'scripts', 'run-built.mjs'), 'main.js'], {
      cwd: copy,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 20_000,
    });

  it('runs the app from a current build with no compile step, in the same process', () => {
    const before = compiles();
    // No variables: the app itself answers, at once, with what is missing, so it ran; and nothing was compiled.
    const run = start({});
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('SLACK_SIGNING_SECRET');
    expect(run.stderr).not.toContain('Building first');
    expect(compiles()).toBe(before);
  }, 60_000);

  it('refuses an entry that is not a file in dist/', () => {
    const run = spawnSync(process.execPath, [join(copy, 'scripts', 'run-built.mjs'), '../package.json'], {
      cwd: copy,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: node scripts/run-built.mjs');
  });
});
