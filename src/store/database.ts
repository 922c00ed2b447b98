import { openPglite } from './open-pglite.ts';
import { openPostgres } from './open-postgres.ts';
import type { QueryLog, Store } from './store.ts';

export type { DialectName, QueryLog, RawStatement, Store } from './store.ts';

export interface DatabaseConfig {
  /** postgres://… : use PostgreSQL. Otherwise PGlite, in `dataDir` or in memory. */
  databaseUrl?: string;
  dataDir?: string;
  /** Schema for our tables (created if missing); lets tests and tenants share a database. */
  schema?: string;
  memory?: boolean;
  /**
   * Sees every statement the store runs, after it ran. For the store benchmark, which records
   * the SQL of each command to replay it raw; unset everywhere else.
   */
  log?: QueryLog;
}

/** Opens PostgreSQL when `databaseUrl` is set, else PGlite. Does not migrate: see migrate(). */
export async function openDatabase(config: DatabaseConfig): Promise<Store> {
  if (config.databaseUrl !== undefined)
    return openPostgres(config.databaseUrl, config.schema, config.log);
  return openPglite({
    ...(config.log !== undefined && { log: config.log }),
    ...(config.dataDir !== undefined && { dataDir: config.dataDir }),
    ...(config.memory !== undefined && { memory: config.memory }),
    ...(config.schema !== undefined && { schema: config.schema }),
  });
}
