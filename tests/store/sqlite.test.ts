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

  it('gives a private, throwaway database for :memory:', async () => {
    const a = openSqliteStore(':memory:');
    const b = openSqliteStore(':memory:');
    expect(await a.dedup.claim('same-key', 60)).toBe(true);
    expect(await b.dedup.claim('same-key', 60)).toBe(true);
    await a.close();
    await b.close();
  });
});
