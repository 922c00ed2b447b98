// Seller standing changes (issue 10, item 12), worked out in the transaction of the write that
// moved the seller's metrics (seller-metrics-projection.ts calls it last): the seller's rates
// over the window from the buckets, the level against the policy's thresholds, and when the
// level differs from the one last announced, the new one is stored and an outbox message goes
// to the feed and the webhooks with the rates and the disputes that weigh most.
// The level is rechecked on writes only: a seller whose rulings age out of the window without
// any new write is announced at its next write (confirmation, dispute or ruling).
import { type Kysely, sql } from 'kysely';
import {
  type DisputeSummary,
  type Instant,
  metricsFromCounters,
  type PolicyValues,
  ruledAgainstSeller,
  type SellerMetrics,
  type Standing,
  type StandingLevel,
  standingChanged,
  standingDirection,
  standingOf,
  summaryExcluded,
} from '../domain/index.ts';
import { reviveBigints } from '../store/json-codec.ts';
import { enqueueMany, type NewMessage } from '../store/outbox.ts';
import type { Database } from '../store/schema.ts';
import { sumWindow } from '../store/seller-metrics-store.ts';
import type { Topic } from './outbox-topics.ts';
import { loadPolicy } from './policy-store.ts';

export const STANDING_TOPIC: Topic = 'seller.standing_changed';
/** The disputes a standing message names: the latest rulings against the seller. */
export const WEIGHING_DISPUTES_MAX = 10;

type Db = Kysely<Database>;

/** Rechecks each seller's standing; announces and stores every change of level. */
export async function recordStandingChanges(
  trx: Db,
  sellerIds: readonly string[],
  now: Instant,
): Promise<void> {
  const messages: NewMessage[] = [];
  for (const sellerId of [...new Set(sellerIds)].sort()) {
    const message = await standingChange(trx, sellerId, now);
    if (message !== undefined) messages.push(message);
  }
  await enqueueMany(trx, messages);
}

async function standingChange(trx: Db, sellerId: string, now: Instant) {
  const seller = await trx
    .selectFrom('sellers')
    .select('country')
    .where('id', '=', sellerId)
    .executeTakeFirst();
  if (seller === undefined) return undefined;
  const policy = (await loadPolicy(trx, { buyerCountry: '*', sellerCountry: seller.country }))
    .values;
  const counters = await sumWindow(trx, sellerId, now - policy.metricsWindowMs, now);
  const metrics = metricsFromCounters(counters, {
    warnBp: policy.sellerResponsibilityWarnBp,
    warnCount: policy.sellerResponsibilityWarnCount,
  });
  const standing = standingOf(metrics, policy);
  // The row is locked (or, for a first announcement, its key is): two writes for one seller
  // cannot both announce the same change.
  const row = await trx
    .selectFrom('seller_standing')
    .select('level')
    .where('seller_id', '=', sellerId)
    .forUpdate()
    .executeTakeFirst();
  const previous: StandingLevel = row?.level ?? 'good';
  if (!standingChanged(previous, standing)) return undefined;
  await store(trx, sellerId, standing, metrics, now);
  const disputes = await weighingDisputes(trx, sellerId, now - policy.metricsWindowMs);
  return {
    topic: STANDING_TOPIC,
    aggregateId: sellerId,
    payload: payload(sellerId, previous, standing, metrics, policy, disputes, now),
    availableAt: now,
  };
}

async function store(
  trx: Db,
  sellerId: string,
  standing: Standing,
  metrics: SellerMetrics,
  now: Instant,
): Promise<void> {
  const values = {
    level: standing.level,
    tier: standing.tier,
    rate_bp: metrics.sellerResponsibilityRate.bp,
    ruled_against: metrics.sellerResponsibilityRate.numerator,
    changed_at: new Date(now),
  };
  await trx
    .insertInto('seller_standing')
    .values({ seller_id: sellerId, ...values })
    .onConflict((oc) => oc.column('seller_id').doUpdateSet(values))
    .execute();
}

/**
 * The disputes counted against the seller in the window, latest ruling first: each weighs one
 * in the numerator, and the latest stay in the window longest, so they are what the seller must
 * answer for. The jsonb filter keeps the read to the seller's rulings of the window.
 */
async function weighingDisputes(trx: Db, sellerId: string, from: number) {
  const rows = await trx
    .selectFrom('metric_disputes')
    .select('summary')
    .where('seller_id', '=', sellerId)
    .where(sql<boolean>`(summary->>'ruledAt')::bigint > ${from}`)
    .execute();
  return rows
    .map((r) => reviveBigints(r.summary) as DisputeSummary)
    .filter((s) => ruledAgainstSeller(s) && !summaryExcluded(s))
    .sort((a, b) => (b.ruledAt ?? 0) - (a.ruledAt ?? 0) || (a.disputeId < b.disputeId ? -1 : 1))
    .slice(0, WEIGHING_DISPUTES_MAX);
}

function payload(
  sellerId: string,
  previous: StandingLevel,
  standing: Standing,
  metrics: SellerMetrics,
  policy: PolicyValues,
  disputes: readonly DisputeSummary[],
  now: Instant,
) {
  return {
    sellerId,
    at: now,
    previousLevel: previous,
    level: standing.level,
    tier: standing.tier,
    direction: standingDirection(previous, standing.level),
    metrics: {
      disputeRate: metrics.disputeRate,
      arbitrationRate: metrics.arbitrationRate,
      sellerResponsibilityRate: metrics.sellerResponsibilityRate,
    },
    thresholds: {
      warn: {
        rateBp: policy.sellerResponsibilityWarnBp,
        count: policy.sellerResponsibilityWarnCount,
        tier: policy.sellerResponsibilityWarnTier,
      },
      restrict: {
        rateBp: policy.sellerResponsibilityRestrictBp,
        count: policy.sellerResponsibilityRestrictCount,
        tier: policy.sellerResponsibilityRestrictTier,
      },
    },
    windowDays: policy.metricsWindowMs / 86_400_000,
    disputes: disputes.map((s) => ({
      disputeId: s.disputeId,
      orderId: s.orderId,
      responsibility: s.responsibility,
      channel: s.channel,
      ruledAt: s.ruledAt,
    })),
  };
}
