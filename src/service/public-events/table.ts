// One entry per public event type: its description, the schema of its `data`, and how that data
// is built from the outbox payload. Adding an outbox topic is one entry here; a test
// (public-events.test.ts) fails naming any topic without one.
import type { TSchema } from 'typebox';
import {
  type Dispute,
  type DisputeEvent,
  findRefundPayment,
  type Instant,
  instant,
  isoString,
  type Money,
  stageOf,
} from '../../domain/index.ts';
import type { DeadlineNotice } from '../webhooks/deadline-notices.ts';
import { publicDispute, publicMoney, publicOutcome } from './dispute-snapshot.ts';
import type { History } from './history.ts';
import {
  ChargebackData,
  DeadlineData,
  DisputeEventData,
  OfferMadeData,
  RefundedData,
  RefundPaymentData,
  ReleasedData,
  ResolvedData,
  SellerStandingData,
} from './schemas.ts';
import { sellerStandingData } from './standing.ts';

export interface PublicEventType {
  readonly description: string;
  readonly data: TSchema;
  /** The public `data` of one outbox payload of this type. */
  readonly build: (payload: unknown, history: History) => Record<string, unknown>;
  /** In the catch-up feed too (a deadline notice is a reminder, not history: webhooks only). */
  readonly inFeed: boolean;
}

/** The outbox payload of a dispute event (outbox-payload.ts). */
interface DisputePayload {
  readonly disputeId: string;
  readonly seq: number;
  readonly event: DisputeEvent;
  readonly chain: { readonly seq: number; readonly headHash: string };
}

/** The data every dispute event shares; `extra` adds what its type is about. */
function disputeEvent(
  extra: (e: DisputeEvent, d: Dispute) => Record<string, unknown> = () => ({}),
): PublicEventType['build'] {
  return (payload, history) => {
    const p = payload as DisputePayload;
    const dispute = history.dispute(p.disputeId, p.seq);
    if (dispute === undefined)
      throw new Error(`dispute ${p.disputeId} has no event ${p.seq} to show`);
    return {
      disputeId: p.disputeId,
      seq: p.seq,
      change: { type: p.event.type, at: isoString(p.event.at), by: p.event.actor.role },
      dispute: publicDispute(dispute, p.seq, p.event.at),
      chain: { seq: p.chain.seq, headHash: p.chain.headHash },
      ...extra(p.event, dispute),
    };
  };
}

function amountOf(e: DisputeEvent): Money | undefined {
  return 'amount' in e ? (e.amount as Money) : undefined;
}

const dispute = (description: string, data: TSchema, build = disputeEvent()) => ({
  description,
  data,
  build,
  inFeed: true,
});

/** A refund result: the refund as the dispute holds it right after the event. */
const refundEvent = (description: string) =>
  dispute(
    description,
    RefundPaymentData,
    disputeEvent((e, d) => {
      if (!('refundId' in e) || e.refundId === undefined) return {};
      const r = findRefundPayment(d.refundPayments, e.refundId);
      if (r === undefined) throw new Error(`dispute ${d.id} holds no refund ${e.refundId}`);
      return {
        refund: {
          id: r.id,
          state: r.status,
          amount: publicMoney(r.amount),
          attempt: r.attempt,
          issuedAt: isoString(r.issuedAt),
          ...(r.retryAt === undefined ? {} : { retryAt: isoString(r.retryAt) }),
          ...(r.lastFailure === undefined ? {} : { lastFailure: r.lastFailure }),
          ...(r.settledAt === undefined ? {} : { settledAt: isoString(r.settledAt) }),
        },
      };
    }),
  );

