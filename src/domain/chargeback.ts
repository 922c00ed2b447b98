// Chargebacks (拒付): the payment processor disputes the payment. The order's escrow is frozen, the
// seller may submit defence evidence before the due date, and the processor's outcome moves money.
// A small decider of its own: a chargeback is about the payment, not a buyer-seller dispute.
import type { Actor } from './actor.ts';
import { type OrderFacts, orderRecoverableMinor } from './dispute/state.ts';
import type { ChargebackId, EvidenceId, OrderId } from './ids.ts';
import { type Instant, later } from './instant.ts';
import { accounts, type LedgerTransaction } from './ledger.ts';
import { type Money, minMinor } from './money.ts';
import type { PolicyValues } from './policy.ts';
import { type Rejection, rejection } from './rejections.ts';

export type ChargebackStatus = 'awaiting_defence' | 'defended' | 'defence_lapsed' | 'won' | 'lost';

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
  };
}

export type ChargebackCommand =
  | {
      readonly type: 'open_chargeback';
      readonly chargebackId: ChargebackId;
      readonly order: OrderFacts;
      readonly amount: Money;
    }
  | {
      readonly type: 'submit_defence';
      readonly evidenceIds: readonly EvidenceId[];
      readonly note: string;
    }
  | { readonly type: 'fire_defence_deadline' }
  | { readonly type: 'record_processor_outcome'; readonly outcome: 'won' | 'lost' };

type E<T extends string, P> = { readonly type: T; readonly at: Instant } & P;
export type ChargebackEvent =
  | E<
      'chargeback_opened',
      {
        readonly chargebackId: ChargebackId;
        readonly order: OrderFacts;
        readonly amount: Money;
        readonly defenceDueAt: Instant;
      }
    >
  | E<'defence_submitted', { readonly evidenceIds: readonly EvidenceId[]; readonly note: string }>
  | E<'defence_lapsed', Record<never, never>>
  | E<'chargeback_won', Record<never, never>>
  | E<
      'chargeback_lost',
      {
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
    const defenceDueAt = later(now, policy.chargebackDefenceMs);
    return ok([
      {
        type: 'chargeback_opened',
        at: now,
        chargebackId: cmd.chargebackId,
        order: cmd.order,
        amount: cmd.amount,
        defenceDueAt,
      },
    ]);
  }
  if (state === undefined) return no(rejection('dispute.not_found', 'no such chargeback'));
  return decideOpenChargeback(cmd, state, actor, now, escrowHeld, recovered);
}

function decideOpenChargeback(
  cmd: Exclude<ChargebackCommand, { type: 'open_chargeback' }>,
  state: Chargeback,
  actor: Actor,
  now: Instant,
  escrowHeld: Money,
  recovered: Money,
): ChargebackDecision {
  const decided = state.status === 'won' || state.status === 'lost';
  switch (cmd.type) {
    case 'submit_defence':
      if (actor.role !== 'seller')
        return no(rejection('actor.role_not_allowed', 'the seller defends a chargeback'));
      if (actor.id !== state.order.sellerId)
        return no(rejection('actor.not_party', 'no such chargeback for this account'));
      if (state.status !== 'awaiting_defence')
        return no(rejection('dispute.wrong_state', `the chargeback is ${state.status}`));
      if (now >= state.defenceDueAt)
        return no(rejection('deadline.not_pending', 'the defence window has closed'));
      if (cmd.evidenceIds.length === 0)
        return no(rejection('input.invalid', 'a defence names its evidence'));
      return ok([
        { type: 'defence_submitted', at: now, evidenceIds: cmd.evidenceIds, note: cmd.note },
      ]);
    case 'fire_defence_deadline':
      if (actor.role !== 'system') {
        return no(rejection('actor.role_not_allowed', 'deadlines are fired by the system'));
      }
      if (state.status !== 'awaiting_defence')
        return no(rejection('deadline.not_pending', 'no defence is awaited'));
      if (now < state.defenceDueAt)
        return no(rejection('deadline.not_due', 'the defence window is still open'));
      return ok([{ type: 'defence_lapsed', at: now }]);
    case 'record_processor_outcome': {
      if (actor.role !== 'integration')
        return no(
          rejection('actor.role_not_allowed', 'the processor outcome comes from the integration'),
        );
      if (decided)
        return no(rejection('dispute.wrong_state', `the chargeback is already ${state.status}`));
      if (cmd.outcome === 'won') return ok([{ type: 'chargeback_won', at: now }]);
      return ok([lostEvent(state, now, escrowHeld, recovered)]);
    }
  }
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
): ChargebackEvent {
  const currency = state.amount.currency;
  const open = state.order.paid.minor - recovered.minor;
  const taken = minMinor(state.amount.minor, open < 0n ? 0n : open);
  const fromEscrow = minMinor(taken, escrowHeld.minor < 0n ? 0n : escrowHeld.minor);
  const answered = state.amount.minor - taken;
  return {
    type: 'chargeback_lost',
    at: now,
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
    };
  }
  if (state === undefined) throw new Error(`${e.type} before chargeback_opened`);
  switch (e.type) {
    case 'defence_submitted':
      return {
        ...state,
        status: 'defended',
        defence: { evidenceIds: e.evidenceIds, note: e.note, at: e.at },
      };
    case 'defence_lapsed':
      return { ...state, status: 'defence_lapsed' };
    case 'chargeback_won':
      return { ...state, status: 'won' };
    case 'chargeback_lost':
      return { ...state, status: 'lost' };
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
