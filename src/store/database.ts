import { openPglite } from './open-pglite.ts';
import { openPostgres } from './open-postgres.ts';
import type { Store } from './store.ts';

export type { DialectName, Store } from './store.ts';

export interface DatabaseConfig {
  /** postgres://… : use PostgreSQL. Otherwise PGlite, in `dataDir` or in memory. */
  databaseUrl?: string;
  dataDir?: string;
  /** Schema for our tables (created if missing); lets tests and tenants share a database. */
  schema?: string;
  memory?: boolean;
}

/** Opens PostgreSQL when `databaseUrl` is set, else PGlite. Does not migrate: see migrate(). */
export async function openDatabase(config: DatabaseConfig): Promise<Store> {
  if (config.databaseUrl !== undefined) return openPostgres(config.databaseUrl, config.schema);
  return openPglite({
    ...(config.dataDir !== undefined && { dataDir: config.dataDir }),
    ...(config.memory !== undefined && { memory: config.memory }),
    ...(config.schema !== undefined && { schema: config.schema }),
  });
}
