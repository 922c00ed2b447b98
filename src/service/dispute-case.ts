// Everything a full dispute read shows, loaded together: the state, its events, the order's
// carrier tracking and ledger. Access is decided by the caller of this function (HTTP views).
import type { Dispute, DisputeEvent, Party } from '../domain/index.ts';
import { loadEvents } from '../store/event-log.ts';
import type { Store } from '../store/store.ts';
import {
  type LedgerEntryView,
  ledgerForOrder,
  type TrackingView,
  trackingForOrder,
} from './queries.ts';
import { decodeDispute } from './state-codec.ts';

export interface DisputeCase {
  readonly dispute: Dispute;
  readonly version: number;
  readonly events: readonly { seq: number; hash: string; event: DisputeEvent }[];
  readonly tracking: readonly TrackingView[];
  readonly ledger: readonly LedgerEntryView[];
}

export async function loadDisputeCase(
  store: Store,
  disputeId: string,
): Promise<DisputeCase | undefined> {
  const row = await store.db
    .selectFrom('disputes')
    .select(['state', 'version'])
    .where('id', '=', disputeId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const dispute = decodeDispute(row.state);
  const stored = await loadEvents(store.db, disputeId);
  return {
    dispute,
    version: row.version,
    events: stored.map((s) => ({ seq: s.seq, hash: s.hash, event: s.payload as DisputeEvent })),
    tracking: await trackingForOrder(store.db, dispute.order.orderId),
    ledger: await ledgerForOrder(store.db, dispute.order.orderId),
  };
}

export type Viewer =
  | { readonly kind: 'party'; readonly party: Party }
  | { readonly kind: 'staff' }
  | { readonly kind: 'none' };

/** Parties see their own dispute, staff see all; anyone else sees nothing (answered as 404). */
export function viewerOf(dispute: Dispute, actor: { role: string; id?: string }): Viewer {
  if (actor.role === 'buyer' && actor.id === dispute.order.buyerId)
    return { kind: 'party', party: 'buyer' };
  if (actor.role === 'seller' && actor.id === dispute.order.sellerId)
    return { kind: 'party', party: 'seller' };
  if (actor.role === 'arbitrator' || actor.role === 'admin') return { kind: 'staff' };
  return { kind: 'none' };
}

/** A party never sees the other side's notes marked for the arbitrator only. */
export function visibleTo(viewer: Viewer, item: { by: string; arbitratorOnly: boolean }): boolean {
  if (viewer.kind === 'staff') return true;
  if (viewer.kind === 'none') return false;
  return !item.arbitratorOnly || item.by === viewer.party;
}
