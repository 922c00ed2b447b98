// The synthetic marketplace, drawn from the seed alone (pure): sellers with their quality,
// channel and protection, and per order its timeline and, for the few that get one, the dispute
// with the persona of everyone in it. Two policies compared run the very same plan.
import { DAY_MS, HOUR_MS } from '../domain/index.ts';
import type { ProblemKind, SimulationParams } from './defaults.ts';
import { between, chance, logUniform, pick, type Random, stream } from './random.ts';

/** Virtual time starts here, whatever the machine's clock says: a run replays exactly. */
export const SIMULATION_START_MS = Date.UTC(2026, 0, 1);

export type Tier = 'good' | 'average' | 'poor';

export interface SimSeller {
  readonly id: string;
  readonly country: string;
  readonly tier: Tier;
  readonly channel: 'platform' | 'seller';
  readonly protection: boolean;
  /** How much of the order flow it gets, relative to others. */
  readonly weight: number;
}

export interface SimOrder {
  readonly index: number;
  readonly id: string;
  readonly sellerIndex: number;
  readonly buyerId: string;
  readonly buyerCountry: string;
  readonly amountMinor: number;
  readonly paidAt: number;
  readonly shippedAt: number;
  /** Absent: the parcel never arrived. */
  readonly deliveredAt?: number;
  readonly completedAt?: number;
  readonly completedBy: 'buyer' | 'timeout';
}

export const BUYER_COUNTRIES = { US: 30, FR: 12, ES: 12, DE: 10, GB: 10, IT: 8, BR: 10, PL: 8 };

export function planSellers(seed: number, count: number, p: SimulationParams): SimSeller[] {
  const sellers: SimSeller[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = stream(seed, 'seller', i);
    const local = chance(r, p.sellers.localReturnShare);
    sellers.push({
      id: `sim-seller-${String(i + 1).padStart(4, '0')}`,
      country: local ? 'IT' : 'CN',
      tier: pick(r, p.sellers.tierShare),
      channel: chance(r, p.sellers.platformChannelShare) ? 'platform' : 'seller',
      protection: chance(r, p.sellers.protectionShare),
      // A long tail of order volume: a few big stores, many small ones.
      weight: logUniform(r, 1, 50),
    });
  }
  return sellers;
}

/** Cumulative weights, to map a uniform draw to a seller in O(log n). */
export function sellerPicker(sellers: readonly SimSeller[]): (u: number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const s of sellers) {
    total += s.weight;
    cumulative.push(total);
  }
  return (u) => {
    const target = u * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** The order's outline, drawn from its own stream: the index names it everywhere. */
export function planOrder(
  seed: number,
  index: number,
  orders: number,
  days: number,
  p: SimulationParams,
  pickSeller: (u: number) => number,
  lost: boolean,
): SimOrder {
  const r = stream(seed, 'order', index);
  const day = Math.floor((index * days) / orders);
  const paidAt = SIMULATION_START_MS + day * DAY_MS + between(r, 0, 23) * HOUR_MS;
  const shippedAt = paidAt + between(r, 1, 3) * DAY_MS;
  const deliveredAt = lost ? undefined : shippedAt + between(r, 7, 20) * DAY_MS;
  const byBuyer = chance(r, 0.6);
  return {
    index,
    id: `sim-order-${String(index + 1).padStart(7, '0')}`,
    sellerIndex: pickSeller(r.next()),
    buyerId: buyerIdOf(between(r, 1, buyerCount(orders))),
    buyerCountry: pick(r, BUYER_COUNTRIES),
    amountMinor: logUniform(r, p.orderValueMinor.min, p.orderValueMinor.max),
    paidAt,
    shippedAt,
    ...(deliveredAt === undefined
      ? {}
      : {
          deliveredAt,
          // Buyers confirm within days; otherwise the marketplace confirms by timeout.
          completedAt: deliveredAt + (byBuyer ? between(r, 1, 5) : 15) * DAY_MS,
        }),
    completedBy: byBuyer ? 'buyer' : 'timeout',
  };
}

/** Whether the order gets a dispute or a chargeback: a stream of its own, so both plans agree. */
export function orderFate(seed: number, index: number, p: SimulationParams, tier: Tier) {
  const r = stream(seed, 'fate', index);
  const disputed = chance(r, p.disputeRate * p.sellers.tierDisputeFactor[tier]);
  const problem = disputed ? problemOf(r, p, tier) : undefined;
  return {
    disputed,
    problem,
    chargeback: chance(r, p.chargebackRate),
    dishonest: disputed && chance(r, p.buyers.dishonestShare),
  };
}

/** The seller's own fault with its tier's chance; otherwise the carrier's or the buyer's. */
function problemOf(r: Random, p: SimulationParams, tier: Tier): ProblemKind {
  const sellerFault = chance(r, p.sellers.qualityTiers[tier]);
  const weights = Object.fromEntries(
    Object.entries(p.problems).filter(([k]) => SELLER_FAULTS.has(k as ProblemKind) === sellerFault),
  ) as Record<ProblemKind, number>;
  return pick(r, weights);
}

export const SELLER_FAULTS: ReadonlySet<ProblemKind> = new Set([
  'seller_wrong_item',
  'seller_damaged_packing',
  'not_as_described',
  'quality_issue',
  'missing_parts',
  'counterfeit',
]);

export const isLost = (problem: ProblemKind | undefined) => problem === 'carrier_lost';

/** About three orders per buyer: repeat buyers, as on any marketplace. */
export const buyerCount = (orders: number) => Math.max(1, Math.ceil(orders / 3));
export const buyerIdOf = (n: number) => `sim-buyer-${String(n).padStart(7, '0')}`;
