// The dispatcher: claims due deliveries, signs and POSTs each, records the outcome, and
// schedules the retry. A claim is a lease (next_attempt_at moved past the sends) taken with
// FOR UPDATE SKIP LOCKED and committed before any HTTP happens: no transaction stays open
// while a receiver takes its time, and a dispatcher that dies mid-send loses its deliveries to
// the next claim once the lease runs out. Delivery is therefore at least once; receivers
// dedupe on webhook-id, and order by the payload's seq (deliveries may overtake each other).
import type { Instant } from '../../domain/index.ts';
import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { ATTEMPTS_HARD_MAX, retryDelayMs } from './backoff.ts';
import { encodeBody } from './envelope.ts';
import { type PostResult, postWebhook, TIMEOUT_MS } from './post.ts';
import { webhookHeaders } from './signing.ts';
import { PUBLIC_ONLY, type TargetPolicy } from './target-policy.ts';

export const DISPATCH_BATCH_DEFAULT = 20;
export const DISPATCH_BATCH_MAX = 200;
/** Sends in flight at once per dispatcher: one slow receiver must not stall the rest. */
export const SENDS_CONCURRENT_MAX = 8;
/** Longer than a whole batch of timed-out sends, so a lease never ends under a live send. */
export const DELIVERY_LEASE_MS = (DISPATCH_BATCH_MAX / SENDS_CONCURRENT_MAX + 1) * TIMEOUT_MS;
const ERROR_CHARS_MAX = 2_000;

export interface DispatchOptions {
  readonly limit?: number;
  /** For tests: fixes the jitter. */
  readonly random?: () => number;
  readonly timeoutMs?: number;
  /** Aborts the sends in flight (recorded as failed attempts, so they are retried). */
  readonly signal?: AbortSignal;
  /** Which addresses deliveries may reach; public only unless told. */
  readonly policy?: TargetPolicy;
}

export interface Dispatched {
  readonly attempted: number;
  readonly succeeded: number;
}

interface Claimed {
  readonly id: bigint;
  readonly attempt: number;
  readonly webhookId: string;
  readonly payload: unknown;
  readonly url: string;
  readonly secret: string;
}

/** Claims up to `limit` due deliveries and makes one attempt at each. */
export async function dispatchDue(
  store: Store,
  clock: Clock,
  options: DispatchOptions = {},
): Promise<Dispatched> {
  const limit = Math.min(Math.max(options.limit ?? DISPATCH_BATCH_DEFAULT, 1), DISPATCH_BATCH_MAX);
  const claimed = await claimDue(store, await clock.now(), limit);
  let succeeded = 0;
  await eachConcurrently(claimed, SENDS_CONCURRENT_MAX, async (delivery) => {
    const result = await send(delivery, await clock.now(), options);
    await record(store, delivery, result, await clock.now(), options.random);
    if (result.ok) succeeded += 1;
  });
  return { attempted: claimed.length, succeeded };
}

async function claimDue(store: Store, now: Instant, limit: number): Promise<Claimed[]> {
  return store.db.transaction().execute(async (trx) => {
    // Only the delivery rows are locked (no join), so dispatchers never queue on a subscription.
    const due = await trx
      .selectFrom('webhook_deliveries as d')
      .select('d.id')
      .where('d.next_attempt_at', '<=', new Date(now))
      // Normally `record` ends a delivery long before this; the bound stops a delivery whose
      // outcome cannot be written (the database refusing it) from being claimed for ever.
      .where('d.attempt', '<', ATTEMPTS_HARD_MAX)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('webhook_subscriptions as s')
            .select('s.id')
            .whereRef('s.id', '=', 'd.subscription_id')
            .where('s.enabled', '=', true),
        ),
      )
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    const leased = await trx
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        attempt: eb('attempt', '+', 1),
        next_attempt_at: new Date(now + DELIVERY_LEASE_MS),
        last_attempt_at: new Date(now),
      }))
      .where(
        'id',
        'in',
        due.map((row) => row.id),
      )
      .returning(['id', 'subscription_id', 'attempt', 'webhook_id', 'payload'])
      .execute();
    const subscriptions = await trx
      .selectFrom('webhook_subscriptions')
      .select(['id', 'url', 'secret'])
      .where('id', 'in', [...new Set(leased.map((row) => row.subscription_id))])
      .execute();
    const byId = new Map(subscriptions.map((s) => [s.id, s]));
    return leased
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .flatMap((row) => {
        const subscription = byId.get(row.subscription_id);
        if (subscription === undefined) return [];
        const { url, secret } = subscription;
        const { id, attempt, webhook_id: webhookId, payload } = row;
        return [{ id, attempt, webhookId, payload, url, secret }];
      });
  });
}

async function send(
  delivery: Claimed,
  now: Instant,
  options: Pick<DispatchOptions, 'timeoutMs' | 'signal' | 'policy'>,
): Promise<PostResult> {
  const body = encodeBody(delivery.payload);
  const timestampSeconds = Math.floor(now / 1_000);
  const headers = webhookHeaders(delivery.secret, delivery.webhookId, timestampSeconds, body);
  return postWebhook(delivery.url, { ...headers }, body, {
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    policy: options.policy ?? PUBLIC_ONLY,
  });
}

/**
 * Writes the outcome of one attempt. Guarded by the attempt number: if the lease ran out and
 * another dispatcher made a newer attempt, this older outcome is dropped, not written over it.
 */
async function record(
  store: Store,
  delivery: Claimed,
  result: PostResult,
  now: Instant,
  random?: () => number,
): Promise<void> {
  const delayMs = result.ok ? undefined : retryDelayMs(delivery.attempt, random);
  const outcome = result.ok
    ? { status: 'succeeded' as const, next_attempt_at: null, delivered_at: new Date(now) }
    : delayMs === undefined
      ? { status: 'dead' as const, next_attempt_at: null, delivered_at: null }
      : { status: 'failed' as const, next_attempt_at: new Date(now + delayMs), delivered_at: null };
  await store.db
    .updateTable('webhook_deliveries')
    .set({
      ...outcome,
      last_status_code: result.statusCode ?? null,
      last_error: result.error?.slice(0, ERROR_CHARS_MAX) ?? null,
    })
    .where('id', '=', delivery.id)
    .where('attempt', '=', delivery.attempt)
    .execute();
}

async function eachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}