export const PUBLIC_EVENT_TYPES: Readonly<Partial<Record<string, PublicEventType>>> = {
  'dispute.opened': dispute('a buyer opened a dispute', DisputeEventData),
  'dispute.updated': dispute(
    'a dispute changed (offers answered, evidence, escalation, returns ...)',
    DisputeEventData,
  ),
  'dispute.resolved': dispute(
    'a dispute was resolved, or an appeal decided',
    ResolvedData,
    disputeEvent((e) =>
      e.type === 'dispute_resolved' || e.type === 'appeal_decided'
        ? { outcome: publicOutcome(e.resolution) }
        : {},
    ),
  ),
  'offer.made': dispute(
    'a party proposed an offer',
    OfferMadeData,
    disputeEvent((e) => {
      if (e.type !== 'offer_proposed') return {};
      const { id, by, terms, note } = e.offer;
      const amount = 'amount' in terms ? terms.amount : 'value' in terms ? terms.value : undefined;
      return {
        offer: {
          id,
          by,
          kind: terms.kind,
          ...(amount === undefined ? {} : { amount: publicMoney(amount) }),
          note,
        },
      };
    }),
  ),
  'money.refunded': dispute(
    'money was refunded to the buyer',
    RefundedData,
    disputeEvent((e) =>
      e.type === 'refund_issued'
        ? { refund: { amount: publicMoney(e.amount), source: e.source } }
        : {},
    ),
  ),
  'money.released': dispute(
    'escrowed money was released to the seller',
    ReleasedData,
    disputeEvent((e) => {
      const amount = amountOf(e);
      return amount === undefined ? {} : { release: { amount: publicMoney(amount) } };
    }),
  ),
  'refund.succeeded': refundEvent(
    'the marketplace reported a refund paid: it moved from owed to paid',
  ),
  'refund.failed': refundEvent(
    "a refund's payment failed; the refund's retryAt says when the next attempt is asked for",
  ),
  'refund.retry_requested': refundEvent(
    "a failed refund's payment is asked for again (the refund's attempt)",
  ),
  'refund.escalated': refundEvent('a refund failed its last attempt and was handed to staff'),
  'seller.standing_changed': {
    description:
      "a seller's seller-responsibility rate crossed a policy threshold (up or down): the level, the policy's penalty tier, the rates, thresholds and the disputes that weigh most",
    data: SellerStandingData,
    inFeed: true,
    build: sellerStandingData,
  },
  'chargeback.updated': {
    description:
      'a chargeback was opened, moved stage, defended, conceded, left undefended or decided',
    data: ChargebackData,
    inFeed: true,
    build: (payload, history) => {
      const p = payload as {
        chargebackId: string;
        seq: number;
        event: { type: string; at: Instant };
      };
      const c = history.chargeback(p.chargebackId, p.seq);
      if (c === undefined) throw new Error(`chargeback ${p.chargebackId} has no event ${p.seq}`);
      return {
        chargebackId: p.chargebackId,
        seq: p.seq,
        change: { type: p.event.type, at: isoString(p.event.at) },
        chargeback: {
          id: c.id,
          orderId: c.order.orderId,
          sellerId: c.order.sellerId,
          status: c.status,
          amount: publicMoney(c.amount),
          openedAt: isoString(c.openedAt),
          defenceDueAt: isoString(c.defenceDueAt),
          stage: stageOf(c),
          ...(c.reasonCode === undefined ? {} : { reasonCode: c.reasonCode }),
          ...(c.network === undefined ? {} : { network: c.network }),
          ...(c.fee === undefined ? {} : { fee: publicMoney(c.fee) }),
          ...(c.feeBearer === undefined ? {} : { feeBearer: c.feeBearer }),
          ...(c.amountLost === undefined ? {} : { amountLost: publicMoney(c.amountLost) }),
          ...(c.conceded === undefined ? {} : { conceded: c.conceded }),
        },
      };
    },
  },
  'deadline.approaching': {
    description: "a dispute's next deadline falls within the next 24 hours",
    data: DeadlineData,
    inFeed: false,
    build: (payload) => {
      const p = payload as DeadlineNotice;
      return {
        disputeId: p.disputeId,
        status: p.status,
        deadline: { kind: p.deadline.kind, dueAt: isoString(instant(p.deadline.dueAt)) },
        chain: { seq: p.chain.seq, headHash: p.chain.headHash },
      };
    },
  },
};

/** The topics the feed lists: every public type but the webhook-only reminders. */
export const FEED_TYPES: readonly string[] = Object.entries(PUBLIC_EVENT_TYPES)
  .filter(([, t]) => t?.inFeed === true)
  .map(([type]) => type);
