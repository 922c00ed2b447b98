// Fan-out: each outbox message becomes one delivery per enabled subscription to its topic, and
// the message is marked delivered. A batch costs the same few statements however many messages
// it holds: the deliveries go in one bulk insert and the messages are marked in one update.
// With no enabled subscription at all (the common case, and the worker runs after every write)
// there is nothing to fan out to, so the due messages are marked delivered in one statement,
// without a claim: each is updated once instead of twice.
// Where there are subscriptions, the outbox's lease makes a crash safe: an unfinished batch is
// claimed again once the lease runs out, and the unique key on (subscription, outbox id) turns
// the second copy of each delivery into a no-op.
import type { InsertObject, Kysely } from 'kysely';
import { jsonb } from '../../store/jsonb.ts';
import {
  type ClaimedMessage,
  claimBatch,
  dueMessages,
  markManyDelivered,
} from '../../store/outbox.ts';
import type { Database } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { publicEventId, toPublicEvents } from '../public-events/index.ts';

export const FAN_OUT_BATCH_DEFAULT = 100;
/** Rows per insert statement: keeps parameters far below PostgreSQL's 65,535. */
const INSERT_ROWS_MAX = 500;

interface Subscriber {
  readonly id: string;
  readonly topics: readonly string[];
  readonly created_at: Date;
}

/** The Standard Webhooks message id: one per outbox message, so retries share it. */
export function webhookIdOf(outboxId: bigint): string {
  return publicEventId(outboxId);
}

/** Fans out up to `limit` due outbox messages; returns how many it handled. */
export async function fanOut(
  store: Store,
  now: number,
  limit: number = FAN_OUT_BATCH_DEFAULT,
): Promise<number> {
  // The enabled set is bounded by SUBSCRIPTIONS_MAX when subscriptions are created.
  const subscriptions = await store.db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'topics', 'created_at'])
    .where('enabled', '=', true)
    .execute();
  if (subscriptions.length === 0) return settleUnsubscribed(store.db, now, limit);
  const messages = await claimBatch(store.db, { limit, now });
  if (messages.length === 0) return 0;
  const rows = await deliveriesFor(store.db, messages, subscriptions, now);
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += INSERT_ROWS_MAX) {
      await trx
        .insertInto('webhook_deliveries')
        .values(rows.slice(i, i + INSERT_ROWS_MAX))
        .onConflict((oc) => oc.columns(['subscription_id', 'outbox_id']).doNothing())
        .execute();
    }
    await markManyDelivered(
      trx,
      messages.map((m) => m.id),
      now,
    );
  });
  return messages.length;
}

/**
 * Marks up to `limit` due messages delivered in one statement, oldest first, skipping rows
 * another worker holds. The statement checks again that no subscription is enabled, so one
 * enabled since the caller looked is not starved of the messages it should get.
 */
async function settleUnsubscribed(db: Kysely<Database>, now: number, limit: number) {
  const result = await db
    .updateTable('outbox')
    .set({ delivered_at: new Date(now) })
    .where('id', 'in', dueMessages(db, { limit, now }))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('webhook_subscriptions').select('id').where('enabled', '=', true))),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * A delivery per message and subscription to its topic. The payload is the public event
 * (service/public-events), built once per message, so the feed lists the very same object.
 */
async function deliveriesFor(
  db: Kysely<Database>,
  messages: readonly ClaimedMessage[],
  subscriptions: readonly Subscriber[],
  now: number,
): Promise<InsertObject<Database, 'webhook_deliveries'>[]> {
  const wanted = messages.filter((m) =>
    subscriptions.some((s) => s.topics.includes(m.topic) && s.created_at.getTime() <= m.createdAt),
  );
  const events = await toPublicEvents(db, wanted);
  return wanted.flatMap((message, i) => {
    const at = message.createdAt;
    const event = events[i];
    return (
      subscriptions
        // A new subscription starts with what happens after it: no history replayed into it.
        .filter((s) => s.topics.includes(message.topic) && s.created_at.getTime() <= at)
        .map((s) => ({
          subscription_id: s.id,
          outbox_id: message.id,
          topic: message.topic,
          webhook_id: webhookIdOf(message.id),
          payload: jsonb(event),
          status: 'pending' as const,
          next_attempt_at: new Date(now),
          created_at: new Date(now),
        }))
    );
  });
}
