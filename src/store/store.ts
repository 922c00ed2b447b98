import type { Kysely, LogEvent } from 'kysely';
import type { Database } from './schema.ts';

export type DialectName = 'pglite' | 'postgres';

/** Called after each statement the store ran, with its SQL and bound parameters. */
export type QueryLog = (sql: string, parameters: readonly unknown[]) => void;

/** One statement for rawTransaction: SQL with $n placeholders and its parameters. */
export interface RawStatement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/** A connection inside a transaction, below the query builder: plain SQL and COPY. */
export interface CopySession {
  /** One statement with $n parameters; its rows as objects. */
  query<R>(text: string, parameters?: readonly unknown[]): Promise<R[]>;
  /** `copy … from stdin` with text-format rows (see copy-text.ts), one string per chunk. */
  copyFrom(statement: string, chunks: readonly string[]): Promise<void>;
}

/** An open database: the query builder, which engine is behind it, and how to let it go. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** The schema our tables live in (search_path); migrations record themselves there too. */
  readonly schema: string;
  /**
   * Runs the statements in one transaction straight on the driver, bypassing Kysely. Only for
   * the store benchmark (bench/store.bench.ts), which replays what the service executed to
   * measure the cost of the layers above the driver. Application code uses `db`.
   */
  rawTransaction(statements: readonly RawStatement[]): Promise<void>;
  /**
   * Runs `work` in one transaction on one connection that can also take COPY FROM STDIN: for
   * bulk loads (`settle import orders`), which stream rows in faster than any INSERT can. On
   * PostgreSQL a pooled client with pg-copy-streams; on PGlite its COPY from a blob.
   */
  copyTransaction<T>(work: (session: CopySession) => Promise<T>): Promise<T>;
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

/**
 * Kysely's `log` option for a QueryLog. Kysely reports every statement on the connection,
 * including its own begin/commit on pg (PGlite's transactions do not pass through it).
 * Without a hook Kysely adds no logging wrapper at all, so production pays nothing.
 */
export function kyselyLogOption(log: QueryLog | undefined): { log?: (event: LogEvent) => void } {
  if (log === undefined) return {};
  return {
    log: (event) => {
      if (event.level === 'query') log(event.query.sql, event.query.parameters);
    },
  };
}
