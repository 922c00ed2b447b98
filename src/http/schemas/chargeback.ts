// A chargeback as the API shows it: money as decimal strings, times as ISO 8601.
import { Type } from 'typebox';
import { CHARGEBACK_STAGES, FEE_BEARERS } from '../../domain/index.ts';
import { DateTime, Id, Money, Note, ShortText } from './common.ts';

const STATUSES = ['awaiting_defence', 'defended', 'defence_lapsed', 'won', 'lost'] as const;

export const Stage = Type.Union(
  CHARGEBACK_STAGES.map((s) => Type.Literal(s)),
  { description: 'inquiry, then chargeback, then pre-arbitration: each asks for a defence' },
);

const Files = Type.Array(Id, { maxItems: 20, uniqueItems: true });
const Text = Type.String({ maxLength: 20_000 });

/**
 * The defence's structured fields (Stripe's dispute evidence): files are ids of evidence the
 * seller uploaded on the order's disputes.
 */
export const DefenceEvidence = Type.Object(
  {
    productDescription: Type.Optional(Text),
    customerCommunication: Type.Optional(Files),
    shippingDocumentation: Type.Optional(Files),
    shippingCarrier: Type.Optional(ShortText),
    shippingTrackingNumber: Type.Optional(ShortText),
    shippedAt: Type.Optional(DateTime),
    refundPolicy: Type.Optional(Files),
    refundPolicyDisclosure: Type.Optional(Text),
    refundRefusalExplanation: Type.Optional(Text),
    uncategorizedText: Type.Optional(Text),
  },
  { additionalProperties: false },
);

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
    Type.Object({
      evidenceIds: Type.Array(Type.String()),
      note: Type.String(),
      at: DateTime,
      evidence: Type.Optional(DefenceEvidence),
      stage: Type.Optional(Stage),
    }),
  ),
  reasonCode: Type.Optional(Type.String({ description: "the card network's reason code" })),
  network: Type.Optional(Type.String()),
  stage: Stage,
  fee: Type.Optional(
    Type.Object({
      amount: Money,
      bearer: Type.Union(
        FEE_BEARERS.map((b) => Type.Literal(b)),
        {
          description: 'who pays it: the seller from its balance, or the platform',
        },
      ),
    }),
  ),
  outcome: Type.Optional(
    Type.Union([Type.Literal('won'), Type.Literal('lost'), Type.Literal('partially_lost')], {
      description: 'once decided: partially_lost when the processor took part of the amount',
    }),
  ),
  amountLost: Type.Optional(Money),
  conceded: Type.Boolean({
    description: 'the seller accepted the chargeback instead of defending',
  }),
});

export const ChargebackParams = Type.Object({ chargebackId: Id }, { additionalProperties: false });

/** Evidence is named by id: what the seller uploaded on the order's disputes. */
export const DefenceBody = Type.Object(
  {
    evidenceIds: Type.Array(Id, {
      maxItems: 20,
      uniqueItems: true,
      description: 'files that fit no structured field; the defence names at least one file',
    }),
    note: Note,
    evidence: Type.Optional(DefenceEvidence),
  },
  { additionalProperties: false },
);
