// Fan-out: each outbox message becomes one delivery per enabled subscription to its topic, and
// the message is marked delivered, in one transaction. The outbox's lease makes a crash safe:
// an unfinished batch is claimed again once the lease runs out, and the unique key on
// (subscription, outbox id) turns the second copy of each delivery into a no-op.
import type { InsertObject, Kysely } from 'kysely';
import { instant } from '../../domain/index.ts';
import { jsonb } from '../../store/jsonb.ts';
import { type ClaimedMessage, claimBatch, markDelivered } from '../../store/outbox.ts';
import type { Database } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { envelope } from './envelope.ts';

export const FAN_OUT_BATCH_DEFAULT = 100;
/** Rows per insert statement: keeps parameters far below PostgreSQL's 65,535. */
const INSERT_ROWS_MAX = 500;

/** The Standard Webhooks message id: one per outbox message, so retries share it. */
export function webhookIdOf(outboxId: bigint): string {
  return `msg_${outboxId}`;
}

/** Claims up to `limit` outbox messages and fans them out; returns how many it handled. */
export async function fanOut(
  store: Store,
  now: number,
  limit: number = FAN_OUT_BATCH_DEFAULT,
): Promise<number> {
  const messages = await claimBatch(store.db, { limit, now });
  if (messages.length === 0) return 0;
  await store.db.transaction().execute(async (trx) => {
    const rows = await deliveriesFor(trx, messages, now);
    for (let i = 0; i < rows.length; i += INSERT_ROWS_MAX) {
      await trx
        .insertInto('webhook_deliveries')
        .values(rows.slice(i, i + INSERT_ROWS_MAX))
        .onConflict((oc) => oc.columns(['subscription_id', 'outbox_id']).doNothing())
        .execute();
    }
    for (const message of messages) await markDelivered(trx, message.id, now);
  });
  return messages.length;
}

async function deliveriesFor(
  trx: Kysely<Database>,
  messages: readonly ClaimedMessage[],
  now: number,
): Promise<InsertObject<Database, 'webhook_deliveries'>[]> {
  // The enabled set is bounded by SUBSCRIPTIONS_MAX when subscriptions are created.
  const subscriptions = await trx
    .selectFrom('webhook_subscriptions')
    .select(['id', 'topics', 'created_at'])
    .where('enabled', '=', true)
    .execute();
  if (subscriptions.length === 0) return [];
  // ClaimedMessage leaves out created_at, which both the envelope and the filter below need.
  const createdAt = new Map(
    (
      await trx
        .selectFrom('outbox')
        .select(['id', 'created_at'])
        .where(
          'id',
          'in',
          messages.map((m) => m.id),
        )
        .execute()
    ).map((row) => [row.id, row.created_at.getTime()]),
  );
  return messages.flatMap((message) => {
    const at = createdAt.get(message.id) ?? now;
    return (
      subscriptions
        // A new subscription starts with what happens after it: no history replayed into it.
        .filter((s) => s.topics.includes(message.topic) && s.created_at.getTime() <= at)
        .map((s) => ({
          subscription_id: s.id,
          outbox_id: message.id,
          topic: message.topic,
          webhook_id: webhookIdOf(message.id),
          payload: jsonb(envelope(message.topic, instant(at), message.payload)),
          status: 'pending' as const,
          next_attempt_at: new Date(now),
          created_at: new Date(now),
        }))
    );
  });
}
