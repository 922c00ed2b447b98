import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, sql } from 'kysely';
import { assertUsableDataDir } from './data-dir.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database } from './schema.ts';
import {
  assertSchemaName,
  DEFAULT_SCHEMA,
  kyselyLogOption,
  type QueryLog,
  type Store,
} from './store.ts';
import { resultParsers } from './type-parsers.ts';

// PGlite: PostgreSQL compiled to WASM, in-process, one connection. Kysely serialises every
// query and transaction through that connection, so code holding a transaction must not
// wait on a query outside it (it would wait forever).

export interface PgliteConfig {
  /** A directory for the cluster; omitted with `memory` for a throwaway database. */
  dataDir?: string;
  memory?: boolean;
  /**
   * With `memory`: start from this dump (`PGlite.dumpDataDir`) instead of a fresh cluster. The
   * tests load one migrated template per run: a fifth of the time of creating a cluster.
   */
  from?: Blob;
  schema?: string;
  /** See DatabaseConfig.log. */
  log?: QueryLog;
}

export async function openPglite(config: PgliteConfig): Promise<Store> {
  const schema = config.schema ?? DEFAULT_SCHEMA;
  assertSchemaName(schema);
  const dataDir = pgliteLocation(config);
  if (dataDir !== undefined) assertUsableDataDir(dataDir);
  const lock = dataDir === undefined ? undefined : lockDataDir(dataDir);
  // Options go in the one-object form: `new PGlite(undefined, options)` silently drops them.
  if (config.from !== undefined && config.memory !== true)
    throw new Error('a PGlite dump is loaded into memory: give memory: true with from');
  const pglite = new PGlite({
    ...(dataDir !== undefined && { dataDir }),
    ...(config.from !== undefined && { loadDataDir: config.from }),
    parsers: { ...resultParsers },
  });
  const db = new Kysely<Database>({
    dialect: new PGliteDialect({ pglite }),
    ...kyselyLogOption(config.log),
  });
  const close = async () => {
    try {
      await db.destroy();
    } finally {
      lock?.release();
    }
  };
  try {
    if (schema !== DEFAULT_SCHEMA) {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
      // One connection, so setting the session's search_path once covers every query.
      await sql`select set_config('search_path', ${schema}, false)`.execute(db);
    } else {
      // Start the cluster now, so a data directory PGlite cannot open fails here, at startup.
      await sql`select 1`.execute(db);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    db,
    dialect: 'pglite',
    schema,
    // The benchmark's baseline: PGlite's own exclusive transaction, as Kysely's dialect uses.
    rawTransaction: async (statements) => {
      await pglite.transaction(async (tx) => {
        for (const s of statements)
          await tx.query(s.sql, s.parameters as unknown[], { rowMode: 'object' });
      });
    },
    // PGlite reads COPY data from a blob it is handed, under the name /dev/blob.
    copyTransaction: (work) =>
      pglite.transaction((tx) =>
        work({
          query: async <R>(text: string, parameters: readonly unknown[] = []) =>
            (await tx.query<R>(text, [...parameters])).rows,
          copyFrom: async (statement, chunks) => {
            await tx.query(statement.replace(/\bstdin\b/i, "'/dev/blob'"), [], {
              blob: new Blob(chunks as string[]),
            });
          },
        }),
      ),
    close,
  };
}

function pgliteLocation(config: PgliteConfig): string | undefined {
  if (config.memory === true) {
    if (config.dataDir !== undefined) throw new Error('give either memory or dataDir, not both');
    return undefined;
  }
  if (config.dataDir === undefined) {
    throw new Error('a PGlite database needs dataDir, or memory: true for a throwaway one');
  }
  return config.dataDir;
}
