/**
 * Opens the store the configuration names, with its migrations applied: PostgreSQL when `DATABASE_URL` is set
 * (any number of instances), otherwise the SQLite file at `DATABASE_PATH` (one process, no set-up).
 */
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { DatabaseConfig, Store, StoreOptions } from './store.js';

export { installationStoreFor, NoInstallationError } from './installations.js';
export * from './store.js';

export async function openStore(database: DatabaseConfig, options: StoreOptions = {}): Promise<Store> {
  return database.kind === 'postgres'
    ? openPostgresStore(database.url, options)
    : openSqliteStore(database.path, options);
}

/** Says which database, for a log line or an error: a URL's password and query (which may hold one) never show. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.kind === 'sqlite')
    return database.path === ':memory:' ? 'SQLite in memory' : `SQLite at ${database.path}`;
  try {
    const url = new URL(database.url);
    if (url.password) url.password = '***';
    url.search = '';
    url.hash = '';
    return `PostgreSQL at ${url.toString()}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL is not a URL)';
  }
}
