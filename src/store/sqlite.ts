/**
 * The embedded backend: one SQLite file (better-sqlite3), for one process with no set-up. WAL mode, so reads never
 * wait for the writer; synchronous=FULL, so a commit is on disk (the WAL fsynced) before the call returns: a
 * share's intent survives a power cut, not only a crash of the process. better-sqlite3 is synchronous, and each
 * method is one short statement or transaction, so the event loop waits for one commit (see bench/store.ts);
 * dedup claims, one per Slack event and click that must happen once, are committed together per turn of the event
 * loop (groupCommit), so that a burst waits for one fsync, not one each.
 *
 * `:memory:` gives a private database that lives as long as the store: the sandbox's and the tests' throwaway.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type Migration, SQLITE_MIGRATIONS } from './migrations.js';
import {
  DAY_MS,
  DECISION_COLUMNS,
  type DecisionRow,
  decisionFromRow,
  decisionValues,
  installKey,
  listLimit,
  type StepRow,
  scopeColumns,
  scopeFromColumns,
  stepsFromRows,
} from './rows.js';
import { SchemaTooNewError, type Store, type StoreOptions } from './store.js';

type Db = Database.Database;

/** How long a writer waits for another connection's write lock (another process on the same file) before failing. */
const BUSY_TIMEOUT_MS = 5000;

export function openSqliteStore(path: string, options: StoreOptions = {}): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, SQLITE_MIGRATIONS);
    return sqliteStore(db, options.now ?? Date.now);
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Applies the migrations this database has not seen, all in one IMMEDIATE transaction: it takes SQLite's write
 * lock first, so a second process opening the same file waits, then finds them applied.
 */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const known = migrations.at(-1)?.version ?? 0;
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
    const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as { version: number | null };
    const current = row.version ?? 0;
    if (current > known) throw new SchemaTooNewError(current, known);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    }
  }).immediate();
}

/**
 * Writes made in one turn of the event loop, committed together. better-sqlite3 is synchronous, so every commit
 * (with synchronous=FULL, an fsync of the WAL) holds the event loop: a burst of 50 Slack events, each claiming its
 * id, waited for 50 fsyncs in a row, and under a busy disk (5 to 20 ms each) every ack behind them waited too (an
 * @mention's p99 at concurrency 50 reached 1 to 2 s). Queued writes run at the end of the turn in one IMMEDIATE
 * transaction, one fsync for all; each resolves only once that commit is on disk, as before, and a failed commit
 * rejects every write in it. `flush` runs what is queued now (before closing).
 */
function groupCommit<A extends unknown[], R>(db: Db, write: (...args: A) => R) {
  let queue: { args: A; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let results: R[];
    try {
      results = db.transaction(() => batch.map(({ args }) => write(...args))).immediate();
    } catch (error) {
      for (const { reject } of batch) reject(error);
      return;
    }
    batch.forEach(({ resolve }, i) => {
      resolve(results[i] as R);
    });
  };
  const queued = (...args: A) =>
    new Promise<R>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ args, resolve, reject });
    });
  return { queued, flush };
}

