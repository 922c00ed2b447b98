// What an offer, an agreement or a ruling proposes to do about the problem.
import type { Instant } from '../instant.ts';
import type { Money } from '../money.ts';

/**
 * Who pays the return's postage. `platform` only by a ruling: a party cannot commit the
 * platform's money. Seller or platform postage is posted to the ledger when the return ships.
 */
export type PostagePayer = 'buyer' | 'seller' | 'platform';
export const POSTAGE_PAYERS = ['buyer', 'seller', 'platform'] as const;

export type Terms =
  | { readonly kind: 'refund'; readonly amount: Money }
  | {
      readonly kind: 'return_and_refund';
      readonly amount: Money;
      readonly postagePaidBy: PostagePayer;
      /** How much the return postage costs; absent in terms made before it was recorded. */
      readonly postage?: Money;
    }
  | {
      readonly kind: 'coupon';
      readonly value: Money;
      readonly minSpend: Money;
      readonly expiresAt: Instant;
    }
  | { readonly kind: 'replacement' };

export type RequestTerms = Extract<Terms, { kind: 'refund' | 'return_and_refund' }>;

export const OFFER_KINDS = ['refund', 'return_and_refund', 'coupon', 'replacement'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** The money a set of terms refunds to the buyer (coupons and replacements refund nothing). */
export function refundOf(terms: Terms): Money | undefined {
  return terms.kind === 'refund' || terms.kind === 'return_and_refund' ? terms.amount : undefined;
}
