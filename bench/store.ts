/**
 * Benchmarks the store's operations on both backends, one at a time as a request does them: SQLite in a file on
 * disk (WAL, synchronous=FULL, as `npm start` runs it), PostgreSQL on a throwaway local cluster with fsync on (as
 * production), through the pool. Also the cost of the fsync choice: one SQLite commit with synchronous=FULL
 * against NORMAL. Figures are for information; the script always exits 0, and PostgreSQL is skipped, saying why,
 * where it cannot start. Run: npm run bench:store
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { installationStoreFor, type NewDecision, openStore, type Store } from '../src/store/index.js';
import { findPostgres, startPostgresCluster } from '../tests/store/postgres-cluster.js';

interface Row {
  backend: string;
  what: string;
  perOp: number; // µs
  note?: string;
}
const rows: Row[] = [];

async function measure(backend: string, what: string, n: number, op: (i: number) => Promise<unknown> | unknown) {
  for (let i = 0; i < Math.min(n, 100); i++) await op(-1 - i); // warm up (negative ids never collide)
  const start = performance.now();
  for (let i = 0; i < n; i++) await op(i);
  rows.push({ backend, what, perOp: ((performance.now() - start) * 1000) / n, note: `${n} ops` });
}

async function measureParallel(backend: string, what: string, n: number, op: (i: number) => Promise<unknown>) {
  const start = performance.now();
  await Promise.all(Array.from({ length: n }, (_, i) => op(i)));
  rows.push({
    backend,
    what,
    perOp: ((performance.now() - start) * 1000) / n,
    note: `${n} at once: µs of wall time per op`,
  });
}

const decision = (i: number): NewDecision => ({
  teamId: 'T1',
  enterpriseId: null,
  channelId: `C${i % 10}`,
  inPublicChannel: i % 3 !== 0,
  threadTs: `1700000000.${String(Math.abs(i)).padStart(6, '0')}`,
  userId: `U${i % 50}`,
  answers: 'v1.realtime.0.1.2',
  pick: 'sse',
  dataVersion: '2026-02-14',
  permalink: { url: `https://example.slack.com/archives/C1/p${Math.abs(i)}` },
});

async function suite(backend: string, open: () => Promise<Store>, n: number): Promise<void> {
  const openStart = performance.now();
  const store = await open();
  rows.push({ backend, what: 'open + migrate a fresh database', perOp: (performance.now() - openStart) * 1000 });
  const run = `${Date.now()}`;
  try {
    await measure(backend, 'dedup claim (new key)', n, (i) => store.dedup.claim(`${run}:event:${i}`, 600));
    await measure(backend, 'dedup claim (key taken)', n, (i) => store.dedup.claim(`${run}:event:${Math.abs(i)}`, 600));
    await measure(backend, 'share step: intent + outcome', n, async (i) => {
      await store.shares.recordIntent(`${run}:share:${i}`, 'post');
      await store.shares.recordOutcome(`${run}:share:${i}`, 'post', { state: 'done', ts: '1700000000.000100' });
    });
    await measure(backend, 'decision record', n, (i) => store.decisions.record(decision(i)));
    await measure(backend, 'decisions by channel (20 newest)', n, (i) =>
      store.decisions.listByChannel(`C${Math.abs(i) % 10}`, { limit: 20 }),
    );
    await measure(backend, 'decisions for a person + public (App Home)', n, (i) =>
      store.decisions.listForPerson('T1', `U${Math.abs(i) % 50}`, { limit: 20, withPublic: true }),
    );
    const bolt = installationStoreFor(store);
    await bolt.storeInstallation({
      team: { id: 'T1' },
      enterprise: undefined,
      user: { id: 'U1', token: undefined, scopes: undefined },
      bot: { token: 'xoxb-bench', scopes: ['commands'], id: 'B1', userId: 'UB' },
      isEnterpriseInstall: false,
      authVersion: 'v2',
    });
    await measure(backend, 'fetchInstallation (every request, OAuth mode)', n, () =>
      bolt.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false }),
    );
    await measureParallel(backend, 'dedup claim, 200 concurrent', 200, (i) =>
      store.dedup.claim(`${run}:burst:${i}`, 600),
    );
  } finally {
    await store.close();
  }
}

/** The fsync choice, measured: one small committed insert with synchronous=FULL, and with NORMAL. */
function syncCost(folder: string): void {
  for (const mode of ['FULL', 'NORMAL'] as const) {
    const db = new Database(join(folder, `sync-${mode}.db`));
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${mode}`);
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)');
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const n = 2000;
    const start = performance.now();
    for (let i = 0; i < n; i++) insert.run(`k${i}`, i);
    rows.push({
      backend: 'sqlite',
      what: `one committed insert, synchronous=${mode}`,
      perOp: ((performance.now() - start) * 1000) / n,
      note: `${n} ops`,
    });
    db.close();
  }
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'realtime-advisor-bench-'));
  try {
    await suite('sqlite', () => openStore({ kind: 'sqlite', path: join(folder, 'bench.db') }), 2000);
    syncCost(folder);
    const postgres = findPostgres();
    if (!postgres.ok) {
      console.log(`PostgreSQL skipped: ${postgres.reason}`);
    } else {
      const cluster = await startPostgresCluster(postgres, { fsync: true });
      try {
        const url = await cluster.createDatabase();
        await suite('postgres', () => openStore({ kind: 'postgres', url }), 1000);
      } finally {
        await cluster.stop();
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.log(`The benchmark stopped early: ${error instanceof Error ? error.message : String(error)}`);
}
console.log(`${'Backend'.padEnd(9)} ${'Operation'.padEnd(46)} ${'µs/op'.padStart(10)} ${'ops/s'.padStart(9)}`);
for (const r of rows) {
  const perSecond = r.perOp > 0 ? Math.round(1e6 / r.perOp) : 0;
  console.log(
    `${r.backend.padEnd(9)} ${r.what.padEnd(46)} ${r.perOp.toFixed(1).padStart(10)} ${String(perSecond).padStart(9)}${r.note ? `  (${r.note})` : ''}`,
  );
}
process.exit(0);
