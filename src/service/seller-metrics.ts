// A seller's rolling metrics and the per-dispute impact preview, from the same event fold the
// engine defines (metrics.ts), over the orders and disputes of the window.
import type {
  Dispute,
  DisputeEvent,
  DisputeId,
  DisputeSummary,
  Instant,
  MetricsInput,
  OrderConfirmation,
  OrderId,
  SellerId,
} from '../domain/index.ts';
import { impactPreview, sellerMetrics, summarize } from '../domain/index.ts';
import { loadEvents } from '../store/event-log.ts';
import type { Store } from '../store/store.ts';
import { loadPolicy } from './policy-store.ts';
import { decodeDispute } from './state-codec.ts';

/** A seller with more disputes than this in one window is summarised from the newest ones. */
export const METRICS_DISPUTES_MAX = 5_000;

export async function metricsInput(
  store: Store,
  sellerId: string,
  now: Instant,
): Promise<MetricsInput | undefined> {
  const seller = await store.db
    .selectFrom('sellers')
    .select(['id', 'country'])
    .where('id', '=', sellerId)
    .executeTakeFirst();
  if (seller === undefined) return undefined;
  const policy = (await loadPolicy(store.db, { buyerCountry: '*', sellerCountry: seller.country }))
    .values;
  const from = new Date(now - policy.metricsWindowMs);
  const orders = await store.db
    .selectFrom('orders')
    .select(['id', 'completed_at', 'completed_by'])
    .where('seller_id', '=', sellerId)
    .where('completed_at', '>', from)
    .where('completed_at', '<=', new Date(now))
    .execute();
  const confirmations: OrderConfirmation[] = orders.map((o) => ({
    orderId: o.id as OrderId,
    sellerId: sellerId as SellerId,
    at: (o.completed_at as Date).getTime() as Instant,
    by: o.completed_by ?? 'buyer',
  }));
  // Any dispute touched inside the window may count there (escalated or ruled late).
  const disputes = await store.db
    .selectFrom('disputes')
    .select('id')
    .where('seller_id', '=', sellerId)
    .where('updated_at', '>', from)
    .orderBy('updated_at', 'desc')
    .limit(METRICS_DISPUTES_MAX)
    .execute();
  const summaries: DisputeSummary[] = [];
  for (const d of disputes) {
    const events = (await loadEvents(store.db, d.id)).map((e) => e.payload as DisputeEvent);
    const s = summarize(events);
    if (s !== undefined) summaries.push(s);
  }
  return {
    confirmations,
    disputes: summaries,
    now,
    windowMs: policy.metricsWindowMs,
    warnBp: policy.sellerResponsibilityWarnBp,
    warnCount: policy.sellerResponsibilityWarnCount,
  };
}

export async function sellerMetricsFor(store: Store, sellerId: string, now: Instant) {
  const input = await metricsInput(store, sellerId, now);
  return input === undefined
    ? undefined
    : { metrics: sellerMetrics(input), windowMs: input.windowMs };
}

export async function impactFor(store: Store, sellerId: string, disputeId: string, now: Instant) {
  const input = await metricsInput(store, sellerId, now);
  if (input === undefined) return undefined;
  // A dispute outside the window still previews: add its summary so the what-ifs include it.
  if (!input.disputes.some((s) => s.disputeId === disputeId)) {
    const s = summarize(
      (await loadEvents(store.db, disputeId)).map((e) => e.payload as DisputeEvent),
    );
    if (s !== undefined)
      return impactPreview({ ...input, disputes: [...input.disputes, s] }, disputeId as DisputeId);
  }
  return impactPreview(input, disputeId as DisputeId);
}

/** Disputes waiting for an arbitrator, longest-waiting first (the 7-day ruling target is shown). */
export async function arbitrationQueue(
  store: Store,
  limit: number,
): Promise<{ dispute: Dispute; version: number }[]> {
  const rows = await store.db
    .selectFrom('disputes')
    .select(['state', 'version'])
    .where('status', 'in', ['in_arbitration', 'appealed'])
    .orderBy('updated_at')
    .limit(limit)
    .execute();
  const waitingSince = (d: Dispute) => d.appeal?.at ?? d.escalation?.at ?? d.openedAt;
  return rows
    .map((r) => ({ dispute: decodeDispute(r.state), version: r.version }))
    .sort((a, b) => waitingSince(a.dispute) - waitingSince(b.dispute));
}
