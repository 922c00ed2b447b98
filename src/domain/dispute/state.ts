// The folded state of one dispute. Everything here is derived from its events by evolve().
import type { Party } from '../actor.ts';
import type {
  BuyerId,
  DisputeId,
  EvidenceId,
  EvidenceRequestId,
  MessageId,
  OfferId,
  OrderId,
  SellerId,
  StaffId,
} from '../ids.ts';
import type { Instant } from '../instant.ts';
import type { Money } from '../money.ts';
import type { Policy } from '../policy.ts';
import type {
  DisputeReason,
  EvidenceKind,
  Finding,
  NotReceivedSubReason,
  Responsibility,
  ReturnCondition,
  ShippingChannel,
} from '../reasons.ts';
import { type DisputedLine, linesCapMinor, type OrderLine } from './lines.ts';
import type { PostagePayer, Terms } from './terms.ts';

export const STATUSES = [
  'negotiating',
  'awaiting_return_label',
  'awaiting_return_shipment',
  'return_in_transit',
  'awaiting_replacement',
  'in_arbitration',
  'resolved',
  'cancelled',
  'appealed',
] as const;
export type Status = (typeof STATUSES)[number];

/** The order as the marketplace reported it when the dispute opened. */
export interface OrderFacts {
  readonly orderId: OrderId;
  readonly sellerId: SellerId;
  readonly buyerId: BuyerId;
  readonly buyerCountry: string;
  readonly sellerCountry: string;
  readonly paid: Money;
  readonly paidAt: Instant;
  readonly shippedAt?: Instant;
  readonly promisedDeliveryAt?: Instant;
  readonly deliveredAt?: Instant;
  readonly completedAt?: Instant;
  readonly outboundChannel: ShippingChannel;
  /**
   * Refunded on this order by its other disputes: it lowers what this one can refund. As read
   * when the dispute opened, then re-based on the ledger before each refund it pays
   * (escrow_hold_changed): an earlier dispute's appeal may refund after this one opened.
   */
  readonly refundedBefore: Money;
  /** What the order's escrow holds now (less than paid once part was released). */
  readonly escrowHeld: Money;
  /**
   * What lost chargebacks took back for the buyer on this order before the dispute opened: the
   * buyer recovered it through the card, so no dispute may refund it again (domain.md's cap).
   * Absent in facts recorded before chargebacks were counted: read as zero.
   */
  readonly chargebacksTaken?: Money;
  readonly protectionEnrolled: boolean;
  /** Carrier confirmed delivery with a signature (used by the responsibility suggestion). */
  readonly deliveredWithSignature?: boolean;
  /** The order's lines (lines.ts); absent or empty: one line worth the whole order. */
  readonly lines?: readonly OrderLine[];
}

export type OfferStatus = 'open' | 'accepted' | 'rejected' | 'superseded' | 'closed';

export interface Offer {
  readonly id: OfferId;
  readonly by: Party;
  readonly terms: Terms;
  readonly note: string;
  readonly at: Instant;
  readonly status: OfferStatus;
}

export interface Evidence {
  readonly id: EvidenceId;
  readonly by: Party | 'arbitrator';
  readonly kind: EvidenceKind;
  readonly findings: readonly Finding[];
  readonly confirmedFindings?: readonly Finding[];
  readonly sha256: string;
  readonly mediaType: string;
  readonly bytes: number;
  readonly fileName: string;
  readonly note: string;
  readonly arbitratorOnly: boolean;
  readonly supersedes?: EvidenceId;
  readonly at: Instant;
}

export interface EvidenceRequest {
  readonly id: EvidenceRequestId;
  readonly by: Party | 'arbitrator';
  readonly from: Party;
  readonly kinds: readonly EvidenceKind[];
  readonly note: string;
  readonly dueAt: Instant;
  readonly status: 'open' | 'fulfilled' | 'lapsed';
}

/** A message's text in another language, carried next to the original for cross-border parties. */
export interface Translation {
  readonly text: string;
  /** A BCP 47 language tag: `en`, `zh-Hans`, `pt-BR`. */
  readonly language: string;
}

