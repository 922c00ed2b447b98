// Chargebacks (拒付): the payment processor disputes the payment. The order's escrow is frozen, the
// seller may submit defence evidence before the due date, and the processor's outcome moves money.
// A small decider of its own: a chargeback is about the payment, not a buyer-seller dispute.
import type { Actor } from './actor.ts';
import { type OrderFacts, orderRecoverableMinor } from './dispute/state.ts';
import type { ChargebackId, EvidenceId, OrderId } from './ids.ts';
import { type Instant, later } from './instant.ts';
import { type Account, accounts, type LedgerTransaction } from './ledger.ts';
import { type Money, minMinor } from './money.ts';
import type { PolicyValues } from './policy.ts';
import { type Rejection, rejection } from './rejections.ts';

export type ChargebackStatus = 'awaiting_defence' | 'defended' | 'defence_lapsed' | 'won' | 'lost';

/**
 * Where the card network's process stands, as processors report it: an inquiry (retrieval
 * request, no money taken yet), the chargeback proper, then pre-arbitration when the issuer
 * rejects the merchant's defence. Stages only move forward; each opens a new defence window.
 */
export const CHARGEBACK_STAGES = ['inquiry', 'chargeback', 'pre_arbitration'] as const;
export type ChargebackStage = (typeof CHARGEBACK_STAGES)[number];

/** Who pays the processor's chargeback fee (a policy value): the seller, or the platform. */
export const FEE_BEARERS = ['seller', 'platform'] as const;
export type FeeBearer = (typeof FEE_BEARERS)[number];

/**
 * The defence's structured evidence, field by field as processors take it (Stripe's dispute
 * evidence): files are evidence ids the seller uploaded on the order's disputes.
 */
export interface DefenceEvidence {
  readonly productDescription?: string;
  readonly customerCommunication?: readonly EvidenceId[];
  readonly shippingDocumentation?: readonly EvidenceId[];
  readonly shippingCarrier?: string;
  readonly shippingTrackingNumber?: string;
  readonly shippedAt?: Instant;
  readonly refundPolicy?: readonly EvidenceId[];
  readonly refundPolicyDisclosure?: string;
  readonly refundRefusalExplanation?: string;
  readonly uncategorizedText?: string;
}

/** Every file a defence names: its loose evidence and its structured fields' files. */
export function defenceFiles(
  evidenceIds: readonly EvidenceId[],
  structured: DefenceEvidence | undefined,
): EvidenceId[] {
  const files = [
    ...evidenceIds,
    ...(structured?.customerCommunication ?? []),
    ...(structured?.shippingDocumentation ?? []),
    ...(structured?.refundPolicy ?? []),
  ];
  return [...new Set(files)];
}

/** The stage of a chargeback (reported before stages existed: a chargeback proper). */
export function stageOf(c: Pick<Chargeback, 'stage'>): ChargebackStage {
  return c.stage ?? 'chargeback';
}

export interface Chargeback {
  readonly id: ChargebackId;
  readonly order: OrderFacts;
  readonly amount: Money;
  readonly status: ChargebackStatus;
  readonly openedAt: Instant;
  readonly defenceDueAt: Instant;
  readonly defence?: {
    readonly evidenceIds: readonly EvidenceId[];
    readonly note: string;
    readonly at: Instant;
    readonly evidence?: DefenceEvidence;
    /** The stage the defence answered. */
    readonly stage?: ChargebackStage;
  };
  /** The card network's reason code (e.g. Visa 13.1, Mastercard 4853), as reported. */
  readonly reasonCode?: string;
  readonly network?: string;
  /** Absent on chargebacks reported before stages: read it with stageOf. */
  readonly stage?: ChargebackStage;
  /** The processor's fee for the chargeback, posted to the ledger when reported. */
  readonly fee?: Money;
  readonly feeBearer?: FeeBearer;
  /** What the processor took when lost: the amount, or a part of it (a partial loss). */
  readonly amountLost?: Money;
  /** The seller accepted the chargeback instead of defending it (lost at once). */
  readonly conceded?: boolean;
}

