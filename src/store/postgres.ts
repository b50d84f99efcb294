/**
 * The shared backend: PostgreSQL through a `pg` pool, for any number of stateless instances. Every method is one
 * statement (autocommit) or one transaction, so a resolved promise means a committed write. Migrations run at
 * start-up under a session advisory lock, so instances that start together apply them once: the first takes the
 * lock and migrates, the others wait on the lock, then find nothing left to do.
 */
import pg from 'pg';
import { type Migration, POSTGRES_MIGRATIONS } from './migrations.js';
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

/** The advisory lock that serializes migrations: 'RADV' in ASCII, so that it is recognizable in pg_locks. */
export const MIGRATION_LOCK = 0x52414456;

export interface PostgresOptions extends StoreOptions {
  /** Connections per instance. Default 10. */
  poolSize?: number;
  /** Said when an idle connection fails (the server restarted): the pool replaces it. Default: stderr. */
  onPoolError?: (error: Error) => void;
}

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle client's error (a server restart) would otherwise crash the process; the pool drops that client.
  pool.on('error', options.onPoolError ?? ((error) => process.stderr.write(`PostgreSQL: ${error.message}\n`)));
  try {
    await migrate(pool, POSTGRES_MIGRATIONS);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return postgresStore(pool, options.now ?? Date.now);
}

