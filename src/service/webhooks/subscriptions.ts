// Managing subscriptions: where webhooks go and which topics. Callers (the admin API) check
// who may do this; this module checks what is being asked for.
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { type Instant, instant } from '../../domain/index.ts';
import type { WebhookSubscriptionsTable } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { generateSecret } from './signing.ts';
import { hostRefusal, PUBLIC_ONLY, type TargetPolicy } from './target-policy.ts';
import { isWebhookTopic, type WebhookTopic } from './topics.ts';

/** Enabled subscriptions at once: each message is copied once per subscription. */
export const SUBSCRIPTIONS_MAX = 100;
/** Disabled subscriptions stay for their delivery log; listings show the newest this many. */
export const SUBSCRIPTIONS_LIST_MAX = 500;
export const URL_CHARS_MAX = 2_048;
export const DESCRIPTION_CHARS_MAX = 500;

export interface Subscription {
  readonly id: string;
  readonly url: string;
  readonly topics: readonly WebhookTopic[];
  readonly description: string;
  readonly enabled: boolean;
  readonly createdAt: Instant;
  readonly disabledAt: Instant | null;
}

export interface NewSubscription {
  readonly url: string;
  readonly topics: readonly string[];
  readonly description?: string;
}

export type SubscriptionRefusal = {
  readonly ok: false;
  readonly code:
    | 'webhook.url_invalid'
    | 'webhook.topics_invalid'
    | 'webhook.description_invalid'
    | 'webhook.limit_reached';
  readonly message: string;
};

export type Created =
  | { readonly ok: true; readonly subscription: Subscription; readonly secret: string }
  | SubscriptionRefusal;

/** Why `url` cannot receive webhooks, or undefined when it can. */
export function urlProblem(url: string, policy: TargetPolicy = PUBLIC_ONLY): string | undefined {
  if (url.length > URL_CHARS_MAX) return `the URL is longer than ${URL_CHARS_MAX} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the URL is not an absolute URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return 'the URL must use http or https';
  }
  // Credentials in a URL end up in logs and in the listing; the signature authenticates us.
  if (parsed.username !== '' || parsed.password !== '') {
    return 'the URL must not contain credentials';
  }
  // The URL parser has already turned 2130706433, 0x7f000001 and 127.1 into 127.0.0.1. Names
  // are checked again after resolution at every delivery.
  const refused = hostRefusal(parsed.hostname, policy);
  return refused === undefined ? undefined : `the URL's host is refused: ${refused}`;
}

function refuse(code: SubscriptionRefusal['code'], message: string): SubscriptionRefusal {
  return { ok: false, code, message };
}

/** Creates an enabled subscription; the secret is returned here and never listed again. */
export async function createSubscription(
  store: Store,
  clock: Clock,
  input: NewSubscription,
  policy: TargetPolicy = PUBLIC_ONLY,
): Promise<Created> {
  const badUrl = urlProblem(input.url, policy);
  if (badUrl !== undefined) return refuse('webhook.url_invalid', badUrl);
  const topics = [...new Set(input.topics)];
  const unknown = topics.filter((t) => !isWebhookTopic(t));
  if (topics.length === 0 || unknown.length > 0) {
    return refuse('webhook.topics_invalid', `unknown or missing topics: ${unknown.join(', ')}`);
  }
  const description = input.description ?? '';
  if (description.length > DESCRIPTION_CHARS_MAX) {
    return refuse(
      'webhook.description_invalid',
      `description over ${DESCRIPTION_CHARS_MAX} characters`,
    );
  }
  // Checked before the insert, not under a lock: two racing creates may pass one over the
  // limit, which only bounds cost; nothing depends on it exactly.
  const { n } = await store.db
    .selectFrom('webhook_subscriptions')
    .select((eb) => eb.fn.countAll<bigint>().as('n'))
    .where('enabled', '=', true)
    .executeTakeFirstOrThrow();
  if (Number(n) >= SUBSCRIPTIONS_MAX) {
    return refuse('webhook.limit_reached', `at most ${SUBSCRIPTIONS_MAX} enabled subscriptions`);
  }
  const now = await clock.now();
  const secret = generateSecret();
  const row = await store.db
    .insertInto('webhook_subscriptions')
    .values({
      id: `wh_${randomUUID()}`,
      url: new URL(input.url).href,
      topics,
      secret,
      description,
      created_at: new Date(now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ok: true, subscription: toSubscription(row), secret };
}

/** Newest first, enabled and disabled. */
export async function listSubscriptions(store: Store): Promise<Subscription[]> {
  const rows = await store.db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(SUBSCRIPTIONS_LIST_MAX)
    .execute();
  return rows.map(toSubscription);
}

export async function getSubscription(store: Store, id: string): Promise<Subscription | undefined> {
  const row = await store.db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toSubscription(row);
}

/**
 * Stops all sending to the subscription: it gets no new deliveries, and the ones still waiting
 * are given up (`dead`) so the dispatcher does not keep them due forever. Disabling twice is
 * a no-op. The row stays, for its delivery log.
 */
export async function disableSubscription(
  store: Store,
  clock: Clock,
  id: string,
): Promise<Subscription | undefined> {
  const now = await clock.now();
  await store.db.transaction().execute(async (trx) => {
    const disabled = await trx
      .updateTable('webhook_subscriptions')
      .set({ enabled: false, disabled_at: new Date(now) })
      .where('id', '=', id)
      .where('enabled', '=', true)
      .executeTakeFirst();
    if (disabled.numUpdatedRows === 0n) return;
    await trx
      .updateTable('webhook_deliveries')
      .set({ status: 'dead', next_attempt_at: null, last_error: 'subscription disabled' })
      .where('subscription_id', '=', id)
      .where('next_attempt_at', 'is not', null)
      .execute();
  });
  return getSubscription(store, id);
}

function toSubscription(row: Selectable<WebhookSubscriptionsTable>): Subscription {
  return {
    id: row.id,
    url: row.url,
    topics: row.topics.filter(isWebhookTopic),
    description: row.description,
    enabled: row.enabled,
    createdAt: instant(row.created_at.getTime()),
    disabledAt: row.disabled_at === null ? null : instant(row.disabled_at.getTime()),
  };
}