export type ChargebackCommand =
  | {
      readonly type: 'open_chargeback';
      readonly chargebackId: ChargebackId;
      readonly order: OrderFacts;
      readonly amount: Money;
      readonly reasonCode?: string;
      readonly network?: string;
      readonly stage?: ChargebackStage;
      readonly fee?: Money;
    }
  | {
      readonly type: 'submit_defence';
      readonly evidenceIds: readonly EvidenceId[];
      readonly note: string;
      readonly evidence?: DefenceEvidence;
    }
  | { readonly type: 'fire_defence_deadline' }
  | { readonly type: 'record_stage'; readonly stage: ChargebackStage }
  | { readonly type: 'concede_chargeback' }
  | {
      readonly type: 'record_processor_outcome';
      readonly outcome: 'won' | 'lost';
      /** Lost only: the part the processor took, when it is less than the amount. */
      readonly amountLost?: Money;
    };

type E<T extends string, P> = { readonly type: T; readonly at: Instant } & P;
export type ChargebackEvent =
  | E<
      'chargeback_opened',
      {
        readonly chargebackId: ChargebackId;
        readonly order: OrderFacts;
        readonly amount: Money;
        readonly defenceDueAt: Instant;
        readonly reasonCode?: string;
        readonly network?: string;
        readonly stage?: ChargebackStage;
        readonly fee?: Money;
        readonly feeBearer?: FeeBearer;
      }
    >
  | E<
      'defence_submitted',
      {
        readonly evidenceIds: readonly EvidenceId[];
        readonly note: string;
        readonly evidence?: DefenceEvidence;
      }
    >
  | E<'defence_lapsed', Record<never, never>>
  | E<
      'chargeback_stage_changed',
      { readonly stage: ChargebackStage; readonly defenceDueAt: Instant }
    >
  | E<'chargeback_conceded', Record<never, never>>
  | E<'chargeback_won', Record<never, never>>
  | E<
      'chargeback_lost',
      {
        /** What the processor claimed: the chargeback's amount, or the part lost. */
        readonly amountLost?: Money;
        readonly fromEscrow: Money;
        readonly fromSellerBalance: Money;
        /**
         * The part of the chargeback the buyer had already recovered on the order (refunds and
         * other chargebacks): answered by those refunds, it is not taken a second time. Absent
         * when nothing was.
         */
        readonly alreadyRecovered?: Money;
      }
    >;

export type ChargebackDecision =
  | { readonly ok: true; readonly events: readonly ChargebackEvent[] }
  | { readonly ok: false; readonly rejection: Rejection };

const ok = (events: ChargebackEvent[]): ChargebackDecision => ({ ok: true, events });
const no = (r: Rejection): ChargebackDecision => ({ ok: false, rejection: r });

export function decideChargeback(
  cmd: ChargebackCommand,
  state: Chargeback | undefined,
  actor: Actor,
  now: Instant,
  policy: PolicyValues,
  escrowHeld: Money,
  /** What the buyer already recovered on the order: dispute refunds plus other chargebacks. */
  recovered: Money,
): ChargebackDecision {
  if (cmd.type === 'open_chargeback') {
    if (state !== undefined)
      return no(rejection('dispute.already_exists', 'this chargeback id is already taken'));
    if (actor.role !== 'integration')
      return no(rejection('actor.role_not_allowed', 'chargebacks come from the integration'));
    if (cmd.amount.currency !== cmd.order.paid.currency) {
      return no(
        rejection('money.currency_mismatch', `the order was paid in ${cmd.order.paid.currency}`),
      );
    }
    if (cmd.amount.minor <= 0n)
      return no(rejection('money.not_positive', 'the chargeback amount must be positive'));
    // Refunds already paid by disputes, and what other chargebacks took, cannot be charged back
    // a second time.
    if (cmd.amount.minor > orderRecoverableMinor(cmd.order)) {
      return no(
        rejection('money.exceeds_refundable', 'a chargeback cannot exceed the amount paid'),
      );
    }
    const fee = cmd.fee;
    if (fee !== undefined && fee.currency !== cmd.order.paid.currency)
      return no(rejection('money.currency_mismatch', 'the fee is in the order’s currency'));
    if (fee !== undefined && fee.minor < 0n)
      return no(rejection('money.not_positive', 'the fee must not be negative'));
    const charged = fee !== undefined && fee.minor > 0n;
    return ok([
      {
        type: 'chargeback_opened',
        at: now,
        chargebackId: cmd.chargebackId,
        order: cmd.order,
        amount: cmd.amount,
        defenceDueAt: later(now, policy.chargebackDefenceMs),
        ...(cmd.reasonCode === undefined ? {} : { reasonCode: cmd.reasonCode }),
        ...(cmd.network === undefined ? {} : { network: cmd.network }),
        ...(cmd.stage === undefined ? {} : { stage: cmd.stage }),
        ...(charged ? { fee, feeBearer: policy.chargebackFeeBearer } : {}),
      },
    ]);
  }
  if (state === undefined) return no(rejection('dispute.not_found', 'no such chargeback'));
  return decideOpenChargeback(cmd, state, actor, now, policy, escrowHeld, recovered);
}

