// The dispute as the API shows it to one viewer: what happened, what is visible to them, and
// what they may do now. Money as decimal strings, times as ISO 8601.
import { type Static, Type } from 'typebox';
import { DateTime, Money } from './common.ts';

const Terms = Type.Object({
  kind: Type.Union([
    Type.Literal('refund'),
    Type.Literal('return_and_refund'),
    Type.Literal('coupon'),
    Type.Literal('replacement'),
  ]),
  amount: Type.Optional(Money),
  postagePaidBy: Type.Optional(Type.String()),
  postage: Type.Optional(Money),
  value: Type.Optional(Money),
  minSpend: Type.Optional(Money),
  expiresAt: Type.Optional(DateTime),
});

const Offer = Type.Object({
  id: Type.String(),
  by: Type.String(),
  terms: Terms,
  note: Type.String(),
  at: DateTime,
  status: Type.String(),
});

/**
 * Who added a file. Ids are unique per uploader: when two files a caller sees share an id, this
 * names which one (`?by=` on the file routes, `uploadedBy` when confirming findings).
 */
export const UploaderSchema = Type.Union(
  [Type.Literal('buyer'), Type.Literal('seller'), Type.Literal('arbitrator')],
  { description: 'the uploader, when two files the caller sees share this id' },
);

/** One piece of evidence as a viewer sees it (the dispute view and the upload route share it). */
export const EvidenceView = Type.Object({
  id: Type.String(),
  by: Type.String(),
  kind: Type.String(),
  findings: Type.Array(Type.String()),
  confirmedFindings: Type.Optional(Type.Array(Type.String())),
  sha256: Type.String(),
  mediaType: Type.String(),
  bytes: Type.Integer(),
  fileName: Type.String(),
  note: Type.String(),
  arbitratorOnly: Type.Boolean(),
  supersedes: Type.Optional(Type.String()),
  supersededBy: Type.Optional(Type.String()),
  at: DateTime,
  fileUrl: Type.String(),
  thumbnailUrl: Type.Optional(Type.String()),
});

const EvidenceRequest = Type.Object({
  id: Type.String(),
  by: Type.String(),
  from: Type.String(),
  kinds: Type.Array(Type.String()),
  note: Type.String(),
  dueAt: DateTime,
  status: Type.String(),
});

const Message = Type.Object({
  id: Type.String(),
  by: Type.String(),
  body: Type.String(),
  arbitratorOnly: Type.Boolean(),
  at: DateTime,
  attachments: Type.Optional(
    Type.Array(Type.String(), {
      description:
        'ids of evidence the sender uploaded to this dispute (see `evidence`); only those the viewer may see',
    }),
  ),
  translation: Type.Optional(
    Type.Object(
      { text: Type.String(), language: Type.String({ description: 'a BCP 47 language tag' }) },
      { description: 'the message in another language, next to the original `body`' },
    ),
  ),
});

const DisputedLineView = Type.Object({
  lineId: Type.String(),
  sku: Type.String(),
  title: Type.String(),
  quantity: Type.Integer({ description: 'the units this dispute covers' }),
  orderedQuantity: Type.Integer(),
  unitPrice: Money,
  lineTotal: Money,
  refundedByOthers: Money,
  refundCap: Money,
});

const Shipment = Type.Object({
  carrier: Type.String(),
  trackingNumber: Type.String(),
  at: DateTime,
});

const Ruling = Type.Object({
  by: Type.String(),
  at: DateTime,
  outcome: Type.Object({
    kind: Type.String(),
    amount: Type.Optional(Money),
    postagePaidBy: Type.Optional(Type.String()),
    postage: Type.Optional(Money),
  }),
  responsibility: Type.String(),
  reasonCode: Type.String(),
  note: Type.String(),
});

const Resolution = Type.Object({
  outcome: Type.String(),
  refunded: Money,
  responsibility: Type.String(),
  how: Type.String(),
  at: DateTime,
});

