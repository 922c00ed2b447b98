// Events: what happened, in the past tense. Each carries the time and the actor, and every due
// date it starts, so replaying events never needs the policy or the clock again.
import type { Actor, Party } from '../actor.ts';
import type { DisputeId, EvidenceId, EvidenceRequestId, OfferId } from '../ids.ts';
import type { Instant } from '../instant.ts';
import type { Money } from '../money.ts';
import type { Policy } from '../policy.ts';
import type { DisputeReason, Finding, NotReceivedSubReason, ReturnCondition } from '../reasons.ts';
import type { ChargebackLoss } from './commands.ts';
import type { DeadlineKind } from './deadlines.ts';
import type { DisputedLine } from './lines.ts';
import type {
  Evidence,
  EvidenceRequest,
  Message,
  Offer,
  OrderFacts,
  RefundSource,
  Resolution,
  ResumePoint,
  ReturnAddress,
  Ruling,
  ShipmentRef,
  Status,
} from './state.ts';
import type { PostagePayer, Terms } from './terms.ts';

export interface Coupon {
  readonly code: string;
  readonly value: Money;
  readonly minSpend: Money;
  readonly expiresAt: Instant;
}

/** What was refunded on one order line. */
export interface LineRefund {
  readonly lineId: string;
  readonly minor: bigint;
}

type E<T extends string, P> = { readonly type: T; readonly at: Instant; readonly actor: Actor } & P;