function decideOpenChargeback(
  cmd: Exclude<ChargebackCommand, { type: 'open_chargeback' }>,
  state: Chargeback,
  actor: Actor,
  now: Instant,
  policy: PolicyValues,
  escrowHeld: Money,
  recovered: Money,
): ChargebackDecision {
  switch (cmd.type) {
    case 'submit_defence':
      return submitDefence(cmd, state, actor, now);
    case 'fire_defence_deadline':
      if (actor.role !== 'system') {
        return no(rejection('actor.role_not_allowed', 'deadlines are fired by the system'));
      }
      if (state.status !== 'awaiting_defence')
        return no(rejection('deadline.not_pending', 'no defence is awaited'));
      if (now < state.defenceDueAt)
        return no(rejection('deadline.not_due', 'the defence window is still open'));
      return ok([{ type: 'defence_lapsed', at: now }]);
    case 'record_stage':
      return recordStage(cmd.stage, state, actor, now, policy);
    case 'concede_chargeback': {
      const refused = sellerRefusal(state, actor, 'the seller concedes a chargeback');
      if (refused !== undefined) return no(refused);
      if (isDecided(state))
        return no(rejection('dispute.wrong_state', `the chargeback is already ${state.status}`));
      if (stageOf(state) === 'inquiry')
        return no(rejection('dispute.wrong_state', 'an inquiry takes no money to concede'));
      // Accepting is losing now, as Stripe's "accept dispute" does: the money moves at once.
      return ok([
        { type: 'chargeback_conceded', at: now },
        lostEvent(state, now, escrowHeld, recovered, state.amount),
      ]);
    }
    case 'record_processor_outcome':
      return recordOutcome(cmd, state, actor, now, escrowHeld, recovered);
  }
}

function isDecided(c: Chargeback): boolean {
  return c.status === 'won' || c.status === 'lost';
}

/** Why `actor` may not act as the chargeback's seller, if they may not. */
function sellerRefusal(state: Chargeback, actor: Actor, what: string): Rejection | undefined {
  if (actor.role !== 'seller') return rejection('actor.role_not_allowed', what);
  if (actor.id !== state.order.sellerId)
    return rejection('actor.not_party', 'no such chargeback for this account');
  return undefined;
}

function submitDefence(
  cmd: Extract<ChargebackCommand, { type: 'submit_defence' }>,
  state: Chargeback,
  actor: Actor,
  now: Instant,
): ChargebackDecision {
  const refused = sellerRefusal(state, actor, 'the seller defends a chargeback');
  if (refused !== undefined) return no(refused);
  if (state.status !== 'awaiting_defence')
    return no(rejection('dispute.wrong_state', `the chargeback is ${state.status}`));
  if (now >= state.defenceDueAt)
    return no(rejection('deadline.not_pending', 'the defence window has closed'));
  if (defenceFiles(cmd.evidenceIds, cmd.evidence).length === 0)
    return no(rejection('input.invalid', 'a defence names its evidence'));
  return ok([
    {
      type: 'defence_submitted',
      at: now,
      evidenceIds: cmd.evidenceIds,
      note: cmd.note,
      ...(cmd.evidence === undefined ? {} : { evidence: cmd.evidence }),
    },
  ]);
}

