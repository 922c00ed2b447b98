// Goal: migrations apply in order exactly once, on both engines, even when two processes start
// at the same time, and each schema keeps its own migration history.
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, describePostgres } from '../../test/support/databases.ts';
import { dropSchema, uniqueSchemaName } from '../../test/support/postgres.ts';
import { openDatabase } from './database.ts';
import { migrate, migrationStatus } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import type { Store } from './store.ts';

const names = Object.keys(migrations);

const tables = [
  'api_keys',
  'chain_checkpoints',
  'chargebacks',
  'coupons',
  'dispute_events',
  'disputes',
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
  'sellers',
  'sessions',
  'shipments',
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
