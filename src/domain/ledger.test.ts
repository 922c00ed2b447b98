// Every money event becomes one balanced double-entry transaction between the right accounts, and balances add up per account and currency.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUYER, DISPUTE, orderFacts, SELLER, system, T0 } from '../../test/harness/fixtures.ts';
import type { DisputeEvent } from './dispute/events.ts';
import type { OrderFacts, RefundSource } from './dispute/state.ts';
import type { OrderId } from './ids.ts';
import {
  type Account,
  accounts,
  balanceOf,
  balances,
  capture,
  isBalanced,
  type LedgerTransaction,
  sumsByCurrency,
  transactionFor,
} from './ledger.ts';
import { type Money, money } from './money.ts';
import { DEFAULT_RESOLVED_POLICY } from './policy.ts';

const USD = (minor: number | bigint) => money(minor, 'USD');
const order: OrderFacts = orderFacts();
const escrow = accounts.escrow('order-1' as OrderId);
const sellerBalance = accounts.sellerBalance(SELLER);
const buyerRefunds = accounts.buyerRefunds(BUYER);
const buyerPayments = accounts.buyerPayments(BUYER);

const base = { at: T0, actor: system } as const;
const refund = (amount: Money, source: RefundSource): DisputeEvent => ({
  ...base,
  type: 'refund_issued',
  amount,
  source,
});

describe('accounts', () => {
  it('name each account by its owner', () => {
    expect(buyerPayments).toBe('buyer_payments:buyer-1');
    expect(buyerRefunds).toBe('buyer_refunds:buyer-1');
    expect(escrow).toBe('order_escrow:order-1');
    expect(sellerBalance).toBe('seller_balance:seller-1');
  });
});

describe('capture', () => {
  it("moves the buyer's payment into the order's escrow", () => {
    const tx = capture(order);
    expect(tx).toEqual({
      kind: 'capture',
      postings: [
        { account: buyerPayments, amount: USD(-2_000) },
        { account: escrow, amount: USD(2_000) },
      ],
    });
    expect(isBalanced(tx)).toBe(true);
  });

  it('refuses a zero or negative payment', () => {
    expect(() => capture({ ...order, paid: USD(0) })).toThrow('a capture moves a positive amount');
    expect(() => capture({ ...order, paid: USD(-5) })).toThrow(/positive amount/);
  });
});

describe('transactionFor', () => {
  const sources: [RefundSource, Account][] = [
    ['escrow', escrow],
    ['seller_balance', sellerBalance],
    ['logistics_compensation', 'platform_logistics_compensation'],
    ['protection_fund', 'platform_protection_fund'],
  ];

  for (const [source, from] of sources) {
    it(`refund_issued from ${source} pays the buyer from ${from}`, () => {
      const tx = transactionFor(refund(USD(700), source), order);
      expect(tx).toEqual({
        kind: 'refund',
        postings: [
          { account: from, amount: USD(-700) },
          { account: buyerRefunds, amount: USD(700) },
        ],
      });
      expect(tx && isBalanced(tx)).toBe(true);
    });
  }

  it('funds_released moves escrow to the seller balance', () => {
    const tx = transactionFor({ ...base, type: 'funds_released', amount: USD(1_300) }, order);
    expect(tx).toEqual({
      kind: 'release',
      postings: [
        { account: escrow, amount: USD(-1_300) },
        { account: sellerBalance, amount: USD(1_300) },
      ],
    });
  });

  it('seller_reimbursed moves the protection fund to the seller balance', () => {
    const tx = transactionFor({ ...base, type: 'seller_reimbursed', amount: USD(400) }, order);
    expect(tx).toEqual({
      kind: 'reimbursement',
      postings: [
        { account: 'platform_protection_fund', amount: USD(-400) },
        { account: sellerBalance, amount: USD(400) },
      ],
    });
  });

  it('protection_fee_charged moves the seller balance to platform fees', () => {
    const tx = transactionFor({ ...base, type: 'protection_fee_charged', amount: USD(30) }, order);
    expect(tx).toEqual({
      kind: 'protection_fee',
      postings: [
        { account: sellerBalance, amount: USD(-30) },
        { account: 'platform_fees', amount: USD(30) },
      ],
    });
  });

  it('events that move no money produce no transaction', () => {
    const quiet: DisputeEvent[] = [
      {
        ...base,
        type: 'dispute_opened',
        disputeId: DISPUTE,
        order,
        reason: 'damaged',
        description: '',
        request: {
          id: 'r' as never,
          by: 'buyer',
          terms: { kind: 'refund', amount: USD(1) },
          note: '',
          at: T0,
          status: 'open',
        },
        policy: DEFAULT_RESOLVED_POLICY,
        sellerResponseDueAt: T0,
        negotiationDueAt: T0,
      },
      {
        ...base,
        type: 'coupon_issued',
        coupon: { code: 'CPN', value: USD(500), minSpend: USD(0), expiresAt: T0 },
      },
      { ...base, type: 'dispute_finalized' },
      { ...base, type: 'return_receipt_confirmed' },
      { ...base, type: 'dispute_cancelled', reason: '', how: 'buyer' },
    ];
    for (const e of quiet) expect(transactionFor(e, order)).toBeUndefined();
  });

  it('refuses to post a zero or negative amount', () => {
    expect(() => transactionFor(refund(USD(0), 'escrow'), order)).toThrow(
      'a refund moves a positive amount',
    );
    expect(() =>
      transactionFor({ ...base, type: 'funds_released', amount: USD(-1) }, order),
    ).toThrow('a release moves a positive amount');
    expect(() =>
      transactionFor({ ...base, type: 'seller_reimbursed', amount: USD(0) }, order),
    ).toThrow('a reimbursement moves a positive amount');
    expect(() =>
      transactionFor({ ...base, type: 'protection_fee_charged', amount: USD(0) }, order),
    ).toThrow('a protection_fee moves a positive amount');
  });
});

