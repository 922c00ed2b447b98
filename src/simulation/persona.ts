// Everyone in one dispute, drawn up front from the dispute's own stream (pure): what the buyer
// claims, how the seller answers and when, how the carrier treats the return, how the
// arbitrator errs. Drawn once, so under a compared policy the same people behave the same way.
import { DAY_MS, HOUR_MS, type Responsibility } from '../domain/index.ts';
import type { DisputeReason, NotReceivedSubReason } from '../domain/reasons.ts';
import type { ProblemKind, SimulationParams } from './defaults.ts';
import type { SimSeller } from './marketplace-plan.ts';
import { between, chance, logUniform, pick, stream } from './random.ts';

export type CounterKind = 'refund' | 'return_and_refund' | 'coupon' | 'replacement';

export interface Persona {
  readonly reason: DisputeReason;
  readonly subReason?: NotReceivedSubReason;
  /** Who truly answers for the problem: what a perfect arbitrator would rule. */
  readonly truth: Responsibility;
  readonly dishonest: boolean;
  readonly requestReturn: boolean;
  /** Days after delivery (or after the not-received window opens) the buyer opens. */
  readonly openAfterMs: number;
  readonly evidence: 'label_mismatch' | 'packaging_damaged' | 'packaging_intact' | 'item' | 'none';
  readonly seller: {
    readonly silent: boolean;
    readonly late: boolean;
    readonly replyAfterMs: number;
    readonly accepts: boolean;
    readonly escalates: boolean;
    readonly counter: CounterKind;
    /** The counter-offer's refund as a share of the request, in percent. */
    readonly counterPercent: number;
    readonly suppliesLabel: boolean;
    readonly confirmsReturn: boolean;
    readonly confirmAfterMs: number;
  };
  readonly buyer: {
    readonly replyAfterMs: number;
    readonly acceptsCounter: boolean;
    readonly escalatesAtOnce: boolean;
    readonly cancels: boolean;
    readonly shipsReturn: boolean;
    readonly shipAfterMs: number;
    readonly appeals: boolean;
  };
  readonly carrier: {
    readonly returnLost: boolean;
    readonly returnTransitMs: number;
    readonly replacementLate: boolean;
    readonly replacementTransitMs: number;
  };
  readonly arbitrator: {
    readonly ruleAfterMs: number;
    readonly errs: boolean;
    readonly overturnsWrong: boolean;
  };
  readonly chargeback: { readonly afterMs: number; readonly sellerConcedes: boolean };
}

const REASON_OF: Readonly<Record<ProblemKind, DisputeReason>> = {
  carrier_lost: 'not_received',
  carrier_damaged: 'damaged',
  carrier_delayed: 'not_received',
  swapped_waybill: 'wrong_item',
  seller_wrong_item: 'wrong_item',
  seller_damaged_packing: 'damaged',
  not_as_described: 'not_as_described',
  quality_issue: 'quality_issue',
  missing_parts: 'missing_parts',
  counterfeit: 'counterfeit',
  changed_mind: 'changed_mind',
};

/** Who answers for it, by domain.md's table: the carrier on the seller's own channel is the seller's. */
function truthOf(problem: ProblemKind, dishonest: boolean): Responsibility {
  if (dishonest || problem === 'changed_mind' || problem === 'carrier_delayed') return 'buyer';
  if (problem.startsWith('carrier_') || problem === 'swapped_waybill') return 'logistics';
  return 'seller';
}

function evidenceOf(problem: ProblemKind, dishonest: boolean): Persona['evidence'] {
  if (dishonest) return 'none';
  if (problem === 'swapped_waybill') return 'label_mismatch';
  if (problem === 'carrier_damaged') return 'packaging_damaged';
  if (problem === 'seller_damaged_packing') return 'packaging_intact';
  if (problem === 'carrier_lost' || problem === 'carrier_delayed' || problem === 'changed_mind')
    return 'none';
  return 'item';
}

export function drawPersona(
  seed: number,
  orderIndex: number,
  seller: SimSeller,
  problem: ProblemKind,
  dishonest: boolean,
  p: SimulationParams,
): Persona {
  const r = stream(seed, 'persona', orderIndex);
  const truth = truthOf(problem, dishonest);
  const atFault = truth === 'seller';
  const reason = dishonest && chance(r, 0.5) ? 'not_as_described' : REASON_OF[problem];
  // Poor stores let disputes lapse twice as often as the rest.
  const silent = chance(r, p.sellers.silentShare * (seller.tier === 'poor' ? 2 : 1));
  const counter = pick(r, p.sellers.counterKinds);
  return {
    reason,
    ...(reason === 'not_received'
      ? { subReason: problem === 'carrier_delayed' ? 'held_by_customs' : 'no_tracking_progress' }
      : {}),
    truth,
    dishonest,
    requestReturn: reason !== 'not_received' && chance(r, 0.3),
    openAfterMs: between(r, 1, 6) * DAY_MS + between(r, 0, 23) * HOUR_MS,
    evidence: evidenceOf(problem, dishonest),
    seller: {
      silent,
      late: !silent && chance(r, p.sellers.lateShare),
      replyAfterMs: logUniform(r, 2 * HOUR_MS, 4 * DAY_MS),
      accepts: atFault && chance(r, p.sellers.acceptWhenAtFault),
      escalates: !atFault && chance(r, 0.25),
      counter,
      counterPercent: between(r, 30, 80),
      suppliesLabel: chance(r, p.sellers.supplyLabel),
      confirmsReturn: chance(r, p.sellers.confirmReturn),
      confirmAfterMs: logUniform(r, 6 * HOUR_MS, 10 * DAY_MS),
    },
    buyer: {
      replyAfterMs: logUniform(r, HOUR_MS, 3 * DAY_MS),
      acceptsCounter: chance(r, p.buyers.acceptCounter[counter] * (dishonest ? 0.5 : 1)),
      escalatesAtOnce: chance(r, p.buyers.escalateAtOnce),
      cancels: chance(r, p.buyers.cancelShare),
      shipsReturn: !chance(r, p.buyers.neverShipsReturn),
      shipAfterMs: logUniform(r, 12 * HOUR_MS, 14 * DAY_MS),
      appeals: chance(r, p.buyers.appealShare),
    },
    carrier: {
      returnLost: chance(r, p.carriers.returnLostShare),
      returnTransitMs:
        between(r, p.carriers.returnTransitDays.min, p.carriers.returnTransitDays.max) * DAY_MS,
      replacementLate: chance(r, p.carriers.replacementLateShare),
      replacementTransitMs: between(r, 5, 18) * DAY_MS,
    },
    arbitrator: {
      ruleAfterMs:
        between(r, p.arbitration.ruleAfterDays.min, p.arbitration.ruleAfterDays.max) * DAY_MS +
        between(r, 0, 23) * HOUR_MS,
      errs: chance(r, p.arbitration.errorRate),
      overturnsWrong: chance(r, p.arbitration.overturnWrong),
    },
    chargeback: { afterMs: between(r, 5, 40) * DAY_MS, sellerConcedes: chance(r, 0.4) },
  };
}
