// The delivery log (newest first, keyset-paged) and manual redelivery.
import type { Selectable } from 'kysely';
import { type Instant, instant } from '../../domain/index.ts';
import type { WebhookDeliveriesTable, WebhookDeliveryStatus } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { ATTEMPTS_HARD_MAX } from './backoff.ts';
import { toWire } from './envelope.ts';

export const DELIVERIES_PAGE_DEFAULT = 25;
export const DELIVERIES_PAGE_MAX = 100;
/** A delivery id as text: the page cursor and the path parameter. */
export const DELIVERY_ID_TEXT = /^[1-9][0-9]{0,18}$/;

export interface Delivery {
  readonly id: string;
  readonly subscriptionId: string;
  readonly topic: string;
  readonly webhookId: string;
  readonly status: WebhookDeliveryStatus;
  /** Attempts made so far, manual redeliveries included. */
  readonly attempt: number;
  readonly nextAttemptAt: Instant | null;
  readonly lastAttemptAt: Instant | null;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly createdAt: Instant;
  readonly deliveredAt: Instant | null;
  /** The envelope as sent: money in minor units as decimal strings. */
  readonly payload: unknown;
}

export interface DeliveryPage {
  readonly items: readonly Delivery[];
  /** The last id of this page; pass it back for the next (older) page. */
  readonly nextCursor?: string;
}

/** A page of the subscription's deliveries, newest first; undefined for a bad cursor. */
export async function listDeliveries(
  store: Store,
  subscriptionId: string,
  page: { readonly limit?: number; readonly cursor?: string } = {},
): Promise<DeliveryPage | undefined> {
  if (page.cursor !== undefined && !DELIVERY_ID_TEXT.test(page.cursor)) return undefined;
  const limit = Math.min(Math.max(page.limit ?? DELIVERIES_PAGE_DEFAULT, 1), DELIVERIES_PAGE_MAX);
  let query = store.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('subscription_id', '=', subscriptionId);
  if (page.cursor !== undefined) query = query.where('id', '<', BigInt(page.cursor));
  const rows = await query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(toDelivery);
  const last = items.at(-1);
  return rows.length > limit && last !== undefined ? { items, nextCursor: last.id } : { items };
}

export type Redelivered =
  | { readonly ok: true; readonly delivery: Delivery }
  | {
      readonly ok: false;
      readonly code:
        | 'webhook.delivery_not_found'
        | 'webhook.subscription_disabled'
        | 'webhook.attempts_exhausted';
      readonly message: string;
    };

/**
 * Makes the delivery due now, whatever its state: one more attempt for a `dead` or `succeeded`
 * one (it keeps its webhook-id, so a receiver that already has it can tell), an earlier one for
 * a `failed` one. Automatic retries already spent are not granted again: a failed manual attempt
 * past ATTEMPTS_MAX goes straight back to `dead`.
 */
export async function redeliver(store: Store, clock: Clock, id: string): Promise<Redelivered> {
  if (!DELIVERY_ID_TEXT.test(id)) return notFound();
  const now = await clock.now();
  const current = await store.db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
    .select(['d.attempt', 's.enabled'])
    .where('d.id', '=', BigInt(id))
    .executeTakeFirst();
  if (current === undefined) return notFound();
  if (!current.enabled) {
    return refuse('webhook.subscription_disabled', 'the subscription is disabled');
  }
  if (current.attempt >= ATTEMPTS_HARD_MAX) {
    return refuse('webhook.attempts_exhausted', `already tried ${ATTEMPTS_HARD_MAX} times`);
  }
  const row = await store.db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: new Date(now), delivered_at: null })
    .where('id', '=', BigInt(id))
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ok: true, delivery: toDelivery(row) };
}

function notFound(): Redelivered {
  return refuse('webhook.delivery_not_found', 'no such delivery');
}

function refuse(code: Extract<Redelivered, { ok: false }>['code'], message: string): Redelivered {
  return { ok: false, code, message };
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): Delivery {
  return {
    id: row.id.toString(),
    subscriptionId: row.subscription_id,
    topic: row.topic,
    webhookId: row.webhook_id,
    status: row.status,
    attempt: row.attempt,
    nextAttemptAt: at(row.next_attempt_at),
    lastAttemptAt: at(row.last_attempt_at),
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: instant(row.created_at.getTime()),
    deliveredAt: at(row.delivered_at),
    payload: toWire(row.payload),
  };
}

function at(date: Date | null): Instant | null {
  return date === null ? null : instant(date.getTime());
}
