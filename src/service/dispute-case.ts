// Everything a full dispute read shows, loaded together: the state, its events, the order's
// carrier tracking and ledger. Access is decided by the caller of this function (HTTP views).
import type { Dispute, DisputeEvent, Party } from '../domain/index.ts';
import { type CheckpointRow, loadCheckpoint } from '../store/chain-checkpoints.ts';
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
  /** The signed head of the event chain (docs/audit.md), when a signing writer wrote it. */
  readonly checkpoint?: CheckpointRow;
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
  const checkpoint = await loadCheckpoint(store.db, disputeId);
  return {
    ...(checkpoint === undefined ? {} : { checkpoint }),
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
  /**
   * The marketplace's integration, reading: everything but what a party marked for the
   * arbitrator only (it may pass what it reads on to the other party), numbered as stored,
   * like the webhooks it receives.
   */
  | { readonly kind: 'marketplace' }
  | { readonly kind: 'none' };

/** Parties see their own dispute, staff see all; anyone else sees nothing (answered as 404). */
export function viewerOf(dispute: Dispute, actor: { role: string; id?: string }): Viewer {
  return viewerOfParties(dispute.order, actor);
}

/** The same decision from the dispute row's own columns, without its state document. */
export function viewerOfParties(
  parties: { readonly buyerId: string; readonly sellerId: string },
  actor: { role: string; id?: string },
): Viewer {
  if (actor.role === 'buyer' && actor.id === parties.buyerId)
    return { kind: 'party', party: 'buyer' };
  if (actor.role === 'seller' && actor.id === parties.sellerId)
    return { kind: 'party', party: 'seller' };
  if (actor.role === 'arbitrator' || actor.role === 'admin') return { kind: 'staff' };
  return { kind: 'none' };
}

/**
 * Who may read the dispute: its viewer, and the integration, which reads every dispute of its
 * marketplace (issue 10) but acts on none; commands keep to viewerOf.
 */
export function readerOf(dispute: Dispute, actor: { role: string; id?: string }): Viewer {
  return readerOfParties(dispute.order, actor);
}

/** readerOf from the dispute row's own columns, without its state document. */
export function readerOfParties(
  parties: { readonly buyerId: string; readonly sellerId: string },
  actor: { role: string; id?: string },
): Viewer {
  return actor.role === 'integration' ? { kind: 'marketplace' } : viewerOfParties(parties, actor);
}

/** A party never sees the other side's notes marked for the arbitrator only. */
export function visibleTo(viewer: Viewer, item: { by: string; arbitratorOnly: boolean }): boolean {
  if (viewer.kind === 'staff') return true;
  if (viewer.kind === 'none') return false;
  if (viewer.kind === 'marketplace') return !item.arbitratorOnly;
  return !item.arbitratorOnly || item.by === viewer.party;
}

/** Whether the viewer may see this event: arbitrator-only messages and evidence of others not. */
export function eventVisibleTo(viewer: Viewer, e: DisputeEvent): boolean {
  if (e.type === 'message_posted') return visibleTo(viewer, e.message);
  if (e.type === 'evidence_added') return visibleTo(viewer, e.evidence);
  return true;
}

/**
 * The events the viewer may see, numbered as they see them. A party's events are renumbered
 * 1..n, so no gap shows that something is hidden from them; staff see the stored seq (the
 * one the hash chain and the ledger name).
 */
export function timelineFor(
  c: Pick<DisputeCase, 'events'>,
  viewer: Viewer,
): { seq: number; event: DisputeEvent }[] {
  const visible = c.events.filter(({ event }) => eventVisibleTo(viewer, event));
  if (viewer.kind === 'staff' || viewer.kind === 'marketplace')
    return visible.map(({ seq, event }) => ({ seq, event }));
  return visible.map(({ event }, i) => ({ seq: i + 1, event }));
}

/**
 * The dispute's version as the viewer may know it: the count of events they can see. Each
 * hidden message or file is exactly one event (message_posted, evidence_added), so a party's
 * version is the stored one less what is hidden from them; the stored one would count it.
 */
export function versionFor(dispute: Dispute, version: number, viewer: Viewer): number {
  if (viewer.kind === 'staff' || viewer.kind === 'marketplace') return version;
  const hidden =
    dispute.evidence.filter((e) => !visibleTo(viewer, e)).length +
    dispute.messages.filter((m) => !visibleTo(viewer, m)).length;
  return version - hidden;
}
