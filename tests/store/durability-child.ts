/**
 * The durability test's victim: shares in a burst, as fast as the store takes them (claim, intent, outcome), and
 * a line on stdout after each write returned. stdout is a pipe, written synchronously on Linux, so a line the
 * parent read is a write that had returned. The parent kills this process with SIGKILL mid-burst.
 *
 * Usage: node --import tsx durability-child.ts sqlite <path> | postgres <url>
 */
import { openStore } from '../../src/store/index.js';

const [kind, where] = process.argv.slice(2);
if (!where || (kind !== 'sqlite' && kind !== 'postgres')) throw new Error('usage: sqlite <path> | postgres <url>');
const store = await openStore(kind === 'sqlite' ? { kind, path: where } : { kind, url: where });
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const key = `share:${i}`;
  await store.dedup.claim(key, 3600);
  process.stdout.write(`claimed ${i}\n`);
  await store.shares.recordIntent(key, 'post');
  process.stdout.write(`intent ${i}\n`);
  await store.shares.recordOutcome(key, 'post', { state: 'done', ts: `1700000000.${String(i).padStart(6, '0')}` });
  process.stdout.write(`done ${i}\n`);
}
