// The escrow ledger: double-entry postings, integer minor units, per currency. Money effects are
// events (refund_issued, funds_released...); this module turns each into a balanced transaction.
// Sign convention: a posting adds its amount to the account's balance. External accounts
// (buyer payments, platform funds) go negative as money leaves them; escrow never may.
import type { DisputeEvent } from './dispute/events.ts';
import type { OrderFacts, RefundSource } from './dispute/state.ts';
import type { BuyerId, OrderId, SellerId } from './ids.ts';
import type { Money } from './money.ts';

export type Account =
  | `buyer_payments:${BuyerId}`
  | `buyer_refunds:${BuyerId}`
  /** Refunds decided for the buyer and not yet reported paid by the marketplace (a payable). */
  | `buyer_refunds_owed:${BuyerId}`
  /** The platform's budget for return postage it pays (goes negative as it pays). */
  | 'platform_return_postage'
  /** Return postage paid out by the seller or the platform (to the carrier or the buyer). */
  | 'return_postage_paid'
  | `order_escrow:${OrderId}`
  | `seller_balance:${SellerId}`
  | 'platform_logistics_compensation'
  | 'platform_protection_fund'
  | 'platform_fees'
  | 'processor_chargebacks'
  /** What the payment processor charges per chargeback (its fee), whoever bears it. */
  | 'processor_fees';

export interface Posting {
  readonly account: Account;
  readonly amount: Money;
}

export type TransactionKind =
  | 'capture'
  | 'refund'
  | 'release'
  | 'reimbursement'
  | 'protection_fee'
  | 'chargeback'
  /** A refund owed to the buyer was reported paid: owed → paid. */
  | 'refund_payment'
  | 'return_postage'
  | 'chargeback_fee';

export interface LedgerTransaction {
  readonly kind: TransactionKind;
  readonly postings: readonly Posting[];
}

export const accounts = {
  buyerPayments: (id: BuyerId): Account => `buyer_payments:${id}`,
  buyerRefunds: (id: BuyerId): Account => `buyer_refunds:${id}`,
  buyerRefundsOwed: (id: BuyerId): Account => `buyer_refunds_owed:${id}`,
  escrow: (id: OrderId): Account => `order_escrow:${id}`,
  sellerBalance: (id: SellerId): Account => `seller_balance:${id}`,
};

function transfer(
  kind: TransactionKind,
  from: Account,
  to: Account,
  amount: Money,
): LedgerTransaction {
  if (amount.minor <= 0n) throw new Error(`a ${kind} moves a positive amount`);
  return {
    kind,
    postings: [
      { account: from, amount: { minor: -amount.minor, currency: amount.currency } },
      { account: to, amount },
    ],
  };
}

/** The buyer's payment enters the order's escrow. */
export function capture(
  order: Pick<OrderFacts, 'orderId' | 'buyerId' | 'paid'>,
): LedgerTransaction {
  return transfer(
    'capture',
    accounts.buyerPayments(order.buyerId),
    accounts.escrow(order.orderId),
    order.paid,
  );
}

function refundSourceAccount(source: RefundSource, order: OrderFacts): Account {
  switch (source) {
    case 'escrow':
      return accounts.escrow(order.orderId);
    case 'seller_balance':
      return accounts.sellerBalance(order.sellerId);
    case 'logistics_compensation':
      return 'platform_logistics_compensation';
    case 'protection_fund':
      return 'platform_protection_fund';
  }
}

/** The transaction a dispute event produces, if it moves money. */
export function transactionFor(
  event: DisputeEvent,
  order: OrderFacts,
): LedgerTransaction | undefined {
  switch (event.type) {
    case 'refund_issued':
      // Refunds recorded before refund execution (no refundId) were paid at once.
      return transfer(
        'refund',
        refundSourceAccount(event.source, order),
        event.refundId === undefined
          ? accounts.buyerRefunds(order.buyerId)
          : accounts.buyerRefundsOwed(order.buyerId),
        event.amount,
      );
    case 'refund_succeeded':
      return transfer(
        'refund_payment',
        accounts.buyerRefundsOwed(order.buyerId),
        accounts.buyerRefunds(order.buyerId),
        event.amount,
      );
    case 'return_postage_paid':
      return transfer(
        'return_postage',
        event.paidBy === 'seller'
          ? accounts.sellerBalance(order.sellerId)
          : 'platform_return_postage',
        'return_postage_paid',
        event.amount,
      );
    case 'funds_released':
      return transfer(
        'release',
        accounts.escrow(order.orderId),
        accounts.sellerBalance(order.sellerId),
        event.amount,
      );
    case 'seller_reimbursed':
      return transfer(
        'reimbursement',
        refundSourceAccount(event.from ?? 'protection_fund', order),
        accounts.sellerBalance(order.sellerId),
        event.amount,
      );
    case 'protection_fee_charged':
      return transfer(
        'protection_fee',
        accounts.sellerBalance(order.sellerId),
        'platform_fees',
        event.amount,
      );
    default:
      return undefined;
  }
}

/** Per-currency sums of a transaction's postings; a balanced transaction has only zeros. */
export function sumsByCurrency(postings: readonly Posting[]): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const p of postings)
    sums.set(p.amount.currency, (sums.get(p.amount.currency) ?? 0n) + p.amount.minor);
  return sums;
}

export function isBalanced(tx: LedgerTransaction): boolean {
  return [...sumsByCurrency(tx.postings).values()].every((s) => s === 0n);
}

/** Balances per account and currency after applying transactions in order. */
export function balances(txs: readonly LedgerTransaction[]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const tx of txs) {
    for (const p of tx.postings) {
      const key = `${p.account}|${p.amount.currency}`;
      out.set(key, (out.get(key) ?? 0n) + p.amount.minor);
    }
  }
  return out;
}

export function balanceOf(
  txs: readonly LedgerTransaction[],
  account: Account,
  currency: string,
): bigint {
  return balances(txs).get(`${account}|${currency}`) ?? 0n;
}
