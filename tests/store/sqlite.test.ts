/** The store contract on SQLite: a fresh file in a temp folder for each database, as the sandbox uses. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { storeContract } from './store.contract.js';

const folder = mkdtempSync(join(tmpdir(), 'realtime-advisor-sqlite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let databases = 0;

storeContract('SQLite store', () => ({
  async freshDatabase() {
    const path = join(folder, `db${++databases}`, 'realtime-advisor.db');
    return {
      async open(options) {
        return openSqliteStore(path, options);
      },
      async query(sql) {
        const db = new Database(path);
        try {
          const statement = db.prepare(sql);
          if (statement.reader) return statement.all() as Record<string, unknown>[];
          statement.run();
          return [];
        } finally {
          db.close();
        }
      },
    };
  },
}));

describe('SQLite store, on its own', () => {
  it('creates the folder of its file, and keeps the file in WAL mode', async () => {
    const path = join(folder, 'nested', 'deeper', 'realtime-advisor.db');
    const store = openSqliteStore(path);
    await store.close();
    const db = new Database(path);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  // One commit (one fsync of the WAL, which holds the event loop) for a burst of claims, not one each.
  it('commits the claims made in one turn together, once the turn ends, the first of a key winning', async () => {
    const path = join(folder, 'burst', 'realtime-advisor.db');
    const store = openSqliteStore(path);
    const other = new Database(path);
    try {
      const keys = Array.from({ length: 50 }, (_, i) => `event:Ev${i}`);
      const claims = [...keys, 'event:Ev0'].map((key) => store.dedup.claim(key, 60));
      const visible = () => (other.prepare('SELECT count(*) AS n FROM dedup_keys').get() as { n: number }).n;
      expect(visible()).toBe(0);
      expect(await Promise.all(claims)).toEqual([...keys.map(() => true), false]);
      expect(visible()).toBe(50);
      expect(await store.dedup.claim('event:Ev1', 60)).toBe(false);
    } finally {
      other.close();
      await store.close();
    }
  });

  it('commits claims still waiting for their turn when the store closes', async () => {
    const path = join(folder, 'closing', 'realtime-advisor.db');
    const store = openSqliteStore(path);
    const claim = store.dedup.claim('event:last', 60);
    await store.close();
    expect(await claim).toBe(true);
    const db = new Database(path);
    try {
      expect(db.prepare('SELECT key FROM dedup_keys').all()).toEqual([{ key: 'event:last' }]);
    } finally {
      db.close();
    }
  });

  it('gives a private, throwaway database for :memory:', async () => {
    const a = openSqliteStore(':memory:');
    const b = openSqliteStore(':memory:');
    expect(await a.dedup.claim('same-key', 60)).toBe(true);
    expect(await b.dedup.claim('same-key', 60)).toBe(true);
    await a.close();
    await b.close();
  });
});
