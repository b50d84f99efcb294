/**
 * The store contract on PostgreSQL: a throwaway cluster of this test's own (Debian's postgresql, see
 * postgres-cluster.ts), a fresh database on it for each database the contract asks for. Where PostgreSQL cannot
 * run here, the tests say so by name, and why, and skip.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../../src/store/index.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { findPostgres, type PostgresCluster, startPostgresCluster } from './postgres-cluster.js';
import { storeContract } from './store.contract.js';

const postgres = findPostgres();

if (!postgres.ok) {
  describe.skip(`PostgreSQL store (skipped: ${postgres.reason})`, () => {
    it('passes the store contract', () => {});
  });
} else {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgresCluster(postgres);
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  storeContract('PostgreSQL store', () => ({
    async freshDatabase() {
      const url = await cluster.createDatabase();
      return {
        open: (options) => openPostgresStore(url, options),
        async query(sql) {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            return (await client.query(sql)).rows;
          } finally {
            await client.end();
          }
        },
      };
    },
  }));

  describe('PostgreSQL store, on its own', () => {
    it('says why it cannot open, naming the server and never the password', async () => {
      const url = 'postgres://advisor:hunter2-secret@127.0.0.1:1/nowhere?password=also-secret';
      expect(describeDatabase({ kind: 'postgres', url })).toBe(
        'PostgreSQL at postgres://advisor:***@127.0.0.1:1/nowhere',
      );
      await expect(openPostgresStore(url)).rejects.toThrow(/ECONNREFUSED/);
    });

    it('holds the migration lock only while migrating', async () => {
      const url = await cluster.createDatabase();
      const store = await openPostgresStore(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'");
        expect(rows[0].n).toBe(0);
      } finally {
        await client.end();
        await store.close();
      }
    });
  });
}