export interface Message {
  readonly id: MessageId;
  readonly by: Party | 'arbitrator';
  readonly body: string;
  readonly arbitratorOnly: boolean;
  readonly at: Instant;
  /** Evidence the sender uploaded to this dispute, shown with the message; absent: none. */
  readonly attachments?: readonly EvidenceId[];
  readonly translation?: Translation;
}

export interface ShipmentRef {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly at: Instant;
}

/** Where the buyer sends the goods back, as the seller gives it. */
export interface ReturnAddress {
  readonly name: string;
  readonly lines: readonly string[];
  readonly city: string;
  readonly postalCode: string;
  readonly region?: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
}

/** An agreed or ruled return: goods go back, then money does. */
export interface ReturnPlan {
  readonly amount: Money;
  readonly postagePaidBy: PostagePayer;
  /** The postage's cost; absent in returns started before it was recorded. */
  readonly postage?: Money;
  /** The return's RMA number: the system's, or the seller's own. Absent in older returns. */
  readonly rmaNumber?: string;
  readonly address?: ReturnAddress;
  readonly via: 'agreement' | 'ruling';
  readonly label?: ShipmentRef;
  /** The seller's label file: evidence of kind `return_label`. */
  readonly labelEvidenceId?: EvidenceId;
  readonly shipment?: ShipmentRef;
  readonly deliveredAt?: Instant;
  /** The seller's record of what came back, when receipt was confirmed. */
  readonly condition?: ReturnCondition;
  readonly receivedAt?: Instant;
}

/**
 * A refund the buyer is owed, as the marketplace's payment side carries it out. `pending`: asked
 * for (again, after a retry); `retry_scheduled`: the last attempt failed, another is asked for at
 * `retryAt`; `succeeded`: paid; `escalated`: failed for good, for staff to settle by hand.
 */
export type RefundPaymentStatus = 'pending' | 'retry_scheduled' | 'succeeded' | 'escalated';

export interface RefundPayment {
  readonly id: string;
  readonly amount: Money;
  readonly status: RefundPaymentStatus;
  /** The attempt asked for now (1 for the first). */
  readonly attempt: number;
  readonly issuedAt: Instant;
  readonly retryAt?: Instant;
  readonly lastFailure?: string;
  readonly settledAt?: Instant;
}

export interface ReplacementPlan {
  readonly shipment?: ShipmentRef;
}

/** Where an escalation interrupted the dispute, so a withdrawal can resume it exactly. */
export interface ResumePoint {
  readonly status: Status;
  readonly remainingMs: number;
}

export interface Escalation {
  readonly by: Party | 'system';
  readonly at: Instant;
  readonly reason: string;
  readonly note: string;
  readonly resume?: ResumePoint;
}

export type RulingOutcome =
  | { readonly kind: 'refund'; readonly amount: Money }
  | {
      readonly kind: 'return_and_refund';
      readonly amount: Money;
      readonly postagePaidBy: PostagePayer;
      readonly postage?: Money;
    }
  | { readonly kind: 'no_refund' };

export interface Ruling {
  readonly by: StaffId;
  readonly at: Instant;
  readonly outcome: RulingOutcome;
  readonly responsibility: Responsibility;
  readonly reasonCode: string;
  readonly note: string;
}

export type ResolutionHow =
  | 'negotiation'
  | 'seller_response_timeout'
  | 'arbitration'
  | 'appeal'
  | 'protection'
  | 'return_receipt_timeout'
  | 'return_shipment_timeout'
  | 'return_label_timeout'
  /** A chargeback decided against the seller closed the dispute (close_by_chargeback). */
  | 'chargeback';

export interface Resolution {
  readonly outcome: 'refund' | 'no_refund' | 'replacement';
  readonly refunded: Money;
  readonly responsibility: Responsibility;
  readonly how: ResolutionHow;
  readonly at: Instant;
}

export interface Appeal {
  readonly by: Party;
  readonly at: Instant;
  readonly note: string;
  readonly evidenceIds: readonly EvidenceId[];
  readonly decision?: 'upheld' | 'overturned';
  readonly decidedBy?: StaffId;
}