/** The processor moved the case on: a later stage, with a fresh defence window. */
function recordStage(
  stage: ChargebackStage,
  state: Chargeback,
  actor: Actor,
  now: Instant,
  policy: PolicyValues,
): ChargebackDecision {
  if (actor.role !== 'integration')
    return no(rejection('actor.role_not_allowed', 'stages come from the integration'));
  if (isDecided(state))
    return no(rejection('dispute.wrong_state', `the chargeback is already ${state.status}`));
  if (CHARGEBACK_STAGES.indexOf(stage) <= CHARGEBACK_STAGES.indexOf(stageOf(state)))
    return no(
      rejection(
        'dispute.wrong_state',
        `the chargeback is at ${stageOf(state)}; stages move forward`,
      ),
    );
  return ok([
    {
      type: 'chargeback_stage_changed',
      at: now,
      stage,
      defenceDueAt: later(now, policy.chargebackDefenceMs),
    },
  ]);
}

function recordOutcome(
  cmd: Extract<ChargebackCommand, { type: 'record_processor_outcome' }>,
  state: Chargeback,
  actor: Actor,
  now: Instant,
  escrowHeld: Money,
  recovered: Money,
): ChargebackDecision {
  if (actor.role !== 'integration')
    return no(
      rejection('actor.role_not_allowed', 'the processor outcome comes from the integration'),
    );
  // The processor confirming a loss the seller conceded is the same fact: nothing new happens.
  if (state.conceded === true && cmd.outcome === 'lost' && cmd.amountLost === undefined)
    return ok([]);
  if (isDecided(state))
    return no(rejection('dispute.wrong_state', `the chargeback is already ${state.status}`));
  if (cmd.outcome === 'won') {
    if (cmd.amountLost !== undefined)
      return no(rejection('input.invalid', 'a won chargeback loses nothing'));
    return ok([{ type: 'chargeback_won', at: now }]);
  }
  if (stageOf(state) === 'inquiry')
    return no(
      rejection('dispute.wrong_state', 'an inquiry is not lost: report the chargeback stage first'),
    );
  const lost = cmd.amountLost ?? state.amount;
  if (lost.currency !== state.amount.currency)
    return no(
      rejection('money.currency_mismatch', `the chargeback is in ${state.amount.currency}`),
    );
  if (lost.minor <= 0n || lost.minor > state.amount.minor)
    return no(
      rejection('money.exceeds_refundable', 'the part lost is between 1 and the chargeback amount'),
    );
  return ok([lostEvent(state, now, escrowHeld, recovered, lost)]);
}

/**
 * A lost chargeback takes at most what the buyer has not yet recovered on the order (domain.md:
 * refunds plus chargebacks never exceed what was paid). A refund already credited answers the
 * processor's claim for that part, as a "credit already issued" defence does. Of what is taken,
 * escrow pays first; past what it holds, the seller's balance (a debt shown to the seller).
 */
function lostEvent(
  state: Chargeback,
  now: Instant,
  escrowHeld: Money,
  recovered: Money,
  lost: Money,
): ChargebackEvent {
  const currency = state.amount.currency;
  const open = state.order.paid.minor - recovered.minor;
  const taken = minMinor(lost.minor, open < 0n ? 0n : open);
  const fromEscrow = minMinor(taken, escrowHeld.minor < 0n ? 0n : escrowHeld.minor);
  const answered = lost.minor - taken;
  return {
    type: 'chargeback_lost',
    at: now,
    ...(lost.minor < state.amount.minor ? { amountLost: lost } : {}),
    fromEscrow: { minor: fromEscrow, currency },
    fromSellerBalance: { minor: taken - fromEscrow, currency },
    ...(answered > 0n ? { alreadyRecovered: { minor: answered, currency } } : {}),
  };
}

