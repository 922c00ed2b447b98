// Goal: the fan-out handles a batch of outbox messages with a constant number of statements,
// whatever the batch size: with no subscription it marks every due message delivered once
// (one row update each, not a claim and then a mark), and with a matching subscription it
// inserts all deliveries and marks all messages in bulk; no message is lost or fanned out twice.
import { randomUUID } from 'node:crypto';
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { T0 } from '../../../test/support/fixtures.ts';
import { enqueueMany } from '../../store/outbox.ts';
import type { Store } from '../../store/store.ts';
import { fanOut } from './fan-out.ts';

/** What a fan-out cost: statements Kysely sent, and rows its UPDATE statements changed. */
interface Cost {
  statements: number;
  rowsUpdated: number;
}

/** Counts statements and updated rows through a Kysely plugin: the real database runs them. */
function counting(store: Store): { store: Store; cost: Cost } {
  const cost: Cost = { statements: 0, rowsUpdated: 0 };
  const updates = new WeakSet<object>();
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      cost.statements += 1;
      if (args.node.kind === 'UpdateQueryNode') updates.add(args.queryId);
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (updates.has(args.queryId)) {
        const { numAffectedRows, rows } = args.result;
        cost.rowsUpdated += Number(numAffectedRows ?? BigInt(rows.length));
      }
      return args.result;
    },
  };
  return { store: { ...store, db: store.db.withPlugin(plugin) }, cost };
}

function messages(count: number, topic: string) {
  return Array.from({ length: count }, (_, n) => ({
    topic,
    aggregateId: `d_${randomUUID()}`,
    payload: { n },
    availableAt: T0 - 1_000 + n,
  }));
}

describeEachDatabase('webhook fan-out cost', (getStore) => {
  beforeEach(async () => {
    const { db } = getStore();
    await sql`delete from webhook_deliveries`.execute(db);
    await sql`delete from webhook_subscriptions`.execute(db);
    await sql`delete from outbox`.execute(db);
  });

  async function fanOutCost(count: number, topic: string): Promise<Cost> {
    await enqueueMany(getStore().db, messages(count, topic));
    const { store, cost } = counting(getStore());
    expect(await fanOut(store, T0, 500)).toBe(count);
    const left = await getStore()
      .db.selectFrom('outbox')
      .select('id')
      .where('delivered_at', 'is', null)
      .execute();
    expect(left).toEqual([]);
    return cost;
  }

  async function subscribe(topics: string[]): Promise<string> {
    const row = await getStore()
      .db.insertInto('webhook_subscriptions')
      .values({
        id: `wh_${randomUUID()}`,
        url: 'https://hooks.example/settle',
        secret: 'whsec_test',
        topics,
        enabled: true,
        created_at: new Date(T0 - 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('marks a batch delivered in constant statements, one update per message, with no subscription', async () => {
    const small = await fanOutCost(3, 'dispute.updated');
    const large = await fanOutCost(60, 'dispute.updated');
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(3);
    expect(small.rowsUpdated).toBe(3);
    expect(large.rowsUpdated).toBe(60);
  });

  it('marks unmatched messages in the same bulk update when another topic is subscribed', async () => {
    await subscribe(['money.refunded']);
    const small = await fanOutCost(3, 'dispute.updated');
    const large = await fanOutCost(60, 'dispute.updated');
    expect(large.statements).toBe(small.statements);
    const deliveries = await getStore().db.selectFrom('webhook_deliveries').select('id').execute();
    expect(deliveries).toEqual([]);
  });

  it('fans a batch out to a matching subscription in constant statements, once each', async () => {
    const subscriptionId = await subscribe(['dispute.updated']);
    const small = await fanOutCost(3, 'dispute.updated');
    const large = await fanOutCost(60, 'dispute.updated');
    expect(large.statements).toBe(small.statements);
    // The claim's lease and the mark: each message updated twice, however many there are.
    expect(large.rowsUpdated).toBe(2 * 60);
    const deliveries = await getStore()
      .db.selectFrom('webhook_deliveries')
      .select(['subscription_id', 'outbox_id'])
      .execute();
    expect(deliveries).toHaveLength(63);
    expect(new Set(deliveries.map((d) => d.outbox_id)).size).toBe(63);
    expect(deliveries.every((d) => d.subscription_id === subscriptionId)).toBe(true);
  });

  it('leaves messages not yet due for later, with no subscription', async () => {
    const { db } = getStore();
    await enqueueMany(db, [...messages(2, 'dispute.updated'), ...messages(1, 'dispute.updated')]);
    await sql`update outbox set available_at = ${new Date(T0 + 1)} where id = (select max(id) from outbox)`.execute(
      db,
    );
    expect(await fanOut(getStore(), T0, 500)).toBe(2);
    expect(await fanOut(getStore(), T0, 500)).toBe(0);
    expect(await fanOut(getStore(), T0 + 1, 500)).toBe(1);
  });

  it('hands each message to one of several concurrent fan-outs, and delivers it once', async () => {
    await subscribe(['dispute.updated']);
    await enqueueMany(getStore().db, messages(40, 'dispute.updated'));
    const handled = await Promise.all(Array.from({ length: 4 }, () => fanOut(getStore(), T0, 7)));
    const rest = await fanOut(getStore(), T0, 500);
    expect(handled.reduce((a, b) => a + b, 0) + rest).toBe(40);
    const deliveries = await getStore()
      .db.selectFrom('webhook_deliveries')
      .select('outbox_id')
      .execute();
    expect(new Set(deliveries.map((d) => d.outbox_id)).size).toBe(40);
    expect(deliveries).toHaveLength(40);
  });
});
