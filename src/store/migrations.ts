/**
 * The schema, as numbered migrations: each backend applies, in order, those its database has not seen, at
 * start-up, and records each in `schema_migrations` in the same transaction as its SQL, so a migration is applied
 * whole or not at all. The two dialects sit side by side, so that a change is written for both at once; the
 * contract tests run against both.
 *
 * Never edit a migration that has shipped: add the next one. Times are milliseconds since the epoch (BIGINT), the
 * same in both dialects. Tokens are in `installation`/`user_json`; nothing else here is secret.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'installations, decision log, dedup keys, share steps',
    sql: `
      CREATE TABLE slack_installations (
        install_key           TEXT PRIMARY KEY,   -- 'T:<team id>' for a workspace, 'E:<enterprise id>' for an org
        enterprise_id         TEXT,
        team_id               TEXT,
        is_enterprise_install INTEGER NOT NULL,
        installation          TEXT NOT NULL,      -- Bolt's Installation, as JSON
        installed_at          INTEGER NOT NULL
      );
      CREATE INDEX slack_installations_enterprise ON slack_installations (enterprise_id);

      CREATE TABLE slack_user_tokens (
        install_key TEXT NOT NULL,
        user_id     TEXT NOT NULL,
        user_json   TEXT NOT NULL,                -- Bolt's Installation['user'], as JSON
        saved_at    INTEGER NOT NULL,
        PRIMARY KEY (install_key, user_id)
      );

      CREATE TABLE decisions (
        id                  INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: feedback names a decision by id
        enterprise_id       TEXT,
        team_id             TEXT NOT NULL,
        channel_id          TEXT NOT NULL,
        in_public_channel   INTEGER NOT NULL,
        thread_ts           TEXT,
        user_id             TEXT NOT NULL,
        answers             TEXT NOT NULL,
        pick                TEXT NOT NULL,
        data_version        TEXT NOT NULL,
        permalink           TEXT,
        no_permalink_reason TEXT,
        created_at          INTEGER NOT NULL,
        feedback            TEXT CHECK (feedback IN ('yes', 'no')),
        feedback_note       TEXT,
        feedback_at         INTEGER,
        CHECK (permalink IS NOT NULL OR no_permalink_reason IS NOT NULL)
      );
      CREATE INDEX decisions_channel ON decisions (channel_id, created_at DESC, id DESC);
      CREATE INDEX decisions_team ON decisions (team_id, created_at DESC, id DESC);
      CREATE INDEX decisions_person ON decisions (team_id, user_id, created_at DESC, id DESC);
      CREATE INDEX decisions_enterprise ON decisions (enterprise_id);
      CREATE INDEX decisions_created ON decisions (created_at);

      CREATE TABLE dedup_keys (
        key        TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX dedup_keys_expiry ON dedup_keys (expires_at);

      CREATE TABLE share_steps (
        share_key  TEXT NOT NULL,
        step       TEXT NOT NULL,
        state      TEXT NOT NULL CHECK (state IN ('intent', 'done', 'unsure')),
        ts         TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (share_key, step)
      ) WITHOUT ROWID;
      CREATE INDEX share_steps_updated ON share_steps (updated_at);
    `,
  },
  {
    version: 2,
    name: 'the situation a decision was asked about, for the evaluation set',
    sql: `ALTER TABLE decisions ADD COLUMN situation TEXT;`,
  },
];

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'installations, decision log, dedup keys, share steps',
    sql: `
      CREATE TABLE slack_installations (
        install_key           TEXT PRIMARY KEY,
        enterprise_id         TEXT,
        team_id               TEXT,
        is_enterprise_install BOOLEAN NOT NULL,
        installation          TEXT NOT NULL,
        installed_at          BIGINT NOT NULL
      );
      CREATE INDEX slack_installations_enterprise ON slack_installations (enterprise_id);

      CREATE TABLE slack_user_tokens (
        install_key TEXT NOT NULL,
        user_id     TEXT NOT NULL,
        user_json   TEXT NOT NULL,
        saved_at    BIGINT NOT NULL,
        PRIMARY KEY (install_key, user_id)
      );

      CREATE TABLE decisions (
        id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        enterprise_id       TEXT,
        team_id             TEXT NOT NULL,
        channel_id          TEXT NOT NULL,
        in_public_channel   BOOLEAN NOT NULL,
        thread_ts           TEXT,
        user_id             TEXT NOT NULL,
        answers             TEXT NOT NULL,
        pick                TEXT NOT NULL,
        data_version        TEXT NOT NULL,
        permalink           TEXT,
        no_permalink_reason TEXT,
        created_at          BIGINT NOT NULL,
        feedback            TEXT CHECK (feedback IN ('yes', 'no')),
        feedback_note       TEXT,
        feedback_at         BIGINT,
        CHECK (permalink IS NOT NULL OR no_permalink_reason IS NOT NULL)
      );
      CREATE INDEX decisions_channel ON decisions (channel_id, created_at DESC, id DESC);
      CREATE INDEX decisions_team ON decisions (team_id, created_at DESC, id DESC);
      CREATE INDEX decisions_person ON decisions (team_id, user_id, created_at DESC, id DESC);
      CREATE INDEX decisions_enterprise ON decisions (enterprise_id);
      CREATE INDEX decisions_created ON decisions (created_at);

      CREATE TABLE dedup_keys (
        key        TEXT PRIMARY KEY,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX dedup_keys_expiry ON dedup_keys (expires_at);

      CREATE TABLE share_steps (
        share_key  TEXT NOT NULL,
        step       TEXT NOT NULL,
        state      TEXT NOT NULL CHECK (state IN ('intent', 'done', 'unsure')),
        ts         TEXT,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (share_key, step)
      );
      CREATE INDEX share_steps_updated ON share_steps (updated_at);
    `,
  },
  {
    version: 2,
    name: 'the situation a decision was asked about, for the evaluation set',
    sql: `ALTER TABLE decisions ADD COLUMN situation TEXT;`,
  },
];

/** The newest version this build knows; both lists end at the same one (a test checks). */
export const SCHEMA_VERSION = SQLITE_MIGRATIONS.at(-1)?.version ?? 0;
