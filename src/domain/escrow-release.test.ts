// Goal: an order's escrow goes to the seller only once the order is completed, its protection
// window has passed, no dispute is still deciding and no chargeback is undecided; the
// transaction balances and moves exactly what escrow holds.
import { describe, expect, it } from 'vitest';
import { decideEscrowRelease, ESCROW_RECHECK_MS, type OrderEscrowFacts } from './escrow-release.ts';
import type { OrderId, SellerId } from './ids.ts';
import { DAY_MS, instant } from './instant.ts';
import { isBalanced } from './ledger.ts';
import { currency } from './money.ts';
import { DEFAULT_RESOLVED_POLICY } from './policy.ts';

const COMPLETED = instant(Date.UTC(2026, 10, 1));
const WINDOW_ENDS = instant(COMPLETED + DEFAULT_RESOLVED_POLICY.values.openAfterCompletionMs);
const facts: OrderEscrowFacts = {
  orderId: 'o-1' as OrderId,
  sellerId: 's-1' as SellerId,
  currency: currency('USD'),
  completedAt: COMPLETED,
  escrowMinor: 1_500n,
  disputeInProgress: false,
  chargebackUndecided: false,
};
const decide = (f: Partial<OrderEscrowFacts>, now: number) =>
  decideEscrowRelease({ ...facts, ...f }, instant(now), DEFAULT_RESOLVED_POLICY);

describe('escrow release', () => {
  it('waits for the protection window, then releases what escrow holds to the seller', () => {
    expect(decide({}, WINDOW_ENDS - 1)).toEqual({
      kind: 'wait',
      until: WINDOW_ENDS,
      why: 'protection window',
    });
    const released = decide({}, WINDOW_ENDS);
    if (released.kind !== 'release') throw new Error(released.kind);
    expect(isBalanced(released.transaction)).toBe(true);
    expect(released.transaction.postings).toEqual([
      { account: 'order_escrow:o-1', amount: { minor: -1_500n, currency: 'USD' } },
      { account: 'seller_balance:s-1', amount: { minor: 1_500n, currency: 'USD' } },
    ]);
  });

  it('looks again later while a dispute or a chargeback holds the escrow', () => {
    const now = WINDOW_ENDS + DAY_MS;
    expect(decide({ disputeInProgress: true }, now)).toEqual({
      kind: 'wait',
      until: now + ESCROW_RECHECK_MS,
      why: 'dispute in progress',
    });
    expect(decide({ chargebackUndecided: true }, now)).toMatchObject({
      kind: 'wait',
      why: 'chargeback undecided',
    });
  });

  it('has nothing to do for an order not completed or an escrow already empty', () => {
    expect(decide({ completedAt: undefined }, WINDOW_ENDS)).toEqual({ kind: 'done' });
    expect(decide({ escrowMinor: 0n }, WINDOW_ENDS)).toEqual({ kind: 'done' });
    expect(decide({ escrowMinor: -5n }, WINDOW_ENDS)).toEqual({ kind: 'done' });
  });
});
