// Reconciles the seller metrics projection with the fold over events (like `ledger check`):
// for every seller, the metrics summed from buckets must equal the metrics folded from every
// order and dispute event of the window. A mismatch means a write path skipped the projection.
import type { Instant, SellerMetrics } from '../domain/index.ts';
import type { Store } from '../store/store.ts';
import { foldedSellerMetrics, sellerMetricsFor } from './seller-metrics.ts';

export interface MetricsMismatch {
  readonly sellerId: string;
  readonly projected: SellerMetrics;
  readonly folded: SellerMetrics;
}

export interface MetricsCheckReport {
  readonly ok: boolean;
  readonly sellers: number;
  readonly mismatches: readonly MetricsMismatch[];
}

/** Checks every seller (or the ones given) at `now`. */
export async function checkSellerMetrics(
  store: Store,
  now: Instant,
  sellerIds?: readonly string[],
): Promise<MetricsCheckReport> {
  const ids =
    sellerIds ??
    (await store.db.selectFrom('sellers').select('id').orderBy('id').execute()).map((s) => s.id);
  const mismatches: MetricsMismatch[] = [];
  for (const sellerId of ids) {
    const projected = await sellerMetricsFor(store, sellerId, now);
    const folded = await foldedSellerMetrics(store, sellerId, now);
    if (projected === undefined || folded === undefined) continue;
    if (JSON.stringify(projected.metrics) !== JSON.stringify(folded.metrics))
      mismatches.push({ sellerId, projected: projected.metrics, folded: folded.metrics });
  }
  return { ok: mismatches.length === 0, sellers: ids.length, mismatches };
}
