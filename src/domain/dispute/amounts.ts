// Checks on money a command names: positive, in the order's currency, within what is refundable.
import { formatMoney, type Money } from '../money.ts';
import { type Rejection, rejection } from '../rejections.ts';
import { type Dispute, refundableMinor } from './state.ts';
import type { Terms } from './terms.ts';

export function checkAmount(
  field: string,
  amount: Money,
  orderCurrency: string,
  refundable: bigint,
): Rejection | undefined {
  if (amount.currency !== orderCurrency) {
    return rejection(
      'money.currency_mismatch',
      `${field} is in ${amount.currency} but the order was paid in ${orderCurrency}`,
      { field, currency: orderCurrency },
    );
  }
  if (amount.minor <= 0n) {
    return rejection('money.not_positive', `${field} must be more than zero`, { field });
  }
  if (amount.minor > refundable) {
    return rejection(
      'money.exceeds_refundable',
      `${field} ${formatMoney(amount)} is more than the refundable ${refundable} ${orderCurrency}`,
      { field, refundableMinor: refundable.toString(), currency: orderCurrency },
    );
  }
  return undefined;
}

export function checkRefundAmount(d: Dispute, field: string, amount: Money) {
  return checkAmount(field, amount, d.order.paid.currency, refundableMinor(d));
}

/**
 * A return's postage: only a ruling may put it on the platform (a party cannot commit the
 * platform's money), and its cost is positive, in the order's currency, and at most what was
 * paid (a bound: postage dearer than the goods is a typing error).
 */
export function checkPostage(
  paid: Money,
  terms: { postagePaidBy: string; postage?: Money },
  byStaff: boolean,
): Rejection | undefined {
  if (terms.postagePaidBy === 'platform' && !byStaff) {
    return rejection(
      'return.postage_payer_not_allowed',
      'only a ruling can have the platform pay the return postage',
    );
  }
  if (terms.postage === undefined) return undefined;
  return checkAmount('postage', terms.postage, paid.currency, paid.minor);
}

export function checkTerms(d: Dispute, terms: Terms, now: number): Rejection | undefined {
  switch (terms.kind) {
    case 'refund':
      return checkRefundAmount(d, 'amount', terms.amount);
    case 'return_and_refund':
      return (
        checkRefundAmount(d, 'amount', terms.amount) ?? checkPostage(d.order.paid, terms, false)
      );
    case 'coupon':
      return checkCoupon(d, terms, now);
    case 'replacement':
      return undefined;
  }
}

function checkCoupon(
  d: Dispute,
  c: Extract<Terms, { kind: 'coupon' }>,
  now: number,
): Rejection | undefined {
  const currency = d.order.paid.currency;
  // A coupon is store credit, not a refund: its value is not capped by the refundable amount.
  const value = checkAmount('coupon value', c.value, currency, BigInt(Number.MAX_SAFE_INTEGER));
  if (value !== undefined) return value;
  if (c.minSpend.currency !== currency || c.minSpend.minor < 0n) {
    return rejection('coupon.min_spend_invalid', `minimum spend must be zero or more ${currency}`);
  }
  if (c.expiresAt <= now) {
    return rejection('coupon.expiry_in_past', 'the coupon must expire in the future');
  }
  return undefined;
}
