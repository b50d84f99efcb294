/**
 * The page's snapshot stays small however long the workspace's history grows: each change re-sends it, so a
 * whole history (2,000 long messages took the sandbox to 4 GB) would be sent again and again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox/server/server.js';
import { PAGE_MESSAGES, pageSnapshot } from '../../../sandbox/server/view-model.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, logLevel: 'error', seed: false });
});
afterAll(() => sandbox.close());

describe('the snapshot of a long history', () => {
  it('carries only the latest messages and threads of each channel, and says how many are left out', () => {
    const long = 'a long message about realtime transports '.repeat(100);
    let last = '';
    for (let i = 0; i < 2000; i += 1) last = sandbox.standin.postAsUser({ text: `${i}: ${long}` }).ts;
    const parent = sandbox.standin.postAsUser({ text: 'a thread' }).ts;
    for (let i = 0; i < 300; i += 1) sandbox.standin.postAsUser({ text: `reply ${i}: ${long}`, threadTs: parent });

    const snapshot = pageSnapshot(sandbox.standin, sandbox.me, [], 1);
    const general = snapshot.channels.find((c) => c.name === 'general');
    expect(general?.messages).toHaveLength(PAGE_MESSAGES);
    expect(general?.messages.some((m) => m.ts === last)).toBe(true);
    expect(general?.earlier).toBe(2001 - PAGE_MESSAGES);
    expect(general?.threads[parent]).toHaveLength(PAGE_MESSAGES);
    expect(general?.threads[parent]?.at(-1)?.text).toMatch(/^reply 299:/);
    // Each message carries its text twice (text and blocks): a channel and one thread of them, and little more.
    expect(JSON.stringify(snapshot).length).toBeLessThan(4 * PAGE_MESSAGES * long.length + 200_000);
  });
});
