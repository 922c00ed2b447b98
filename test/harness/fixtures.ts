// Orders and ids for domain tests: a paid, shipped and delivered order unless told otherwise.
import {
  type Actor,
  type BuyerId,
  DAY_MS,
  type DisputeId,
  type EvidenceId,
  type EvidenceInput,
  type Instant,
  instant,
  money,
  type OrderFacts,
  type OrderId,
  type SellerId,
  type StaffId,
} from '../../src/domain/index.ts';

export const T0 = instant(Date.UTC(2026, 10, 1, 9, 0, 0));

export const BUYER = 'buyer-1' as BuyerId;
export const SELLER = 'seller-1' as SellerId;
export const ARBITRATOR = 'arb-1' as StaffId;
export const ARBITRATOR_2 = 'arb-2' as StaffId;

export const buyer: Actor = { role: 'buyer', id: BUYER };
export const seller: Actor = { role: 'seller', id: SELLER };
export const arbitrator: Actor = { role: 'arbitrator', id: ARBITRATOR };
export const arbitrator2: Actor = { role: 'arbitrator', id: ARBITRATOR_2 };
export const system: Actor = { role: 'system' };
export const strangerBuyer: Actor = { role: 'buyer', id: 'buyer-2' as BuyerId };
export const strangerSeller: Actor = { role: 'seller', id: 'seller-2' as SellerId };
export const admin: Actor = { role: 'admin', id: 'admin-1' as StaffId };

export function orderFacts(overrides: Partial<OrderFacts> = {}): OrderFacts {
  const paid = overrides.paid ?? money(2_000, 'USD');
  return {
    orderId: 'order-1' as OrderId,
    sellerId: SELLER,
    buyerId: BUYER,
    buyerCountry: 'US',
    sellerCountry: 'CN',
    paid,
    paidAt: instant(T0 - 20 * DAY_MS),
    shippedAt: instant(T0 - 18 * DAY_MS),
    deliveredAt: instant(T0 - 2 * DAY_MS),
    outboundChannel: 'platform',
    refundedBefore: money(0, paid.currency),
    escrowHeld: paid,
    protectionEnrolled: false,
    ...overrides,
  };
}

/** Two lines worth 2 000 in all: two mugs at 500 (line m) and a teapot at 1 000 (line t). */
export function twoLineOrder(overrides: Partial<OrderFacts> = {}): OrderFacts {
  const usd = (minor: number) => money(minor, 'USD');
  return orderFacts({
    completedAt: instant(T0 - DAY_MS),
    lines: [
      {
        lineId: 'm',
        sku: 'MUG',
        title: 'Mug',
        quantity: 2,
        unitPrice: usd(500),
        total: usd(1_000),
      },
      {
        lineId: 't',
        sku: 'TEA',
        title: 'Teapot',
        quantity: 1,
        unitPrice: usd(1_000),
        total: usd(1_000),
      },
    ],
    ...overrides,
  });
}

export const DISPUTE = 'dsp-1' as DisputeId;

let evidenceCounter = 0;
export function evidence(overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  evidenceCounter += 1;
  return {
    id: `ev-${evidenceCounter}` as EvidenceId,
    kind: 'item_photo',
    findings: [],
    sha256: evidenceCounter.toString(16).padStart(64, '0'),
    mediaType: 'image/jpeg',
    bytes: 1024,
    fileName: 'photo.jpg',
    note: '',
    arbitratorOnly: false,
    ...overrides,
  };
}

export function at(ms: number): Instant {
  return instant(ms);
}
