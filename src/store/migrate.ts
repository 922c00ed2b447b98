import { type Kysely, sql } from 'kysely';
import { DEFAULT_MIGRATION_TABLE, type MigrationResult, Migrator } from 'kysely/migration';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

// Forward-only migrations from the static list. Kysely's Migrator runs them in one transaction
// under a lock: on PostgreSQL a session advisory lock (so two processes starting at once apply
// each migration exactly once), on PGlite the single connection itself.
//
// migrationTableSchema is not optional here: without it Kysely looks for its bookkeeping
// tables in *any* schema, so a second schema in the same database would find the first
// schema's kysely_migration table, skip creating its own, and then fail to read it.

export interface MigrationState {
  name: string;
  /** When it ran, or null while pending. */
  executedAt: Date | null;
}

function migrator(store: Store): Migrator {
  return new Migrator({
    db: withOwnSchemaIntrospection(store),
    provider: { getMigrations: async () => ({ ...migrations }) },
    migrationTableSchema: store.schema,
  });
}

/**
 * The store's db, but its catalogue questions asked of its own schema only. Kysely's Migrator
 * asks whether its tables exist with an introspection query over every schema of the database
 * that calls has_schema_privilege(name) on each: a schema someone else drops meanwhile (another
 * tenant's, a test's) fails it with 3F000 naming that schema, and the start fails for nothing.
 * Everything else goes to the real instance (a Proxy: Kysely keeps its state in private fields,
 * so methods are bound to it).
 */
function withOwnSchemaIntrospection(store: Store): Kysely<Database> {
  const introspection = {
    getSchemas: async () => {
      const rows = await sql<{ name: string }>`
        select nspname as name from pg_catalog.pg_namespace where nspname = ${store.schema}`.execute(
        store.db,
      );
      return rows.rows;
    },
    getTables: async () => {
      const rows = await sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = ${store.schema}`.execute(store.db);
      return rows.rows.map((r) => ({
        name: r.name,
        schema: store.schema,
        isView: false,
        columns: [],
      }));
    },
    getMetadata: async () => ({ tables: [] }),
  };
  return new Proxy(store.db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Applies every pending migration; returns the names it applied (empty when up to date). */
export async function migrate(store: Store): Promise<string[]> {
  // Up to date is every start but the first: two small reads instead of the Migrator's checks
  // of its schema and tables (catalogue introspection) and its lock, ~0.3 s of a PGlite restart.
  if (await upToDate(store)) return [];
  const { error, results } = await migrator(store).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error');
    const where = failed ? ` in ${failed.migrationName}` : '';
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`migration failed${where}: ${why}`, { cause: error });
  }
  return (results ?? []).filter(isApplied).map((result) => result.migrationName);
}

/** Every known migration in order, with when it was applied. */
export async function migrationStatus(store: Store): Promise<MigrationState[]> {
  const infos = await migrator(store).getMigrations();
  return infos.map((info) => ({ name: info.name, executedAt: info.executedAt ?? null }));
}

/** The known migrations not applied yet, in order: all of them on an empty database. */
export async function pendingMigrations(store: Store): Promise<string[]> {
  const applied = new Set(await appliedMigrations(store));
  return Object.keys(migrations).filter((name) => !applied.has(name));
}

/**
 * Exactly the known migrations are applied. Anything else (pending ones, or an applied one the
 * code does not know) goes through the Migrator, which applies or refuses.
 */
async function upToDate(store: Store): Promise<boolean> {
  const applied = new Set(await appliedMigrations(store));
  const known = Object.keys(migrations);
  return applied.size === known.length && known.every((name) => applied.has(name));
}

/** The names in the Migrator's own table, read directly: [] when it does not exist yet. */
async function appliedMigrations(store: Store): Promise<string[]> {
  const { rows: found } = await sql<{ exists: boolean }>`
    select to_regclass(${`"${store.schema}"."${DEFAULT_MIGRATION_TABLE}"`}) is not null as exists
  `.execute(store.db);
  if (found[0]?.exists !== true) return [];
  const { rows } = await sql<{ name: string }>`
    select name from ${sql.table(`${store.schema}.${DEFAULT_MIGRATION_TABLE}`)}
  `.execute(store.db);
  return rows.map((row) => row.name);
}

function isApplied(result: MigrationResult): boolean {
  return result.status === 'Success';
}
