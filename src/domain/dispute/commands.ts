// Commands: what someone (or the deadline runner) asks of a dispute. Imperative names.
import type { Actor, Party } from '../actor.ts';
import type { DisputeId, EvidenceId, EvidenceRequestId, MessageId, OfferId } from '../ids.ts';
import type { Instant } from '../instant.ts';
import type {
  DisputeReason,
  EvidenceKind,
  Finding,
  NotReceivedSubReason,
  Responsibility,
  ReturnCondition,
} from '../reasons.ts';
import type { DeadlineKind } from './deadlines.ts';
import type { LineRefund } from './events.ts';
import type { DisputedLine } from './lines.ts';
import type { OrderFacts, ReturnAddress, RulingOutcome, Translation } from './state.ts';
import type { RequestTerms, Terms } from './terms.ts';

export interface EvidenceInput {
  readonly id: EvidenceId;
  readonly kind: EvidenceKind;
  readonly findings: readonly Finding[];
  readonly sha256: string;
  readonly mediaType: string;
  readonly bytes: number;
  readonly fileName: string;
  readonly note: string;
  readonly arbitratorOnly: boolean;
  readonly supersedes?: EvidenceId;
}

export interface RulingInput {
  readonly outcome: RulingOutcome;
  readonly responsibility: Responsibility;
  readonly reasonCode: string;
  readonly note: string;
}

export type CounterOffer = {
  readonly offerId: OfferId;
  readonly terms: Terms;
  readonly note: string;
};

export type DisputeCommand =
  | {
      readonly type: 'open';
      readonly disputeId: DisputeId;
      readonly order: OrderFacts;
      readonly reason: DisputeReason;
      readonly subReason?: NotReceivedSubReason;
      readonly request: RequestTerms;
      readonly description: string;
      readonly evidence?: readonly EvidenceInput[];
      /** The lines and units disputed; none: every line, the whole order. */
      readonly lines?: readonly DisputedLine[];
    }
  | {
      readonly type: 'propose_offer';
      readonly offerId: OfferId;
      readonly terms: Terms;
      readonly note: string;
    }
  | { readonly type: 'accept_offer'; readonly offerId: OfferId }
  | {
      readonly type: 'reject_offer';
      readonly offerId: OfferId;
      readonly reason: string;
      readonly counter?: CounterOffer;
    }
  | {
      readonly type: 'request_evidence';
      readonly requestId: EvidenceRequestId;
      readonly from: 'buyer' | 'seller';
      readonly kinds: readonly EvidenceKind[];
      readonly note: string;
      readonly dueAt?: Instant;
    }
  | { readonly type: 'add_evidence'; readonly evidence: EvidenceInput }
  | {
      readonly type: 'confirm_findings';
      readonly evidenceId: EvidenceId;
      /** Whose file, when two uploaders used the same id; otherwise optional. */
      readonly uploadedBy?: Party | 'arbitrator';
      readonly findings: readonly Finding[];
    }
  | {
      readonly type: 'post_message';
      readonly messageId: MessageId;
      readonly body: string;
      readonly arbitratorOnly: boolean;
      /** Evidence ids the sender uploaded to this dispute, shown with the message. */
      readonly attachments?: readonly EvidenceId[];
      readonly translation?: Translation;
    }
  | { readonly type: 'cancel'; readonly reason: string }
  | {
      readonly type: 'escalate';
      readonly note: string;
      /** From the return stage, once the goods arrived: what was wrong with them. */
      readonly goodsProblem?: 'wrong_item' | 'damaged';
    }
  | { readonly type: 'withdraw_escalation' }
  | {
      readonly type: 'supply_return_label';
      readonly carrier: string;
      readonly trackingNumber: string;
      /** The label file, uploaded first as the seller's evidence of kind `return_label`. */
      readonly labelEvidenceId?: EvidenceId;
    }
  | {
      readonly type: 'set_return_details';
      readonly address?: ReturnAddress;
      /** The seller's own RMA number, replacing the one the system gave. */
      readonly rmaNumber?: string;
    }
  | { readonly type: 'ship_return'; readonly carrier: string; readonly trackingNumber: string }
  | { readonly type: 'record_return_delivered'; readonly deliveredAt: Instant }
  | {
      readonly type: 'confirm_receipt';
      /** What came back; absent: as described. Anything else escalates with a fixed reason. */
      readonly condition?: ReturnCondition;
      readonly note?: string;
    }
  | { readonly type: 'ship_replacement'; readonly carrier: string; readonly trackingNumber: string }
  | { readonly type: 'record_replacement_delivered'; readonly deliveredAt: Instant }
  | { readonly type: 'record_order_completed'; readonly completedAt: Instant }
  /**
   * A chargeback froze (or released) the order's escrow: nothing is released while frozen. Sent
   * without a chargeback id, it only re-bases the escrow on the ledger before a money write
   * (another dispute, a chargeback or the order itself moved it since).
   */
  | {
      readonly type: 'record_escrow_hold';
      readonly frozen: boolean;
      readonly chargebackId?: string;
      /** What the order's escrow really holds now: a lost chargeback may have taken some. */
      readonly escrowHeldMinor?: bigint;
      /** What lost chargebacks have taken on the order in all: no dispute may refund it again. */
      readonly chargebacksTakenMinor?: bigint;
      /** What the order's other disputes have refunded in all, from the ledger. */
      readonly refundedByOthersMinor?: bigint;
      /** Per line, what the order's other disputes have refunded on it. */
      readonly lineRefundsByOthers?: readonly LineRefund[];
    }
  /**
   * A chargeback on the order was decided against the seller (lost, partly lost or conceded):
   * the processor already gave the buyer the money, so an open dispute closes without moving
   * any (decision 0002 item on chargeback closes). Carries the hold's figures, as
   * record_escrow_hold does; a dispute past its ruling only takes the hold.
   */
  | {
      readonly type: 'close_by_chargeback';
      readonly chargebackId: string;
      readonly outcome: ChargebackLoss;
      /** What the processor took with this chargeback. */
      readonly amountLostMinor: bigint;
      /** Another chargeback of the order may still be undecided: the escrow stays frozen. */
      readonly frozen: boolean;
      readonly escrowHeldMinor?: bigint;
      readonly chargebacksTakenMinor?: bigint;
    }
  | { readonly type: 'rule'; readonly ruling: RulingInput }
  | { readonly type: 'appeal'; readonly note: string; readonly evidenceIds: readonly EvidenceId[] }
  | {
      readonly type: 'decide_appeal';
      readonly decision: 'upheld' | 'overturned';
      /** Required when overturned: the new ruling (refund or no_refund). */
      readonly ruling?: RulingInput;
    }
  | { readonly type: 'fire_deadline'; readonly deadline: DeadlineKind; readonly key?: string }
  /** The marketplace's payment side reports how a refund's payment went. */
  | {
      readonly type: 'record_refund_result';
      readonly refundId: string;
      readonly result: 'succeeded' | 'failed';
      readonly failure?: string;
    };

/** How a chargeback went against the seller: all of it, a part, or the seller gave in. */
export type ChargebackLoss = 'lost' | 'partially_lost' | 'conceded';

export type CommandType = DisputeCommand['type'];

export interface CommandEnvelope<C extends DisputeCommand = DisputeCommand> {
  readonly command: C;
  readonly actor: Actor;
}
