// Goal: migrations apply in order exactly once, on both engines, even when two processes start
// at the same time, and each schema keeps its own migration history. A start on an up-to-date
// database reads the history once instead of running the Migrator (a restart-time cost).
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, describePostgres } from '../../test/support/databases.ts';
import { dropSchema, uniqueSchemaName } from '../../test/support/postgres.ts';
import { type DatabaseConfig, openDatabase } from './database.ts';
import { migrate, migrationStatus, pendingMigrations } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import type { Store } from './store.ts';

const names = Object.keys(migrations);

const tables = [
  'api_keys',
  'arbitration_claims',
  'arbitration_notes',
  'chain_checkpoints',
  'chargebacks',
  'coupons',
  'dispute_events',
  'disputes',
  'event_feed',
  'evidence',
  'idempotency_keys',
  'ledger_postings',
  'ledger_transactions',
  'messages',
  'metric_disputes',
  'offers',
  'order_items',
  'orders',
  'outbox',
  'policy_versions',
  'seller_metric_buckets',
  'seller_standing',
  'sellers',
  'sessions',
  'shipments',
  'sign_in_links',
  'tracking_events',
  'users',
  'virtual_clock',
  'webhook_deadline_notices',
  'webhook_deliveries',
  'webhook_subscriptions',
];

async function tablesIn(store: Store): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = ${store.schema} and table_name not like 'kysely_%'
    order by table_name`.execute(store.db);
  return rows.map((row) => row.table_name);
}

describeEachDatabase('migrate', (getStore) => {
  it('has applied every migration, in order', async () => {
    const status = await migrationStatus(getStore());
    expect(status.map((state) => state.name)).toEqual(names);
    expect(status.every((state) => state.executedAt instanceof Date)).toBe(true);
  });

  it('creates every table in the store schema', async () => {
    expect(await tablesIn(getStore())).toEqual(tables);
  });

  it('does nothing when already up to date', async () => {
    expect(await migrate(getStore())).toEqual([]);
  });

  it('still refuses, through the Migrator, a history with a migration the code does not know', async () => {
    const store = getStore();
    const history = sql.table(`${store.schema}.kysely_migration`);
    await sql`insert into ${history} (name, timestamp) values ('9999-from-the-future', now()::text)`.execute(
      store.db,
    );
    try {
      await expect(migrate(store)).rejects.toThrow(/9999-from-the-future/);
      expect(await pendingMigrations(store)).toEqual([]);
    } finally {
      await sql`delete from ${history} where name = '9999-from-the-future'`.execute(store.db);
    }
  });
});

/**
 * Every statement migrate() sends to the database on an up-to-date one (the store's query log
 * sees them all, the Migrator's catalogue queries and lock included).
 */
async function upToDateMigrateStatements(config: DatabaseConfig): Promise<string[]> {
  const statements: string[] = [];
  let recording = false;
  const store = await openDatabase({
    ...config,
    log: (text) => {
      if (recording) statements.push(text);
    },
  });
  try {
    await migrate(store);
    recording = true;
    expect(await migrate(store)).toEqual([]);
    return statements;
  } finally {
    await store.close();
  }
}

/** What a restart must not pay for when nothing is pending. */
function expectOnlyTheHistoryRead(statements: readonly string[]) {
  expect(statements).toHaveLength(2);
  expect(statements.join('\n')).not.toMatch(/pg_catalog|information_schema|lock/i);
}

describe('migrate on an up-to-date database [pglite]', () => {
  it('reads its history in two statements, without the Migrator', async () => {
    expectOnlyTheHistoryRead(await upToDateMigrateStatements({ memory: true }));
  });
});

describePostgres('migrate on an up-to-date database', (url) => {
  const schema = uniqueSchemaName('migrate');
  afterAll(() => dropSchema(url, schema));

  it('reads its history in two statements, without the Migrator', async () => {
    expectOnlyTheHistoryRead(await upToDateMigrateStatements({ databaseUrl: url, schema }));
  });
});

describe('pendingMigrations on an empty database [pglite]', () => {
  it('lists every migration, in order, before the first start', async () => {
    const store = await openDatabase({ memory: true });
    try {
      expect(await pendingMigrations(store)).toEqual(names);
      await migrate(store);
      expect(await pendingMigrations(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('migrate concurrently [pglite]', () => {
  it('applies each migration once when called twice at once', async () => {
    const store = await openDatabase({ memory: true });
    try {
      const [a, b] = await Promise.all([migrate(store), migrate(store)]);
      expect([...a, ...b]).toEqual(names);
    } finally {
      await store.close();
    }
  });
});

describePostgres('migrate concurrently', (url) => {
  const schema = uniqueSchemaName('migrate');
  const other = uniqueSchemaName('migrate');
  afterAll(async () => {
    await dropSchema(url, schema);
    await dropSchema(url, other);
  });

  it('applies each migration once when two pools race on one schema', async () => {
    const [first, second] = await Promise.all([
      openDatabase({ databaseUrl: url, schema }),
      openDatabase({ databaseUrl: url, schema }),
    ]);
    try {
      const [a, b] = await Promise.all([migrate(first), migrate(second)]);
      expect([...a, ...b].sort()).toEqual(names);
      expect(await tablesIn(first)).toEqual(tables);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('keeps a separate history per schema in the same database', async () => {
    const store = await openDatabase({ databaseUrl: url, schema: other });
    try {
      expect(await migrate(store)).toEqual(names);
      expect(await tablesIn(store)).toEqual(tables);
    } finally {
      await store.close();
    }
  });
});
