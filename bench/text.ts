/**
 * Reading a person's text must cost what its length costs: every pattern applied to user text runs in linear
 * time. This reads hostile texts of 4,000 and 40,000 characters and prints the time of each beside the target
 * (linear: ten times the text, about ten times the time; under 10 ms at 40,000 characters). For comparison it
 * also times the mention-stripping pattern the app used before (`/<@[A-Z0-9]+(?:\|[^>]*)?>/g`), which is
 * quadratic on the same input. Never fails the build. Run: npm run bench:text
 */
import { performance } from 'node:perf_hooks';
import { fromSlack, plainText, quote } from '../src/slack/slack-text.js';

const OLD_MENTION = /<@[A-Z0-9]+(?:\|[^>]*)?>/g;
const TARGET_MS = 10;

const hostile: Record<string, (n: number) => string> = {
  'unclosed mentions': (n) => '<@U'.repeat(n / 3),
  'mentions with labels, never closed': (n) => '<@U|'.repeat(n / 4),
  'brackets only': (n) => '<'.repeat(n),
  entities: (n) => '&amp;'.repeat(n / 5),
};

function timeMs(fn: () => unknown): number {
  fn(); // warm up
  const runs = 5;
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - start) / runs;
}

console.log(
  `${'input'.padEnd(36)} ${'4,000 chars'.padStart(12)} ${'40,000 chars'.padStart(13)} ${'ratio'.padStart(6)}   target`,
);
for (const [name, make] of Object.entries(hostile)) {
  const read = (n: number) => timeMs(() => quote(fromSlack(make(n)), 'public', 500) + plainText(fromSlack(make(n))));
  const [small, large] = [read(4000), read(40_000)];
  const verdict = large < TARGET_MS ? 'ok' : 'MISSED';
  console.log(
    `${name.padEnd(36)} ${small.toFixed(2).padStart(9)} ms ${large.toFixed(2).padStart(10)} ms ${(large / small).toFixed(1).padStart(6)}   < ${TARGET_MS} ms at 40,000 (${verdict})`,
  );
}
const old = (n: number) => timeMs(() => hostile['mentions with labels, never closed']?.(n).replace(OLD_MENTION, ' '));
const [oldSmall, oldLarge] = [old(4000), old(40_000)];
console.log(
  `${'before: the old mention pattern'.padEnd(36)} ${oldSmall.toFixed(2).padStart(9)} ms ${oldLarge.toFixed(2).padStart(10)} ms ${(oldLarge / oldSmall).toFixed(1).padStart(6)}   (quadratic, for comparison)`,
);
