/**
 * The product's build holds the product alone: the stand-in Slack, the sandbox server and its page are tooling
 * in sandbox/, type-checked and run from there, never compiled into dist/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'realtime-advisor-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the product build', () => {
  it('compiles src/ only, with nothing from the sandbox in its output', () => {
    const tsc = join(root, 'node_modules', '.bin', 'tsc');
    execFileSync(tsc, ['-p', join(root, 'tsconfig.json'), '--outDir', outDir], { cwd: root, stdio: 'pipe' });
    const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    const topLevel = new Set(files.map((f) => f.split(/[\\/]/)[0]));

    expect(files).toContain('main.js');
    expect([...topLevel].sort()).toEqual(['advisor', 'cli', 'config.js', 'lifecycle.js', 'main.js', 'slack', 'store']);
    expect(files.filter((f) => /sandbox|standin|page/.test(f))).toEqual([]);
    const importingSandbox = files.filter((f) =>
      /from ['"][^'"]*sandbox\//.test(readFileSync(join(outDir, f), 'utf8')),
    );
    expect(importingSandbox).toEqual([]);
  }, 60_000);
});