export const ReturnAddressSchema = Type.Object(
  {
    name: Type.String(),
    lines: Type.Array(Type.String()),
    city: Type.String(),
    postalCode: Type.String(),
    region: Type.Optional(Type.String()),
    country: Type.String(),
  },
  { description: 'where the buyer sends the goods back' },
);

/** A refund owed to the buyer and how its payment by the marketplace went. */
export const RefundPaymentView = Type.Object({
  id: Type.String({ description: 'report the payment with POST /v1/refunds/{id}/result' }),
  disputeId: Type.String(),
  amount: Money,
  status: Type.Union(
    [
      Type.Literal('pending'),
      Type.Literal('retry_scheduled'),
      Type.Literal('succeeded'),
      Type.Literal('escalated'),
    ],
    {
      description:
        'pending: to be paid (again); retry_scheduled: the last attempt failed, the next is asked for at retryAt; succeeded: paid; escalated: failed for good, settled by staff',
    },
  ),
  attempt: Type.Integer({ description: 'the attempt asked for now, from 1' }),
  attemptsMax: Type.Integer(),
  issuedAt: DateTime,
  retryAt: Type.Optional(DateTime),
  lastFailure: Type.Optional(Type.String()),
  settledAt: Type.Optional(DateTime),
});

const DueDate = Type.Object({
  kind: Type.String(),
  dueAt: DateTime,
  owner: Type.String(),
  key: Type.Optional(Type.String()),
});

/**
 * One entry of the timeline, numbered as the viewer sees it: a party's entries run 1..n with no
 * gap where something is hidden from them, staff see the stored seq.
 */
export const TimelineEntrySchema = Type.Object({
  seq: Type.Integer(),
  type: Type.String(),
  at: DateTime,
  by: Type.String(),
  via: Type.Optional(
    Type.String({
      description: 'staff only: the id of the API key that acted for this party (Settle-Act-As)',
    }),
  ),
});

export const DisputeSummaryViewSchema = Type.Object({
  id: Type.String(),
  status: Type.String(),
  reason: Type.String(),
  orderId: Type.String(),
  sellerId: Type.String(),
  buyerId: Type.String(),
  paid: Money,
  requested: Money,
  openedAt: DateTime,
  nextDueAt: Type.Optional(DateTime),
  nextDeadline: Type.Optional(Type.String()),
  version: Type.Integer(),
});

