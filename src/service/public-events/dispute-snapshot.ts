// The dispute as the marketplace sees it at one moment, in the public event's shape: what a
// marketplace needs to mirror it (status, amounts, outcome, next deadline) without the parties'
// messages or files, which it reads with GET /v1/disputes/{id} when it wants them.
import type { Static } from 'typebox';
import {
  type Dispute,
  type Instant,
  isoString,
  type Money,
  nextDeadline,
  type Resolution,
  refundedTotal,
} from '../../domain/index.ts';
import type { PublicDispute, PublicMoney, PublicOutcome } from './schemas.ts';

export function publicMoney(m: Money): Static<typeof PublicMoney> {
  return { amount: m.minor.toString(), currency: m.currency };
}

export function publicOutcome(r: Resolution): Static<typeof PublicOutcome> {
  return {
    outcome: r.outcome,
    refunded: publicMoney(r.refunded),
    responsibility: r.responsibility,
    how: r.how,
    at: isoString(r.at),
  };
}

/** What the buyer asked for when opening: the request's amount, or the price paid. */
function requested(d: Dispute): Money {
  const request = d.offers.find((o) => o.id === d.requestOfferId);
  return request !== undefined &&
    (request.terms.kind === 'refund' || request.terms.kind === 'return_and_refund')
    ? request.terms.amount
    : d.order.paid;
}

export function publicDispute(
  d: Dispute,
  version: number,
  updatedAt: Instant,
): Static<typeof PublicDispute> {
  const next = nextDeadline(d);
  return {
    id: d.id,
    version,
    status: d.status,
    reason: d.reason,
    ...(d.subReason === undefined ? {} : { subReason: d.subReason }),
    orderId: d.order.orderId,
    buyerId: d.order.buyerId,
    sellerId: d.order.sellerId,
    market: { buyerCountry: d.order.buyerCountry, sellerCountry: d.order.sellerCountry },
    openedAt: isoString(d.openedAt),
    updatedAt: isoString(updatedAt),
    paid: publicMoney(d.order.paid),
    requested: publicMoney(requested(d)),
    refunded: publicMoney({ minor: refundedTotal(d), currency: d.order.paid.currency }),
    ...(next === undefined
      ? {}
      : { nextDeadline: { kind: next.kind, dueAt: isoString(next.dueAt) } }),
    ...(d.resolution === undefined ? {} : { outcome: publicOutcome(d.resolution) }),
  };
}
