/**
 * Writes are durable once they return: a child process shares in a burst and is killed with SIGKILL; the store,
 * reopened, has every claim, intent and outcome the child had seen return, and nothing half-written.
 *
 * What this proves and what it cannot: a killed process loses nothing that returned, on both backends. A power
 * cut is another matter that no test here can stage: SQLite runs synchronous=FULL (the WAL is fsynced at every
 * commit) so that it holds there too; PostgreSQL's default synchronous_commit=on does the same on its server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseConfig, openStore } from '../../src/store/index.js';
import { findPostgres, startPostgresCluster } from './postgres-cluster.js';

const child = fileURLToPath(new URL('./durability-child.ts', import.meta.url));
const KILL_AFTER = 300; // shares done before the kill; more are in flight when it lands

interface Seen {
  claimed: Set<number>;
  intent: Set<number>;
  done: Set<number>;
  perSecond: number;
}

/** Runs the child until it has done KILL_AFTER shares, kills it with SIGKILL, and says what it had seen return. */
function burstThenKill(database: DatabaseConfig): Promise<Seen> {
  const where = database.kind === 'sqlite' ? database.path : database.url;
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', child, database.kind, where], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seen: Seen = { claimed: new Set(), intent: new Set(), done: new Set(), perSecond: 0 };
  let started = 0;
  let buffer = '';
  let stderr = '';
  proc.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    proc.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') started = performance.now();
        const [what, n] = line.split(' ');
        if (what === 'claimed' || what === 'intent' || what === 'done') seen[what].add(Number(n));
      }
      if (seen.done.size >= KILL_AFTER && proc.exitCode === null && !proc.killed) {
        seen.perSecond = (seen.done.size * 1000) / (performance.now() - started);
        proc.kill('SIGKILL');
      }
    });
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(seen);
      else reject(new Error(`the child exited by itself (${code}): ${stderr}`));
    });
  });
}

async function expectEverythingSeen(database: DatabaseConfig, seen: Seen): Promise<void> {
  const store = await openStore(database);
  try {
    expect(seen.done.size).toBeGreaterThanOrEqual(KILL_AFTER);
    const last = Math.max(...seen.claimed);
    for (let i = 0; i <= last; i++) {
      const key = `share:${i}`;
      const steps = await store.shares.steps(key);
      if (seen.done.has(i)) {
        expect(steps, key).toEqual({ post: { state: 'done', ts: `1700000000.${String(i).padStart(6, '0')}` } });
      } else if (seen.intent.has(i)) {
        // Returned as an intent; its outcome may or may not have landed before the kill.
        expect(['intent', 'done'], key).toContain(steps.post?.state);
      }
      if (seen.claimed.has(i)) expect(await store.dedup.claim(key, 3600), key).toBe(false);
    }
  } finally {
    await store.close();
  }
}

describe('durability under kill -9', () => {
  const folder = mkdtempSync(join(tmpdir(), 'realtime-advisor-durability-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('SQLite keeps every claim, intent and outcome that had returned when the process was killed', async () => {
    const database: DatabaseConfig = { kind: 'sqlite', path: join(folder, 'killed.db') };
    const seen = await burstThenKill(database);
    await expectEverythingSeen(database, seen);
    process.stdout.write(
      `SQLite burst: ${Math.round(seen.perSecond)} shares/s (3 durable writes each) until SIGKILL\n`,
    );
  }, 30_000);

  const postgres = findPostgres();
  it.skipIf(!postgres.ok)(
    `PostgreSQL keeps every claim, intent and outcome that had returned when the process was killed${postgres.ok ? '' : ` (skipped: ${postgres.reason})`}`,
    async () => {
      if (!postgres.ok) return;
      const cluster = await startPostgresCluster(postgres);
      try {
        const database: DatabaseConfig = { kind: 'postgres', url: await cluster.createDatabase() };
        const seen = await burstThenKill(database);
        await expectEverythingSeen(database, seen);
        process.stdout.write(`PostgreSQL burst: ${Math.round(seen.perSecond)} shares/s until SIGKILL\n`);
      } finally {
        await cluster.stop();
      }
    },
    60_000,
  );
});