describe('isBalanced and sumsByCurrency', () => {
  it('a transaction is balanced when every currency sums to zero', () => {
    const mixed: LedgerTransaction = {
      kind: 'refund',
      postings: [
        { account: escrow, amount: USD(-5) },
        { account: buyerRefunds, amount: USD(5) },
        { account: escrow, amount: money(-7, 'EUR') },
        { account: buyerRefunds, amount: money(7, 'EUR') },
      ],
    };
    expect(isBalanced(mixed)).toBe(true);
    expect(sumsByCurrency(mixed.postings)).toEqual(
      new Map([
        ['USD', 0n],
        ['EUR', 0n],
      ]),
    );
  });

  it('a transaction that nets to zero only across currencies is not balanced', () => {
    const crossed: LedgerTransaction = {
      kind: 'refund',
      postings: [
        { account: escrow, amount: USD(-5) },
        { account: buyerRefunds, amount: money(5, 'EUR') },
      ],
    };
    expect(isBalanced(crossed)).toBe(false);
  });

  it('a one-sided posting is not balanced; an empty transaction is', () => {
    expect(isBalanced({ kind: 'refund', postings: [{ account: escrow, amount: USD(1) }] })).toBe(
      false,
    );
    expect(isBalanced({ kind: 'refund', postings: [] })).toBe(true);
  });
});

describe('balances and balanceOf', () => {
  const other = orderFacts({ orderId: 'order-2' as OrderId, paid: USD(500), escrowHeld: USD(500) });
  const ledger: LedgerTransaction[] = [
    capture(order),
    capture(other),
    transactionFor(refund(USD(600), 'escrow'), order)!,
    transactionFor({ ...base, type: 'funds_released', amount: USD(1_400) }, order)!,
    transactionFor(refund(USD(100), 'seller_balance'), order)!,
    transactionFor({ ...base, type: 'protection_fee_charged', amount: USD(30) }, order)!,
  ];

  it('sums every posting per account and currency, in order', () => {
    const b = balances(ledger);
    expect(b.get(`${buyerPayments}|USD`)).toBe(-2_500n);
    expect(b.get(`${escrow}|USD`)).toBe(0n);
    expect(b.get(`${accounts.escrow('order-2' as OrderId)}|USD`)).toBe(500n);
    expect(b.get(`${buyerRefunds}|USD`)).toBe(700n);
    expect(b.get(`${sellerBalance}|USD`)).toBe(1_270n);
    expect(b.get('platform_fees|USD')).toBe(30n);
    expect([...b.values()].reduce((x, y) => x + y, 0n)).toBe(0n);
  });

  it('balanceOf reads one account in one currency, zero when untouched', () => {
    expect(balanceOf(ledger, sellerBalance, 'USD')).toBe(1_270n);
    expect(balanceOf(ledger, sellerBalance, 'EUR')).toBe(0n);
    expect(balanceOf(ledger, 'platform_logistics_compensation', 'USD')).toBe(0n);
    expect(balanceOf([], escrow, 'USD')).toBe(0n);
  });

  it('keeps currencies apart on one account', () => {
    const eurOrder = orderFacts({ paid: money(900, 'EUR') });
    const b = [capture(order), capture(eurOrder)];
    expect(balanceOf(b, escrow, 'USD')).toBe(2_000n);
    expect(balanceOf(b, escrow, 'EUR')).toBe(900n);
  });

  it('property: any sequence of money events keeps the whole ledger at zero per currency', () => {
    const event = fc.oneof(
      fc
        .tuple(
          fc.bigInt({ min: 1n, max: 10n ** 12n }),
          fc.constantFrom<RefundSource>(
            'escrow',
            'seller_balance',
            'logistics_compensation',
            'protection_fund',
          ),
        )
        .map(([minor, source]) => refund(USD(minor), source)),
      fc
        .tuple(
          fc.bigInt({ min: 1n, max: 10n ** 12n }),
          fc.constantFrom('funds_released', 'seller_reimbursed', 'protection_fee_charged' as const),
        )
        .map(([minor, type]) => ({ ...base, type, amount: USD(minor) }) as DisputeEvent),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 20 }), (events) => {
        const txs = [capture(order), ...events.map((e) => transactionFor(e, order)!)];
        expect(txs.every(isBalanced)).toBe(true);
        const total = [...balances(txs).values()].reduce((x, y) => x + y, 0n);
        expect(total).toBe(0n);
      }),
    );
  });
});