/**
 * Applies the migrations the database has not seen, each in its own transaction, holding the advisory lock on one
 * connection throughout. The lock is the session's: should this process die, the server drops it with the
 * connection, and the next instance goes on.
 */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<void> {
  const known = migrations.at(-1)?.version ?? 0;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
      const { rows } = await client.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM schema_migrations',
      );
      const current = rows[0]?.version ?? 0;
      if (current > known) throw new SchemaTooNewError(current, known);
      for (const migration of migrations) {
        if (migration.version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            Date.now(),
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Runs `work` in one transaction on one connection. */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
}

function postgresStore(pool: pg.Pool, now: () => number): Store {
  const q = <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => pool.query<R>(text, values);
  const insertDecision = `INSERT INTO decisions (${DECISION_COLUMNS.join(', ')})
    VALUES (${DECISION_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`;
  let closed = false;

  return {
    backend: 'postgres',
    installations: {
      async save({ scope, installation, installedAt }) {
        const { enterpriseId, teamId } = scopeColumns(scope);
        await q(
          `INSERT INTO slack_installations
             (install_key, enterprise_id, team_id, is_enterprise_install, installation, installed_at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (install_key) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id,
             team_id = EXCLUDED.team_id, is_enterprise_install = EXCLUDED.is_enterprise_install,
             installation = EXCLUDED.installation, installed_at = EXCLUDED.installed_at`,
          [
            installKey(scope),
            enterpriseId,
            teamId,
            scope.kind === 'org',
            JSON.stringify(installation),
            installedAt.getTime(),
          ],
        );
      },
      async find(scope) {
        const { rows } = await q<{
          enterprise_id: string | null;
          team_id: string | null;
          installation: string;
          installed_at: string;
        }>(
          'SELECT enterprise_id, team_id, installation, installed_at FROM slack_installations WHERE install_key = $1',
          [installKey(scope)],
        );
        const row = rows[0];
        if (!row) return null;
        return {
          scope: scopeFromColumns(row.enterprise_id, row.team_id),
          installation: JSON.parse(row.installation),
          installedAt: new Date(Number(row.installed_at)),
        };
      },
      async saveUserToken({ scope, userId, user }) {
        await q(
          `INSERT INTO slack_user_tokens (install_key, user_id, user_json, saved_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (install_key, user_id) DO UPDATE SET user_json = EXCLUDED.user_json, saved_at = EXCLUDED.saved_at`,
          [installKey(scope), userId, JSON.stringify(user), now()],
        );
      },
      async findUserToken(scope, userId) {
        const { rows } = await q<{ user_json: string }>(
          'SELECT user_json FROM slack_user_tokens WHERE install_key = $1 AND user_id = $2',
          [installKey(scope), userId],
        );
        const row = rows[0];
        return row ? { scope, userId, user: JSON.parse(row.user_json) } : null;
      },
      async deleteUserToken(scope, userId) {
        await q('DELETE FROM slack_user_tokens WHERE install_key = $1 AND user_id = $2', [installKey(scope), userId]);
      },
      async delete(scope) {
        await inTransaction(pool, async (client) => {
          await client.query('DELETE FROM slack_installations WHERE install_key = $1', [installKey(scope)]);
          await client.query('DELETE FROM slack_user_tokens WHERE install_key = $1', [installKey(scope)]);
        });
      },
    },
    decisions: {
      async record(decision) {
        const { rows } = await q<DecisionRow>(insertDecision, decisionValues(decision, now()));
        return decisionFromRow(rows[0] as DecisionRow);
      },
      async listByChannel(channelId, options = {}) {
        const { rows } = await q<DecisionRow>(
          'SELECT * FROM decisions WHERE channel_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2',
          [channelId, listLimit(options.limit)],
        );
        return rows.map(decisionFromRow);
      },
      async listForPerson(teamId, userId, options = {}) {
        const who = options.withPublic ? '(user_id = $2 OR in_public_channel)' : 'user_id = $2';
        const { rows } = await q<DecisionRow>(
          `SELECT * FROM decisions WHERE team_id = $1 AND ${who} ORDER BY created_at DESC, id DESC LIMIT $3`,
          [teamId, userId, listLimit(options.limit)],
        );
        return rows.map(decisionFromRow);
      },
      async find(id) {
        if (!/^\d{1,15}$/.test(id)) return null;
        const { rows } = await q<DecisionRow>('SELECT * FROM decisions WHERE id = $1', [id]);
        return rows[0] ? decisionFromRow(rows[0]) : null;
      },
      async listWithFeedback(options = {}) {
        const { rows } = await q<DecisionRow>(
          'SELECT * FROM decisions WHERE feedback IS NOT NULL ORDER BY feedback_at DESC, id DESC LIMIT $1',
          [listLimit(options.limit)],
        );
        return rows.map(decisionFromRow);
      },
      async recordFeedback(id, { answer, note }) {
        if (!/^\d+$/.test(id)) return false;
        const result = await q(
          'UPDATE decisions SET feedback = $1, feedback_note = $2, feedback_at = $3 WHERE id = $4',
          [answer, note ?? null, now(), id],
        );
        return result.rowCount === 1;
      },
      async deleteOlderThan(days) {
        const result = await q('DELETE FROM decisions WHERE created_at < $1', [now() - days * DAY_MS]);
        return result.rowCount ?? 0;
      },
    },
    dedup: {
      async claim(key, ttlSeconds) {
        const at = now();
        // Two instances inserting one key: one inserts, the other waits on its row lock, then finds it unexpired.
        const result = await q(
          `INSERT INTO dedup_keys (key, expires_at) VALUES ($1, $2)
           ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE dedup_keys.expires_at <= $3`,
          [key, at + ttlSeconds * 1000, at],
        );
        return result.rowCount === 1;
      },
      async release(key) {
        await q('DELETE FROM dedup_keys WHERE key = $1', [key]);
      },
      async purgeExpired() {
        return (await q('DELETE FROM dedup_keys WHERE expires_at <= $1', [now()])).rowCount ?? 0;
      },
    },
    shares: {
      async recordIntent(key, step) {
        await q(
          `INSERT INTO share_steps (share_key, step, state, ts, updated_at) VALUES ($1, $2, 'intent', NULL, $3)
           ON CONFLICT (share_key, step) DO UPDATE SET state = 'intent', ts = NULL, updated_at = EXCLUDED.updated_at`,
          [key, step, now()],
        );
      },
      async recordOutcome(key, step, outcome) {
        if (outcome.state === 'refused') {
          await q('DELETE FROM share_steps WHERE share_key = $1 AND step = $2', [key, step]);
          return;
        }
        await q(
          `INSERT INTO share_steps (share_key, step, state, ts, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (share_key, step) DO UPDATE SET state = EXCLUDED.state, ts = EXCLUDED.ts,
             updated_at = EXCLUDED.updated_at`,
          [key, step, outcome.state, outcome.state === 'done' ? (outcome.ts ?? null) : null, now()],
        );
      },
      async steps(key) {
        const { rows } = await q<StepRow>(
          'SELECT step, state, ts FROM share_steps WHERE share_key = $1 ORDER BY step',
          [key],
        );
        return stepsFromRows(rows);
      },
      async purgeOlderThan(seconds) {
        return (await q('DELETE FROM share_steps WHERE updated_at < $1', [now() - seconds * 1000])).rowCount ?? 0;
      },
    },
    async forget(scope) {
      return inTransaction(pool, async (client) => {
        await client.query('DELETE FROM slack_installations WHERE install_key = $1', [installKey(scope)]);
        await client.query('DELETE FROM slack_user_tokens WHERE install_key = $1', [installKey(scope)]);
        const deleted =
          scope.kind === 'org'
            ? await client.query('DELETE FROM decisions WHERE enterprise_id = $1', [scope.enterpriseId])
            : await client.query('DELETE FROM decisions WHERE team_id = $1', [scope.teamId]);
        return { decisions: deleted.rowCount ?? 0 };
      });
    },
    async schemaVersion() {
      const { rows } = await q<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
      return rows[0]?.version ?? 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