export type RefundSource =
  | 'escrow'
  | 'seller_balance'
  | 'logistics_compensation'
  | 'protection_fund';

export interface Dispute {
  readonly id: DisputeId;
  readonly order: OrderFacts;
  readonly reason: DisputeReason;
  readonly subReason?: NotReceivedSubReason;
  readonly description: string;
  readonly policy: Policy;
  readonly openedAt: Instant;
  readonly status: Status;
  readonly requestOfferId: OfferId;
  readonly offers: readonly Offer[];
  readonly sellerRespondedAt?: Instant;
  readonly sellerResponseDueAt: Instant;
  readonly negotiationDueAt?: Instant;
  readonly returnPlan?: ReturnPlan;
  /** The due date of the running return or replacement countdown. */
  readonly stageDueAt?: Instant;
  readonly replacement?: ReplacementPlan;
  readonly escalation?: Escalation;
  readonly ruling?: Ruling;
  readonly resolution?: Resolution;
  readonly appealDueAt?: Instant;
  readonly appeal?: Appeal;
  /** No appeal can change it any more: the remaining escrow may be released. */
  readonly final: boolean;
  readonly orderCompleted: boolean;
  /** A chargeback holds the order's escrow: no release until the processor decides. */
  readonly escrowFrozen: boolean;
  readonly evidence: readonly Evidence[];
  readonly evidenceRequests: readonly EvidenceRequest[];
  readonly messages: readonly Message[];
  /** Refunded by this dispute, per source. */
  readonly refunds: Readonly<Record<RefundSource, bigint>>;
  readonly escrowHeldMinor: bigint;
  /**
   * What lost chargebacks have taken on the order, as last reported (at opening, then with each
   * escrow hold): it lowers what this dispute can still refund. Absent in older snapshots: zero.
   */
  readonly chargebacksTakenMinor?: bigint;
  readonly releasedMinor: bigint;
  readonly reimbursedMinor: bigint;
  readonly protected: boolean;
  readonly couponCode?: string;
  /** Returns started so far (numbers the RMA); absent in older snapshots: none. */
  readonly returnsStarted?: number;
  /** Refunds owed to the buyer and their payment; absent in older snapshots: none tracked. */
  readonly refundPayments?: readonly RefundPayment[];
  /** The lines and units this dispute covers; absent (opened before lines): the whole order. */
  readonly lines?: readonly DisputedLine[];
}

export function refundedTotal(d: Dispute): bigint {
  const r = d.refunds;
  return r.escrow + r.seller_balance + r.logistics_compensation + r.protection_fund;
}

export function sellerFundedRefund(d: Dispute): bigint {
  return d.refunds.escrow + d.refunds.seller_balance;
}

/**
 * What the buyer may still recover on the order by disputes, before this dispute refunds
 * anything: paid, less earlier disputes' refunds, less what lost chargebacks took.
 */
export function orderRecoverableMinor(order: OrderFacts, chargebacksTakenMinor?: bigint): bigint {
  const taken = chargebacksTakenMinor ?? order.chargebacksTaken?.minor ?? 0n;
  return order.paid.minor - order.refundedBefore.minor - taken;
}

/**
 * What this dispute may refund in all: what the buyer may still recover on the order, and no more
 * than its lines are worth (less what other disputes refunded on them).
 */
export function disputeCapMinor(d: Dispute): bigint {
  const order = orderRecoverableMinor(d.order, d.chargebacksTakenMinor);
  const lines = linesCapMinor(d.order, d.lines);
  // biome-ignore lint/complexity/useMathMinMax: bigints, which Math.min does not take
  return lines < order ? lines : order;
}

/** What can still be refunded: the dispute's cap (order and lines) less what it refunded. */
export function refundableMinor(d: Dispute): bigint {
  return disputeCapMinor(d) - refundedTotal(d);
}

export function partyOf(d: Dispute, role: 'buyer' | 'seller', id: string): boolean {
  return role === 'buyer' ? d.order.buyerId === id : d.order.sellerId === id;
}

export function isClosed(d: Dispute): boolean {
  return d.status === 'cancelled' || (d.status === 'resolved' && d.final);
}