function sqliteStore(db: Db, now: () => number): Store {
  const bool = (value: boolean) => (value ? 1 : 0);
  const s = {
    saveInstallation: db.prepare(`
      INSERT INTO slack_installations (install_key, enterprise_id, team_id, is_enterprise_install, installation, installed_at)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (install_key) DO UPDATE SET enterprise_id = excluded.enterprise_id, team_id = excluded.team_id,
        is_enterprise_install = excluded.is_enterprise_install, installation = excluded.installation,
        installed_at = excluded.installed_at`),
    findInstallation: db.prepare(
      'SELECT enterprise_id, team_id, installation, installed_at FROM slack_installations WHERE install_key = ?',
    ),
    deleteInstallation: db.prepare('DELETE FROM slack_installations WHERE install_key = ?'),
    saveUserToken: db.prepare(`
      INSERT INTO slack_user_tokens (install_key, user_id, user_json, saved_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (install_key, user_id) DO UPDATE SET user_json = excluded.user_json, saved_at = excluded.saved_at`),
    findUserToken: db.prepare('SELECT user_json FROM slack_user_tokens WHERE install_key = ? AND user_id = ?'),
    deleteUserToken: db.prepare('DELETE FROM slack_user_tokens WHERE install_key = ? AND user_id = ?'),
    deleteUserTokens: db.prepare('DELETE FROM slack_user_tokens WHERE install_key = ?'),
    insertDecision: db.prepare(
      `INSERT INTO decisions (${DECISION_COLUMNS.join(', ')}) VALUES (${DECISION_COLUMNS.map(() => '?').join(', ')})
       RETURNING *`,
    ),
    byChannel: db.prepare('SELECT * FROM decisions WHERE channel_id = ? ORDER BY created_at DESC, id DESC LIMIT ?'),
    forPerson: db.prepare(
      'SELECT * FROM decisions WHERE team_id = ? AND user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
    ),
    forPersonWithPublic: db.prepare(`
      SELECT * FROM decisions WHERE team_id = ? AND (user_id = ? OR in_public_channel = 1)
      ORDER BY created_at DESC, id DESC LIMIT ?`),
    find: db.prepare('SELECT * FROM decisions WHERE id = ?'),
    withFeedback: db.prepare(
      'SELECT * FROM decisions WHERE feedback IS NOT NULL ORDER BY feedback_at DESC, id DESC LIMIT ?',
    ),
    feedback: db.prepare('UPDATE decisions SET feedback = ?, feedback_note = ?, feedback_at = ? WHERE id = ?'),
    deleteOlder: db.prepare('DELETE FROM decisions WHERE created_at < ?'),
    deleteTeamDecisions: db.prepare('DELETE FROM decisions WHERE team_id = ?'),
    deleteOrgDecisions: db.prepare('DELETE FROM decisions WHERE enterprise_id = ?'),
    claim: db.prepare(`
      INSERT INTO dedup_keys (key, expires_at) VALUES (?, ?)
      ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE dedup_keys.expires_at <= ?`),
    release: db.prepare('DELETE FROM dedup_keys WHERE key = ?'),
    purgeKeys: db.prepare('DELETE FROM dedup_keys WHERE expires_at <= ?'),
    step: db.prepare(`
      INSERT INTO share_steps (share_key, step, state, ts, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (share_key, step) DO UPDATE SET state = excluded.state, ts = excluded.ts,
        updated_at = excluded.updated_at`),
    forgetStep: db.prepare('DELETE FROM share_steps WHERE share_key = ? AND step = ?'),
    steps: db.prepare('SELECT step, state, ts FROM share_steps WHERE share_key = ? ORDER BY step'),
    purgeSteps: db.prepare('DELETE FROM share_steps WHERE updated_at < ?'),
    version: db.prepare('SELECT max(version) AS version FROM schema_migrations'),
  };
  let closed = false;
  // A claim made twice in one turn: the first inserts the key, the second finds it held (changes 0), in order.
  const claims = groupCommit(
    db,
    (key: string, expiresAt: number, at: number) => s.claim.run(key, expiresAt, at).changes === 1,
  );

  return {
    backend: 'sqlite',
    installations: {
      async save({ scope, installation, installedAt }) {
        const { enterpriseId, teamId } = scopeColumns(scope);
        s.saveInstallation.run(
          installKey(scope),
          enterpriseId,
          teamId,
          bool(scope.kind === 'org'),
          JSON.stringify(installation),
          installedAt.getTime(),
        );
      },
      async find(scope) {
        const row = s.findInstallation.get(installKey(scope)) as
          | { enterprise_id: string | null; team_id: string | null; installation: string; installed_at: number }
          | undefined;
        if (!row) return null;
        return {
          scope: scopeFromColumns(row.enterprise_id, row.team_id),
          installation: JSON.parse(row.installation),
          installedAt: new Date(row.installed_at),
        };
      },
      async saveUserToken({ scope, userId, user }) {
        s.saveUserToken.run(installKey(scope), userId, JSON.stringify(user), now());
      },
      async findUserToken(scope, userId) {
        const row = s.findUserToken.get(installKey(scope), userId) as { user_json: string } | undefined;
        return row ? { scope, userId, user: JSON.parse(row.user_json) } : null;
      },
      async deleteUserToken(scope, userId) {
        s.deleteUserToken.run(installKey(scope), userId);
      },
      async delete(scope) {
        db.transaction(() => {
          s.deleteInstallation.run(installKey(scope));
          s.deleteUserTokens.run(installKey(scope));
        }).immediate();
      },
    },
    decisions: {
      async record(decision) {
        const values = decisionValues(decision, now()).map((v) => (typeof v === 'boolean' ? bool(v) : v));
        return decisionFromRow(s.insertDecision.get(...values) as DecisionRow);
      },
      async listByChannel(channelId, options = {}) {
        return (s.byChannel.all(channelId, listLimit(options.limit)) as DecisionRow[]).map(decisionFromRow);
      },
      async listForPerson(teamId, userId, options = {}) {
        const statement = options.withPublic ? s.forPersonWithPublic : s.forPerson;
        return (statement.all(teamId, userId, listLimit(options.limit)) as DecisionRow[]).map(decisionFromRow);
      },
      async find(id) {
        if (!/^\d{1,15}$/.test(id)) return null;
        const row = s.find.get(Number(id)) as DecisionRow | undefined;
        return row ? decisionFromRow(row) : null;
      },
      async listWithFeedback(options = {}) {
        return (s.withFeedback.all(listLimit(options.limit)) as DecisionRow[]).map(decisionFromRow);
      },
      async recordFeedback(id, { answer, note }) {
        if (!/^\d+$/.test(id)) return false;
        return s.feedback.run(answer, note ?? null, now(), Number(id)).changes === 1;
      },
      async deleteOlderThan(days) {
        return s.deleteOlder.run(now() - days * DAY_MS).changes;
      },
    },
    dedup: {
      claim(key, ttlSeconds) {
        const at = now();
        return claims.queued(key, at + ttlSeconds * 1000, at);
      },
      async release(key) {
        s.release.run(key);
      },
      async purgeExpired() {
        return s.purgeKeys.run(now()).changes;
      },
    },
    shares: {
      async recordIntent(key, step) {
        s.step.run(key, step, 'intent', null, now());
      },
      async recordOutcome(key, step, outcome) {
        if (outcome.state === 'refused') s.forgetStep.run(key, step);
        else s.step.run(key, step, outcome.state, outcome.state === 'done' ? (outcome.ts ?? null) : null, now());
      },
      async steps(key) {
        return stepsFromRows(s.steps.all(key) as StepRow[]);
      },
      async purgeOlderThan(seconds) {
        return s.purgeSteps.run(now() - seconds * 1000).changes;
      },
    },
    async forget(scope) {
      return db
        .transaction(() => {
          s.deleteInstallation.run(installKey(scope));
          s.deleteUserTokens.run(installKey(scope));
          const deleted =
            scope.kind === 'org'
              ? s.deleteOrgDecisions.run(scope.enterpriseId)
              : s.deleteTeamDecisions.run(scope.teamId);
          return { decisions: deleted.changes };
        })
        .immediate();
    },
    async schemaVersion() {
      return (s.version.get() as { version: number | null }).version ?? 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      claims.flush();
      db.close();
    },
  };
}
