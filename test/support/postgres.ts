import { randomBytes } from 'node:crypto';
import pg from 'pg';

// Where the PostgreSQL test server is, and whether it answered. Probed once per test file at
// import (top-level await) because vitest must know while collecting whether to skip a block.

export const postgresUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Under CI a missing PostgreSQL is a failure, never a silent skip. */
export const postgresRequired = process.env.CI === 'true';

const PROBE_TIMEOUT_MS = 3_000;

export type Probe = { reachable: true } | { reachable: false; reason: string };

export const postgresProbe: Probe = await probe(postgresUrl);

async function probe(url: string): Promise<Probe> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
  });
  // A refused connection can also surface as an 'error' event; keep it from crashing the run.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return { reachable: true };
  } catch (error) {
    return { reachable: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

/** A schema name no other test file or run will pick. */
export function uniqueSchemaName(prefix = 'test'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Runs `use` with a plain pg client, for what must bypass the store (setup, tampering). */
export async function withRawPg<T>(
  url: string,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Drops a test schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  await withRawPg(url, (client) =>
    client.query(`drop schema if exists ${pg.escapeIdentifier(schema)} cascade`),
  );
}