/** What a lost chargeback took for the buyer (zero for every other event). */
export function chargebackTaken(e: ChargebackEvent): bigint {
  return e.type === 'chargeback_lost' ? e.fromEscrow.minor + e.fromSellerBalance.minor : 0n;
}

export function evolveChargeback(state: Chargeback | undefined, e: ChargebackEvent): Chargeback {
  if (e.type === 'chargeback_opened') {
    return {
      id: e.chargebackId,
      order: e.order,
      amount: e.amount,
      status: 'awaiting_defence',
      openedAt: e.at,
      defenceDueAt: e.defenceDueAt,
      ...(e.reasonCode === undefined ? {} : { reasonCode: e.reasonCode }),
      ...(e.network === undefined ? {} : { network: e.network }),
      ...(e.stage === undefined ? {} : { stage: e.stage }),
      ...(e.fee === undefined ? {} : { fee: e.fee }),
      ...(e.feeBearer === undefined ? {} : { feeBearer: e.feeBearer }),
    };
  }
  if (state === undefined) throw new Error(`${e.type} before chargeback_opened`);
  switch (e.type) {
    case 'defence_submitted':
      return {
        ...state,
        status: 'defended',
        defence: {
          evidenceIds: e.evidenceIds,
          note: e.note,
          at: e.at,
          ...(e.evidence === undefined ? {} : { evidence: e.evidence }),
          stage: stageOf(state),
        },
      };
    case 'defence_lapsed':
      return { ...state, status: 'defence_lapsed' };
    case 'chargeback_stage_changed':
      // A new stage asks for a new defence; the previous one stays on record until replaced.
      return { ...state, stage: e.stage, status: 'awaiting_defence', defenceDueAt: e.defenceDueAt };
    case 'chargeback_conceded':
      return { ...state, conceded: true };
    case 'chargeback_won':
      return { ...state, status: 'won' };
    case 'chargeback_lost':
      return { ...state, status: 'lost', amountLost: e.amountLost ?? state.amount };
  }
}

/** Escrow stays frozen while the processor has not decided. */
export function isFrozen(c: Chargeback): boolean {
  return c.status !== 'won' && c.status !== 'lost';
}

export function chargebackTransactions(
  e: ChargebackEvent,
  order: Pick<OrderFacts, 'orderId' | 'sellerId'>,
): LedgerTransaction[] {
  if (e.type === 'chargeback_opened') return feeTransactions(e, order);
  if (e.type !== 'chargeback_lost') return [];
  // Wholly answered by earlier refunds: the processor takes nothing, so nothing moves.
  if (chargebackTaken(e) === 0n) return [];
  const postings = [];
  if (e.fromEscrow.minor > 0n)
    postings.push({
      account: accounts.escrow(order.orderId as OrderId),
      amount: { ...e.fromEscrow, minor: -e.fromEscrow.minor },
    });
  if (e.fromSellerBalance.minor > 0n) {
    postings.push({
      account: accounts.sellerBalance(order.sellerId),
      amount: { ...e.fromSellerBalance, minor: -e.fromSellerBalance.minor },
    });
  }
  const total = e.fromEscrow.minor + e.fromSellerBalance.minor;
  postings.push({
    account: 'processor_chargebacks' as const,
    amount: { minor: total, currency: e.fromEscrow.currency },
  });
  return [{ kind: 'chargeback', postings }];
}

/**
 * The processor's fee, charged when the chargeback is reported and kept whatever the outcome
 * (as processors do): from the seller's balance, or the platform's fees when the policy has the
 * platform bear it.
 */
function feeTransactions(
  e: Extract<ChargebackEvent, { type: 'chargeback_opened' }>,
  order: Pick<OrderFacts, 'sellerId'>,
): LedgerTransaction[] {
  if (e.fee === undefined || e.fee.minor <= 0n) return [];
  const from: Account =
    e.feeBearer === 'platform' ? 'platform_fees' : accounts.sellerBalance(order.sellerId);
  return [
    {
      kind: 'chargeback_fee',
      postings: [
        { account: from, amount: { ...e.fee, minor: -e.fee.minor } },
        { account: 'processor_fees', amount: e.fee },
      ],
    },
  ];
}
