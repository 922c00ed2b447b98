import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sqlState } from './errors.ts';
import type { Database } from './schema.ts';
import {
  assertSchemaName,
  type CopySession,
  DEFAULT_SCHEMA,
  kyselyLogOption,
  type QueryLog,
  type RawStatement,
  type Store,
} from './store.ts';
import { resultParsers } from './type-parsers.ts';

// PostgreSQL through a pg Pool. Type parsers are set on this pool only (the `types` option), not
// on pg's global registry, so other pg users in the process keep pg's defaults.

const POOL_CONNECTIONS_MAX = 10;
const CONNECT_TIMEOUT_MS = 10_000;
const IDLE_TIMEOUT_MS = 30_000;
/** No single statement should run longer; a hung query must fail rather than pin a connection. */
const STATEMENT_TIMEOUT_MS = 60_000;

const DUPLICATE_SCHEMA = '42P06';

export async function openPostgres(
  databaseUrl: string,
  schema = DEFAULT_SCHEMA,
  log?: QueryLog,
): Promise<Store> {
  assertSchemaName(schema);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: POOL_CONNECTIONS_MAX,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    // Startup options apply to every pooled connection before its first query.
    options: `-c search_path=${schema} -c statement_timeout=${STATEMENT_TIMEOUT_MS}`,
    types: { getTypeParser },
  });
  // An idle client losing its connection emits 'error' on the pool; unhandled, that would
  // crash the process. The pool discards the client, and the next query reports the outage.
  pool.on('error', () => {});
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    ...kyselyLogOption(log),
  });
  try {
    await createSchema(db, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    dialect: 'postgres',
    schema,
    rawTransaction: (statements) => rawTransaction(pool, statements),
    copyTransaction: (work) => copyTransaction(pool, work),
    close: () => db.destroy(),
  };
}

async function copyTransaction<T>(
  pool: pg.Pool,
  work: (session: CopySession) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: unknown;
  try {
    await client.query('begin');
    const result = await work({
      query: async <R>(text: string, parameters: readonly unknown[] = []) =>
        (await client.query(text, [...parameters])).rows as R[],
      copyFrom: (statement, chunks) => copyChunks(client, statement, chunks),
    });
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch((rollbackError: unknown) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken instanceof Error ? broken : undefined);
  }
}

/** Streams the chunks into COPY FROM STDIN, waiting for the socket to drain between them. */
async function copyChunks(
  client: pg.PoolClient,
  statement: string,
  chunks: readonly string[],
): Promise<void> {
  const stream = client.query(copyFrom(statement));
  await pipeline(Readable.from(chunks), stream);
}

/** The benchmark's baseline: the same statements on a pooled client, no query builder. */
async function rawTransaction(pool: pg.Pool, statements: readonly RawStatement[]): Promise<void> {
  const client = await pool.connect();
  let broken: unknown;
  try {
    await client.query('begin');
    for (const s of statements) await client.query(s.sql, s.parameters as unknown[]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch((rollbackError: unknown) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A client whose rollback failed is in an unknown state: the pool discards it.
    client.release(broken instanceof Error ? broken : undefined);
  }
}

async function createSchema(db: Kysely<Database>, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    // Two processes creating the schema at once can both pass "if not exists"; the loser
    // gets duplicate_schema (or a unique violation on the catalog), which means it exists.
    const state = sqlState(error);
    if (state !== DUPLICATE_SCHEMA && state !== '23505') throw error;
  }
}

const getTypeParser = ((oid: number, format?: 'text' | 'binary') => {
  const parse = format === 'binary' ? undefined : resultParsers[oid];
  return parse ?? pg.types.getTypeParser(oid, format);
}) as typeof pg.types.getTypeParser;
