/**
 * `node scripts/run-built.mjs <entry in dist/> [args…]`, behind `npm run advise` (cli/advise.js) and `npm start`
 * (main.js): runs the compiled entry at once when the build is current, and compiles first only when a source
 * (src/**, tsconfig.json) is newer than the build. Plain JavaScript run by node, so that starting it costs no
 * compile step of its own, and the entry runs in this same process (npm start execs node, so SIGTERM reaches it).
 *
 * The build's time is the compiled entry's: tsc writes every output on each build, so any entry tells. Directories
 * count as sources, so adding, removing or renaming a file under src/ also makes the build stale.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [, , entryName, ...args] = process.argv;
if (!entryName || !/^[\w/-]+\.js$/.test(entryName) || entryName.includes('..')) {
  process.stderr.write('Usage: node scripts/run-built.mjs <entry in dist/, e.g. main.js> [args…]\n');
  process.exit(2);
}
const entry = join(root, 'dist', entryName);

/** The newest modification time among a folder, its files and its subfolders, with the path that has it. */
function newest(path) {
  const stat = statSync(path);
  let found = { path, mtimeMs: stat.mtimeMs };
  if (stat.isDirectory()) {
    for (const name of readdirSync(path)) {
      const inner = newest(join(path, name));
      if (inner.mtimeMs > found.mtimeMs) found = inner;
    }
  }
  return found;
}

/** Why the build must be redone, or undefined when it is current. */
function staleReason() {
  let builtMs;
  try {
    builtMs = statSync(entry).mtimeMs;
  } catch {
    return 'no build yet';
  }
  for (const source of [join(root, 'src'), join(root, 'tsconfig.json')]) {
    const latest = newest(source);
    if (latest.mtimeMs > builtMs) return `${relative(root, latest.path)} is newer than the build`;
  }
  return undefined;
}

const reason = staleReason();
if (reason) {
  process.stderr.write(`Building first (${reason})…\n`);
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  const build = spawnSync(tsc, ['-p', join(root, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write(`The build failed (${build.error?.message ?? `exit ${build.status}`}); nothing was run.\n`);
    process.exit(build.status || 1);
  }
}

// The compiled entry runs its main() when it is the process's script, so it is named as the script, with its args.
process.argv = [process.argv[0] ?? process.execPath, entry, ...args];
await import(pathToFileURL(entry).href);
