// One entry per public event type: its description, the schema of its `data`, and how that data
// is built from the outbox payload. Adding an outbox topic is one entry here; a test
// (public-events.test.ts) fails naming any topic without one.
import type { TSchema } from 'typebox';
import {
  type DisputeEvent,
  type Instant,
  instant,
  isoString,
  type Money,
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
  ReleasedData,
  ResolvedData,
} from './schemas.ts';

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
  extra: (e: DisputeEvent) => Record<string, unknown> = () => ({}),
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
      ...extra(p.event),
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
  'chargeback.updated': {
    description: 'a chargeback was opened, defended, left undefended or decided',
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