export const DisputeViewSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  status: Type.String(),
  reason: Type.String(),
  subReason: Type.Optional(Type.String()),
  description: Type.String(),
  openedAt: DateTime,
  policyVersions: Type.Array(Type.String(), {
    description:
      'the policy versions this dispute runs on, from least to most specific (`*#2`, `seller:CN#1`, `buyer:IT#3`), copied when it opened; empty: the defaults',
  }),
  order: Type.Object({
    orderId: Type.String(),
    sellerId: Type.String(),
    buyerId: Type.String(),
    buyerCountry: Type.String(),
    sellerCountry: Type.String(),
    paid: Money,
    outboundChannel: Type.String(),
    deliveredAt: Type.Optional(DateTime),
    completedAt: Type.Optional(DateTime),
  }),
  offers: Type.Array(Offer),
  evidence: Type.Array(EvidenceView),
  evidenceRequests: Type.Array(EvidenceRequest),
  messages: Type.Array(Message),
  lines: Type.Optional(
    Type.Array(DisputedLineView, {
      description:
        'the order lines and units this dispute covers, each with what it may refund on the line (`refundCap`); an order fed without lines is one line, id 1',
    }),
  ),
  /** What this dispute may still refund: capped by its lines and by the order. */
  refundable: Type.Optional(Money),
  returnPlan: Type.Optional(
    Type.Object({
      amount: Money,
      postagePaidBy: Type.String(),
      postage: Type.Optional(Money),
      rmaNumber: Type.Optional(Type.String()),
      address: Type.Optional(ReturnAddressSchema),
      via: Type.String(),
      label: Type.Optional(Shipment),
      labelEvidenceId: Type.Optional(
        Type.String({ description: 'the label file: the seller’s evidence of kind return_label' }),
      ),
      shipment: Type.Optional(Shipment),
      deliveredAt: Type.Optional(DateTime),
      condition: Type.Optional(
        Type.String({ description: 'what the seller found in the returned parcel' }),
      ),
      receivedAt: Type.Optional(DateTime),
    }),
  ),
  replacement: Type.Optional(Type.Object({ shipment: Type.Optional(Shipment) })),
  escalation: Type.Optional(
    Type.Object({ by: Type.String(), at: DateTime, reason: Type.String(), note: Type.String() }),
  ),
  ruling: Type.Optional(Ruling),
  resolution: Type.Optional(Resolution),
  appeal: Type.Optional(
    Type.Object({
      by: Type.String(),
      at: DateTime,
      note: Type.String(),
      decision: Type.Optional(Type.String()),
    }),
  ),
  appealDueAt: Type.Optional(DateTime),
  refunded: Money,
  refunds: Type.Array(RefundPaymentView, {
    description: 'refunds owed to the buyer and their payment; empty before refund execution',
  }),
  couponCode: Type.Optional(Type.String()),
  viewer: Type.Object({
    role: Type.String(),
    actions: Type.Array(Type.String(), {
      description: 'what this viewer may do now; clients render only these',
    }),
    dueDates: Type.Array(DueDate),
    nextDueAt: Type.Optional(DateTime),
    rulingTargetAt: Type.Optional(DateTime),
  }),
  suggestion: Type.Optional(
    Type.Object(
      {
        responsibility: Type.Optional(Type.String()),
        outcome: Type.Optional(Type.String()),
        reasons: Type.Array(Type.String()),
        facts: Type.Array(
          Type.Object({
            code: Type.String({ description: 'the reason as a stable code, for translation' }),
            source: Type.Optional(
              Type.Object({
                evidenceId: Type.String(),
                kind: Type.String(),
                by: Type.String(),
                confirmed: Type.Boolean(),
              }),
            ),
            at: Type.Optional(DateTime),
            reason: Type.Optional(Type.String()),
          }),
          { description: 'the same reasons as data, in the same order' },
        ),
      },
      { description: 'arbitrators only' },
    ),
  ),
  timeline: Type.Array(TimelineEntrySchema, {
    description:
      'the latest 50 entries you may see, oldest first; when the first `seq` is above 1, the earlier ones are at GET /v1/disputes/{id}/timeline',
  }),
  tracking: Type.Array(
    Type.Object({
      shipmentId: Type.String(),
      direction: Type.String(),
      channel: Type.String(),
      carrier: Type.String(),
      trackingNumber: Type.String(),
      events: Type.Array(
        Type.Object({
          status: Type.String(),
          at: DateTime,
          place: Type.Union([Type.String(), Type.Null()]),
          signed: Type.Boolean(),
        }),
      ),
    }),
  ),
  ledger: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      at: DateTime,
      postings: Type.Array(
        Type.Object({
          account: Type.String(),
          amountMinor: Type.String(),
          currency: Type.String(),
        }),
      ),
    }),
  ),
});

export const DisputeView = Type.Unsafe<Static<typeof DisputeViewSchema>>(Type.Ref('DisputeView'));
export const DisputeSummaryView = Type.Unsafe<Static<typeof DisputeSummaryViewSchema>>(
  Type.Ref('DisputeSummary'),
);

/** Registered by buildApp before any route refers to them. */
export const SHARED_SCHEMAS = [
  { ...DisputeViewSchema, $id: 'DisputeView' },
  { ...DisputeSummaryViewSchema, $id: 'DisputeSummary' },
];