export type DisputeEvent =
  | E<
      'dispute_opened',
      {
        readonly disputeId: DisputeId;
        readonly order: OrderFacts;
        readonly reason: DisputeReason;
        readonly subReason?: NotReceivedSubReason;
        readonly description: string;
        readonly request: Offer;
        readonly policy: Policy;
        readonly sellerResponseDueAt: Instant;
        readonly negotiationDueAt: Instant;
        /** The lines and units covered; absent in events written before lines: the whole order. */
        readonly lines?: readonly DisputedLine[];
      }
    >
  | E<'offer_proposed', { readonly offer: Offer }>
  | E<'offer_accepted', { readonly offerId: OfferId; readonly by: Party }>
  | E<'offer_rejected', { readonly offerId: OfferId; readonly by: Party; readonly reason: string }>
  | E<
      'agreement_reached',
      {
        readonly offerId?: OfferId;
        readonly terms: Terms;
        readonly how: 'negotiation' | 'seller_response_timeout';
      }
    >
  | E<
      'return_started',
      {
        readonly amount: Money;
        readonly postagePaidBy: PostagePayer;
        /** Absent in events written before postage and RMA numbers were recorded. */
        readonly postage?: Money;
        readonly rmaNumber?: string;
        readonly via: 'agreement' | 'ruling';
        readonly status: 'awaiting_return_label' | 'awaiting_return_shipment';
        readonly dueAt: Instant;
      }
    >
  | E<'return_details_set', { readonly address?: ReturnAddress; readonly rmaNumber?: string }>
  | E<
      'return_label_supplied',
      {
        readonly label: ShipmentRef;
        readonly shipmentDueAt: Instant;
        readonly labelEvidenceId?: EvidenceId;
      }
    >
  | E<'return_shipped', { readonly shipment: ShipmentRef; readonly receiptDueAt: Instant }>
  /** The seller's or the platform's share of the return postage leaves its account. */
  | E<
      'return_postage_paid',
      { readonly amount: Money; readonly paidBy: Exclude<PostagePayer, 'buyer'> }
    >
  | E<'return_delivered', { readonly deliveredAt: Instant }>
  /** `condition` absent in events written before conditions were recorded: as described. */
  | E<'return_receipt_confirmed', { readonly condition?: ReturnCondition; readonly note?: string }>
  | E<'replacement_started', { readonly dueAt: Instant }>
  | E<'replacement_shipped', { readonly shipment: ShipmentRef }>
  | E<'replacement_delivered', { readonly deliveredAt: Instant }>
  | E<'replacement_lapsed', { readonly negotiationDueAt: Instant }>
  | E<'evidence_requested', { readonly request: EvidenceRequest }>
  | E<
      'evidence_added',
      { readonly evidence: Evidence; readonly fulfils: readonly EvidenceRequestId[] }
    >
  | E<'evidence_request_lapsed', { readonly requestId: EvidenceRequestId }>
  | E<
      'findings_confirmed',
      {
        readonly evidenceId: EvidenceId;
        /** Whose file (ids are unique per uploader); absent in events written before 0018. */
        readonly evidenceBy?: Party | 'arbitrator';
        readonly findings: readonly Finding[];
      }
    >
  | E<'message_posted', { readonly message: Message }>
  | E<'coupon_issued', { readonly coupon: Coupon }>
  | E<'dispute_cancelled', { readonly reason: string; readonly how: 'buyer' | 'coupon_accepted' }>
  | E<
      'dispute_escalated',
      {
        readonly by: Party | 'system';
        readonly reason: string;
        readonly note: string;
        readonly resume?: ResumePoint;
      }
    >
  | E<
      'escalation_withdrawn',
      { readonly by: Party; readonly status: Status; readonly dueAt: Instant }
    >
  | E<'ruling_issued', { readonly ruling: Ruling }>
  /**
   * Money is set aside for the buyer. With `refundId` (every refund since refund execution) it
   * is owed until the marketplace reports the payment; without it, it was paid at once.
   */
  | E<
      'refund_issued',
      { readonly amount: Money; readonly source: RefundSource; readonly refundId?: string }
    >
  | E<'refund_succeeded', { readonly refundId: string; readonly amount: Money }>
  | E<
      'refund_failed',
      {
        readonly refundId: string;
        readonly attempt: number;
        readonly failure: string;
        /** When another attempt is asked for; absent when this was the last one. */
        readonly retryAt?: Instant;
      }
    >
  | E<'refund_retry_requested', { readonly refundId: string; readonly attempt: number }>
  | E<'refund_escalated', { readonly refundId: string; readonly attempts: number }>
  | E<'funds_released', { readonly amount: Money }>
  // `from` names the platform account paying it back: the protection fund (absent: every event
  // recorded before it existed) when the appeal lowered the refund, logistics compensation when
  // the appeal moved responsibility to the platform's carrier (domain.md's table: that refund is
  // the carrier's to fund, so the seller gets back what the escrow paid).
  | E<
      'seller_reimbursed',
      { readonly amount: Money; readonly from?: 'protection_fund' | 'logistics_compensation' }
    >
  | E<'protection_fee_charged', { readonly amount: Money }>
  | E<'dispute_resolved', { readonly resolution: Resolution; readonly appealDueAt?: Instant }>
  | E<
      'appeal_filed',
      { readonly by: Party; readonly note: string; readonly evidenceIds: readonly EvidenceId[] }
    >
  | E<
      'appeal_decided',
      {
        readonly decision: 'upheld' | 'overturned';
        readonly ruling?: Ruling;
        readonly resolution: Resolution;
      }
    >
  | E<'dispute_finalized', Record<never, never>>
  | E<'order_completed', { readonly completedAt: Instant }>
  | E<
      'escrow_hold_changed',
      {
        readonly frozen: boolean;
        /** The chargeback that changed the hold; absent when only the escrow was re-based. */
        readonly chargebackId?: string;
        readonly escrowHeldMinor?: bigint;
        /** What lost chargebacks have taken on the order in all, from the ledger. */
        readonly chargebacksTakenMinor?: bigint;
        /** What the order's other disputes have refunded in all, from the ledger. */
        readonly refundedByOthersMinor?: bigint;
        /** Per line, what the order's other disputes have refunded on it (lines.ts). */
        readonly lineRefundsByOthers?: readonly LineRefund[];
      }
    >
  /**
   * A chargeback decided against the seller closed this dispute: no refund moves here (the
   * processor took the money); a dispute_resolved event follows in the same decision.
   */
  | E<
      'dispute_closed_by_chargeback',
      {
        readonly chargebackId: string;
        readonly outcome: ChargebackLoss;
        readonly amountLostMinor: bigint;
        readonly frozen: boolean;
        readonly escrowHeldMinor?: bigint;
        readonly chargebacksTakenMinor?: bigint;
      }
    >
  | E<
      'deadline_fired',
      { readonly deadline: DeadlineKind; readonly key?: string; readonly dueAt: Instant }
    >;

export type DisputeEventType = DisputeEvent['type'];
export type EventOf<T extends DisputeEventType> = Extract<DisputeEvent, { type: T }>;
