// What offers, requests and rulings propose, as the API accepts them.
import { Type } from 'typebox';
import { DateTime, MoneyInput } from './common.ts';

const Postage = Type.Union(
  [Type.Literal('buyer'), Type.Literal('seller'), Type.Literal('platform')],
  { description: 'who pays the return postage; `platform` only in a ruling' },
);

export const RefundTerms = Type.Object(
  { kind: Type.Literal('refund'), amount: MoneyInput },
  { additionalProperties: false },
);
export const ReturnTerms = Type.Object(
  {
    kind: Type.Literal('return_and_refund'),
    amount: MoneyInput,
    postagePaidBy: Postage,
    // What the return postage costs; posted when the return ships if the seller or platform pays.
    postage: Type.Optional(MoneyInput),
  },
  { additionalProperties: false },
);
export const CouponTerms = Type.Object(
  { kind: Type.Literal('coupon'), value: MoneyInput, minSpend: MoneyInput, expiresAt: DateTime },
  { additionalProperties: false },
);
export const ReplacementTerms = Type.Object(
  { kind: Type.Literal('replacement') },
  { additionalProperties: false },
);

export const TermsInput = Type.Union([RefundTerms, ReturnTerms, CouponTerms, ReplacementTerms]);
export const RequestInput = Type.Union([RefundTerms, ReturnTerms]);

export const RulingOutcomeInput = Type.Union([
  RefundTerms,
  ReturnTerms,
  Type.Object({ kind: Type.Literal('no_refund') }, { additionalProperties: false }),
]);

export const Responsibility = Type.Union([
  Type.Literal('seller'),
  Type.Literal('logistics'),
  Type.Literal('buyer'),
  Type.Literal('none'),
]);

export const RulingInput = Type.Object(
  {
    outcome: RulingOutcomeInput,
    responsibility: Responsibility,
    reasonCode: Type.String({ minLength: 1, maxLength: 200 }),
    note: Type.String({ maxLength: 2000 }),
  },
  { additionalProperties: false },
);
