/**
 * A throwaway PostgreSQL cluster for a test or a benchmark: Debian's server binaries (`postgresql` package,
 * installed by scripts/ensure-postgresql.sh and .ci/run), a fresh data folder under the temp dir, a free loopback
 * port, trust authentication on 127.0.0.1 only. `initdb` and `postgres` refuse to run as root, so as root they run
 * as the `postgres` user (runuser), in a folder it owns. Stopped and deleted by `stop()`, or at process exit.
 *
 * `POSTGRES_BIN` names the folder with `initdb` and `pg_ctl` (default: the newest /usr/lib/postgresql/N/bin); set
 * it to a folder without them to see the PostgreSQL tests skip, by name, as on a machine without PostgreSQL.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export type PostgresLookup = { ok: true; bin: string; asUser: string | null } | { ok: false; reason: string };

/**
 * Where PostgreSQL's server binaries are, and whether this process can run them; or why not. In CI (`CI` set),
 * where .ci/run installs PostgreSQL, not finding it is an error rather than a reason to skip.
 */
export function findPostgres(): PostgresLookup {
  const found = lookUp();
  if (!found.ok && process.env.CI && process.env.CI !== 'false') {
    throw new Error(`CI runs the PostgreSQL tests, but ${found.reason}`);
  }
  if (!found.ok) process.stderr.write(`PostgreSQL tests skipped: ${found.reason}\n`);
  return found;
}

function lookUp(): PostgresLookup {
  let bin = process.env.POSTGRES_BIN;
  if (!bin) {
    const root = '/usr/lib/postgresql';
    const versions = existsSync(root)
      ? readdirSync(root)
          .filter((v) => /^\d+$/.test(v))
          .sort((a, b) => Number(b) - Number(a))
      : [];
    bin = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
    if (!bin) return { ok: false, reason: 'PostgreSQL is not installed (no /usr/lib/postgresql/N/bin/initdb)' };
  }
  for (const tool of ['initdb', 'pg_ctl']) {
    if (!existsSync(join(bin, tool))) return { ok: false, reason: `no ${tool} in ${bin} (POSTGRES_BIN)` };
  }
  if (process.getuid?.() !== 0) return { ok: true, bin, asUser: null };
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    return { ok: false, reason: 'running as root, and there is no postgres user to run the server as' };
  }
  return { ok: true, bin, asUser: 'postgres' };
}

export interface PostgresCluster {
  /** The cluster's admin URL (database `postgres`). */
  url: string;
  /** A new, empty database on the cluster; returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ClusterOptions {
  /** fsync on commit, as in production; off (default) is faster and loses nothing unless the machine itself dies. */
  fsync?: boolean;
}

export async function startPostgresCluster(
  lookup: Extract<PostgresLookup, { ok: true }>,
  options: ClusterOptions = {},
): Promise<PostgresCluster> {
  const folder = mkdtempSync(join(tmpdir(), 'realtime-advisor-pg-'));
  const data = join(folder, 'data');
  const as = (tool: string, args: string[]): [string, string[]] =>
    lookup.asUser
      ? ['runuser', ['-u', lookup.asUser, '--', join(lookup.bin, tool), ...args]]
      : [join(lookup.bin, tool), args];
  if (lookup.asUser) {
    const uid = Number(execFileSync('id', ['-u', lookup.asUser]).toString());
    const gid = Number(execFileSync('id', ['-g', lookup.asUser]).toString());
    chownSync(folder, uid, gid);
  }
  const inFolder = { cwd: folder }; // the postgres user may not enter this process's working directory
  await run(...as('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']), inFolder);
  const port = await freePort();
  const serverOptions = [
    `-p ${port}`,
    `-k ${folder}`,
    '-c listen_addresses=127.0.0.1',
    `-c fsync=${options.fsync ? 'on' : 'off'}`,
    '-c max_connections=200',
  ].join(' ');
  await run(
    ...as('pg_ctl', ['-D', data, '-l', join(folder, 'server.log'), '-w', '-t', '60', '-o', serverOptions, 'start']),
    inFolder,
  );

  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    try {
      execFileSync(...as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { ...inFolder, stdio: 'ignore' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  process.once('exit', stopNow); // a test run that dies does not leave a server behind

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    async createDatabase() {
      const name = `t${process.pid}_${++databases}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      process.off('exit', stopNow);
      stopNow();
    },
  };
}
