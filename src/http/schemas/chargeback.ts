// A chargeback as the API shows it: money as decimal strings, times as ISO 8601.
import { Type } from 'typebox';
import { DateTime, Id, Money, Note } from './common.ts';

const STATUSES = ['awaiting_defence', 'defended', 'defence_lapsed', 'won', 'lost'] as const;

export const ChargebackView = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  sellerId: Type.String(),
  version: Type.Integer(),
  status: Type.Union(STATUSES.map((s) => Type.Literal(s))),
  amount: Money,
  frozen: Type.Boolean({
    description: "true until the processor decides: the order's escrow is not released meanwhile",
  }),
  openedAt: DateTime,
  defenceDueAt: DateTime,
  defence: Type.Optional(
    Type.Object({ evidenceIds: Type.Array(Type.String()), note: Type.String(), at: DateTime }),
  ),
});

export const ChargebackParams = Type.Object({ chargebackId: Id }, { additionalProperties: false });

/** Evidence is named by id: what the seller uploaded on the order's disputes. */
export const DefenceBody = Type.Object(
  {
    evidenceIds: Type.Array(Id, { maxItems: 20, uniqueItems: true }),
    note: Note,
  },
  { additionalProperties: false },
);
