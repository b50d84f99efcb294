import { describe, expect, it } from 'vitest';
import { startHousekeeping } from '../../src/store/retention.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

const DAY = 24 * 60 * 60 * 1000;

describe('housekeeping', () => {
  it('deletes decisions past the retention period, expired keys and stale share records, and keeps the rest', async () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    const store = openSqliteStore(':memory:', { now: () => now });
    const base = {
      teamId: 'T1',
      enterpriseId: null,
      channelId: 'C1',
      inPublicChannel: true,
      threadTs: null,
      userId: 'U1',
      answers: 'v1',
      pick: 'sse',
      dataVersion: '1',
      permalink: { url: null, reason: 'test' },
    };
    await store.decisions.record({ ...base, createdAt: new Date(now - 91 * DAY) });
    await store.decisions.record({ ...base, createdAt: new Date(now - 89 * DAY) });
    const housekeeping = startHousekeeping(store, 90, { log: () => {} });
    try {
      await housekeeping.sweep();
      expect(await store.decisions.listByChannel('C1')).toHaveLength(1);
    } finally {
      housekeeping.stop();
      await store.close();
    }
  });

  it('logs a failed sweep and keeps going', async () => {
    const store = openSqliteStore(':memory:');
    await store.close();
    const lines: string[] = [];
    const housekeeping = startHousekeeping(store, 90, { log: (line) => lines.push(line) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    housekeeping.stop();
    expect(lines).toEqual([expect.stringMatching(/^Housekeeping failed, will retry: /)]);
  });
});
