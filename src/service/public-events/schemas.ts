// The public event: what a webhook delivers and the catch-up feed lists, as a versioned resource
// (issue 10, item 3), never the engine's internal event. Money is `{ amount, currency }` with the
// amount in minor units as a decimal string, times are ISO 8601 UTC, and a dispute event carries
// the dispute as the marketplace saw it right after the change and the audit chain's head.
// These TypeBox schemas are the contract: the OpenAPI document's `webhooks` section is built from
// them, and a test validates real payloads of every type against it.
import { type TSchema, Type } from 'typebox';

/** Bumped when a public event changes incompatibly; receivers check it. */
export const PUBLIC_EVENT_VERSION = '2026-11-28';

const DateTime = Type.String({ format: 'date-time' });

export const PublicMoney = Type.Object(
  {
    amount: Type.String({
      pattern: '^-?[0-9]+$',
      description: 'minor units as a decimal string',
      examples: ['1234'],
    }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', examples: ['EUR'] }),
  },
  { additionalProperties: false },
);

export const PublicChain = Type.Object(
  {
    seq: Type.Integer({ minimum: 1, description: "the dispute's stored event count" }),
    headHash: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the last event' }),
  },
  {
    additionalProperties: false,
    description: 'the audit chain head right after this event (docs/audit.md): keep it',
  },
);

export const PublicOutcome = Type.Object(
  {
    outcome: Type.Union([
      Type.Literal('refund'),
      Type.Literal('no_refund'),
      Type.Literal('replacement'),
    ]),
    refunded: PublicMoney,
    responsibility: Type.String(),
    how: Type.String({ description: 'agreement, ruling, appeal, timeout, chargeback ...' }),
    at: DateTime,
  },
  { additionalProperties: false },
);

export const PublicDispute = Type.Object(
  {
    id: Type.String(),
    version: Type.Integer({ minimum: 1, description: 'stored event count (chain.seq)' }),
    status: Type.String(),
    reason: Type.String(),
    subReason: Type.Optional(Type.String()),
    orderId: Type.String(),
    buyerId: Type.String(),
    sellerId: Type.String(),
    market: Type.Object(
      { buyerCountry: Type.String(), sellerCountry: Type.String() },
      { additionalProperties: false },
    ),
    openedAt: DateTime,
    updatedAt: DateTime,
    paid: PublicMoney,
    requested: PublicMoney,
    refunded: PublicMoney,
    nextDeadline: Type.Optional(
      Type.Object({ kind: Type.String(), dueAt: DateTime }, { additionalProperties: false }),
    ),
    outcome: Type.Optional(PublicOutcome),
  },
  {
    additionalProperties: false,
    description: 'the dispute as the marketplace saw it right after this event',
  },
);

const Change = Type.Object(
  {
    type: Type.String({ description: 'what happened: offer_proposed, evidence_added ...' }),
    at: DateTime,
    by: Type.String({ description: "the actor's role: buyer, seller, arbitrator, system ..." }),
  },
  { additionalProperties: false },
);

const disputeData = (extra: Record<string, TSchema> = {}) =>
  Type.Object(
    {
      disputeId: Type.String(),
      seq: Type.Integer({ minimum: 1 }),
      change: Change,
      dispute: PublicDispute,
      chain: PublicChain,
      ...extra,
    },
    { additionalProperties: false },
  );

export const DisputeEventData = disputeData();

export const OfferMadeData = disputeData({
  offer: Type.Object(
    {
      id: Type.String(),
      by: Type.String(),
      kind: Type.String(),
      amount: Type.Optional(PublicMoney),
      note: Type.String(),
    },
    { additionalProperties: false },
  ),
});

export const RefundedData = disputeData({
  refund: Type.Object(
    { amount: PublicMoney, source: Type.String() },
    { additionalProperties: false },
  ),
});

export const ReleasedData = disputeData({
  release: Type.Object({ amount: PublicMoney }, { additionalProperties: false }),
});

export const ResolvedData = disputeData({ outcome: PublicOutcome });

export const RefundPaymentData = disputeData({
  refund: Type.Object(
    {
      id: Type.String({ description: 'the refund id POST /v1/refunds/{id}/result answers' }),
      state: Type.Union(
        [
          Type.Literal('pending'),
          Type.Literal('retry_scheduled'),
          Type.Literal('succeeded'),
          Type.Literal('escalated'),
        ],
        {
          description:
            'pending: asked for; retry_scheduled: failed, asked again at retryAt; succeeded: paid; escalated: failed for good, with staff',
        },
      ),
      amount: PublicMoney,
      attempt: Type.Integer({
        minimum: 1,
        description: 'the attempt asked for now (1 for the first)',
      }),
      issuedAt: DateTime,
      retryAt: Type.Optional(DateTime),
      lastFailure: Type.Optional(Type.String({ description: "the payment side's last failure" })),
      settledAt: Type.Optional(DateTime),
    },
    {
      additionalProperties: false,
      description: 'the refund right after this event: a marketplace never pays one twice',
    },
  ),
});

const StandingLevel = Type.Union([
  Type.Literal('good'),
  Type.Literal('warn'),
  Type.Literal('restrict'),
]);

const PublicRate = Type.Object(
  {
    numerator: Type.Integer({ minimum: 0 }),
    denominator: Type.Integer({ minimum: 0 }),
    bp: Type.Integer({ minimum: 0, description: 'basis points, rounded down: 100 = 1%' }),
  },
  { additionalProperties: false },
);

const Threshold = Type.Object(
  {
    rateBp: Type.Integer({ description: 'above this rate (basis points) ...' }),
    count: Type.Integer({ description: '... or above this many disputes' }),
    tier: Type.String({ description: "the policy's name for the penalty at this level" }),
  },
  { additionalProperties: false },
);

export const SellerStandingData = Type.Object(
  {
    sellerId: Type.String(),
    at: DateTime,
    previousLevel: StandingLevel,
    level: StandingLevel,
    tier: Type.Union([Type.String(), Type.Null()], {
      description: "the policy's penalty tier at the new level; null in good standing",
    }),
    direction: Type.Union([Type.Literal('worse'), Type.Literal('better')]),
    metrics: Type.Object(
      {
        disputeRate: PublicRate,
        arbitrationRate: PublicRate,
        sellerResponsibilityRate: PublicRate,
      },
      { additionalProperties: false, description: 'over the policy window, at `at`' },
    ),
    thresholds: Type.Object(
      { warn: Threshold, restrict: Threshold },
      { additionalProperties: false },
    ),
    windowDays: Type.Number({ minimum: 0 }),
    disputes: Type.Array(
      Type.Object(
        {
          disputeId: Type.String(),
          orderId: Type.String(),
          responsibility: Type.String(),
          channel: Type.String(),
          ruledAt: DateTime,
        },
        { additionalProperties: false },
      ),
      { description: 'the rulings against the seller that weigh most: latest first, at most 10' },
    ),
  },
  { additionalProperties: false },
);

export const ChargebackData = Type.Object(
  {
    chargebackId: Type.String(),
    seq: Type.Integer({ minimum: 1 }),
    change: Type.Object({ type: Type.String(), at: DateTime }, { additionalProperties: false }),
    chargeback: Type.Object(
      {
        id: Type.String(),
        orderId: Type.String(),
        sellerId: Type.String(),
        status: Type.String(),
        amount: PublicMoney,
        openedAt: DateTime,
        defenceDueAt: DateTime,
        stage: Type.Union(
          [Type.Literal('inquiry'), Type.Literal('chargeback'), Type.Literal('pre_arbitration')],
          { description: 'the stage the processor reported; each opens a fresh defence window' },
        ),
        reasonCode: Type.Optional(Type.String({ description: "the card network's reason code" })),
        network: Type.Optional(Type.String()),
        fee: Type.Optional(PublicMoney),
        feeBearer: Type.Optional(Type.Union([Type.Literal('seller'), Type.Literal('platform')])),
        amountLost: Type.Optional(PublicMoney),
        conceded: Type.Optional(Type.Boolean({ description: 'the seller accepted it' })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const DeadlineData = Type.Object(
  {
    disputeId: Type.String(),
    status: Type.String(),
    deadline: Type.Object(
      { kind: Type.String(), dueAt: DateTime },
      { additionalProperties: false },
    ),
    chain: PublicChain,
  },
  { additionalProperties: false },
);

/** The envelope every public event shares: Standard Webhooks' {type, timestamp, data} and more. */
export function publicEventSchema(type: string, data: TSchema, description: string): TSchema {
  return Type.Object(
    {
      apiVersion: Type.Literal(PUBLIC_EVENT_VERSION),
      id: Type.String({
        description: 'the event id, also the webhook-id header; `after=` this id in the feed',
      }),
      type: Type.Literal(type),
      timestamp: DateTime,
      data,
    },
    { additionalProperties: false, description },
  );
}
