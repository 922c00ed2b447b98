import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export type DialectName = 'pglite' | 'postgres';

/** An open database: the query builder, which engine is behind it, and how to let it go. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** The schema our tables live in (search_path); migrations record themselves there too. */
  readonly schema: string;
  close(): Promise<void>;
}

export const DEFAULT_SCHEMA = 'public';

/** Lower-case SQL identifiers only, so a schema name can never smuggle SQL into search_path. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`schema name ${JSON.stringify(schema)} must match ${SCHEMA_NAME}`);
  }
}
