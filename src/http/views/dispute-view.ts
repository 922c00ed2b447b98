// Builds the DisputeView for one viewer: hides what they may not see, and adds the actions
// they may take now and the due dates, computed by the engine's guards.

import type { Static } from 'typebox';
import {
  type Actor,
  type Dispute,
  REFUND_ATTEMPTS_MAX,
  refundedTotal,
  suggestResponsibility,
  type ViewerActions,
} from '../../domain/index.ts';
import { type Viewer, versionFor, visibleTo } from '../../service/dispute-case.ts';
import type { ViewCase } from '../../service/dispute-view-data.ts';
import { iso, wire } from '../convert.ts';
import type {
  DisputeSummaryView,
  DisputeView,
  RefundPaymentView,
} from '../schemas/dispute-view.ts';
import { evidenceView } from './evidence-view.ts';
import { linesView, messageView } from './lines-view.ts';

/**
 * `actions` is `viewerActions(dispute, actor, now)`: the one part of the view that depends on
 * time, computed by the caller (it is part of the view cache's key).
 */
export function disputeView(
  c: ViewCase,
  viewer: Viewer,
  actor: Actor,
  actions: ViewerActions,
): Static<typeof DisputeView> {
  const d = c.dispute;
  const visibleEvidence = d.evidence.filter((e) => visibleTo(viewer, e));
  const view = {
    ...(wire({
      id: d.id,
      version: versionFor(d, c.version, viewer),
      status: d.status,
      reason: d.reason,
      ...(d.subReason === undefined ? {} : { subReason: d.subReason }),
      description: d.description,
      openedAt: d.openedAt,
      policyVersions: d.policy.versionIds,
      order: d.order,
      offers: d.offers,
      evidenceRequests: d.evidenceRequests,
      messages: d.messages
        .filter((m) => visibleTo(viewer, m))
        .map((m) => messageView(m, visibleEvidence)),
      ...linesView(d),
      ...optional(d),
      refunded: { minor: refundedTotal(d), currency: d.order.paid.currency },
      refunds: refundPaymentViews(d),
      viewer: { role: actor.role, ...actions },
    }) as object),
    ...(viewer.kind === 'staff' ? { suggestion: wire(suggestResponsibility(d)) } : {}),
    evidence: visibleEvidence.map((e) => evidenceView(d.id, e, visibleEvidence)),
    timeline: c.timeline.map(({ seq, type, at, by, via }) => ({
      seq,
      type,
      at: iso(at),
      by,
      // Staff see which marketplace key acted for a party (Settle-Act-As); parties do not.
      ...(viewer.kind === 'staff' && via !== undefined ? { via } : {}),
    })),
    tracking: wire(c.tracking),
    ledger: wire(c.ledger),
  };
  return view as Static<typeof DisputeView>;
}

/** The refunds a dispute owes the buyer, each with how its payment went. */
export function refundPaymentViews(d: Dispute): Static<typeof RefundPaymentView>[] {
  return (d.refundPayments ?? []).map(
    (p) =>
      wire({ ...p, disputeId: d.id, attemptsMax: REFUND_ATTEMPTS_MAX }) as Static<
        typeof RefundPaymentView
      >,
  );
}

function optional(d: Dispute): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [
    'returnPlan',
    'replacement',
    'escalation',
    'ruling',
    'resolution',
    'appeal',
    'appealDueAt',
    'couponCode',
  ] as const) {
    if (d[key] !== undefined) out[key] = d[key];
  }
  return out;
}

export function disputeSummary(
  d: Dispute,
  version: number,
  next: { kind: string; dueAt: number } | undefined,
  viewer: Viewer = { kind: 'staff' },
): Static<typeof DisputeSummaryView> {
  const request = d.offers.find((o) => o.id === d.requestOfferId);
  const requested =
    request !== undefined &&
    (request.terms.kind === 'refund' || request.terms.kind === 'return_and_refund')
      ? request.terms.amount
      : d.order.paid;
  return wire({
    id: d.id,
    status: d.status,
    reason: d.reason,
    orderId: d.order.orderId,
    sellerId: d.order.sellerId,
    buyerId: d.order.buyerId,
    paid: d.order.paid,
    requested,
    openedAt: d.openedAt,
    ...(next === undefined ? {} : { nextDueAt: next.dueAt, nextDeadline: next.kind }),
    version: versionFor(d, version, viewer),
  }) as Static<typeof DisputeSummaryView>;
}
