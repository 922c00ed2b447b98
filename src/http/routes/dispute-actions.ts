// One route per engine action. Each validates its body with TypeBox, turns it into the engine's
// command (the actor comes from authentication, never the body) and answers with the dispute
// as the caller now sees it.
import { randomUUID } from 'node:crypto';
import { type Static, type TSchema, Type } from 'typebox';
import {
  ATTACHMENTS_MAX,
  type DisputeCommand,
  EVIDENCE_KINDS,
  type EvidenceId,
  type EvidenceRequestId,
  FINDINGS,
  type MessageId,
  type OfferId,
  RETURN_CONDITIONS,
} from '../../domain/index.ts';
import type { App, RouteGroup } from '../app.ts';
import { toInstant, toRuling, toTerms } from '../convert.ts';
import { DateTime, DisputeParams, Id, Note, PROBLEMS } from '../schemas/common.ts';
import { DisputeView, UploaderSchema } from '../schemas/dispute-view.ts';
import { RulingInput, TermsInput } from '../schemas/terms.ts';
import { runDisputeCommand } from './dispute-command.ts';

type Command = Exclude<DisputeCommand, { type: 'open' }>;

const Empty = Type.Object({}, { additionalProperties: false });
const OfferParams = Type.Object({ disputeId: Id, offerId: Id }, { additionalProperties: false });
const EvidenceParams = Type.Object(
  { disputeId: Id, evidenceId: Id },
  { additionalProperties: false },
);
const Tracking = Type.Object(
  {
    carrier: Type.String({ minLength: 1, maxLength: 200 }),
    trackingNumber: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
const Finding = Type.Union(FINDINGS.map((f) => Type.Literal(f)));

interface Action<B extends TSchema, P extends TSchema> {
  readonly url: string;
  readonly summary: string;
  readonly params: P;
  readonly body: B;
  readonly command: (body: Static<B>, params: Static<P>) => Command;
}

function action<B extends TSchema, P extends TSchema>(
  app: App,
  runtime: Parameters<RouteGroup>[1]['runtime'],
  a: Action<B, P>,
): void {
  app.post(
    a.url,
    {
      config: { idempotency: 'in_transaction' },
      schema: {
        tags: ['dispute actions'],
        summary: a.summary,
        params: a.params,
        body: a.body,
        response: { 200: DisputeView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const params = request.params as Static<P> & { disputeId: string };
      return runDisputeCommand(
        runtime,
        request,
        reply,
        params.disputeId,
        a.command(request.body as Static<B>, params),
      );
    },
  );
}

export const disputeActionRoutes: RouteGroup = (app, { runtime }) => {
  const route = <B extends TSchema, P extends TSchema>(a: Action<B, P>) => action(app, runtime, a);

  route({
    url: '/v1/disputes/:disputeId/offers',
    summary: 'Propose an offer: refund, return and refund, store coupon or replacement',
    params: DisputeParams,
    body: Type.Object(
      { offerId: Type.Optional(Id), terms: TermsInput, note: Type.Optional(Note) },
      { additionalProperties: false },
    ),
    command: (b) => ({
      type: 'propose_offer',
      offerId: (b.offerId ?? randomUUID()) as OfferId,
      terms: toTerms(b.terms),
      note: b.note ?? '',
    }),
  });
  route({
    url: '/v1/disputes/:disputeId/offers/:offerId/accept',
    summary: 'Accept the other side’s offer (or, as the seller, the buyer’s request)',
    params: OfferParams,
    body: Empty,
    command: (_b, p) => ({ type: 'accept_offer', offerId: p.offerId as OfferId }),
  });
  route({
    url: '/v1/disputes/:disputeId/offers/:offerId/reject',
    summary:
      'Reject an offer, with a reason and optionally a counter-offer (required for the seller’s first answer)',
    params: OfferParams,
    body: Type.Object(
      {
        reason: Type.String({ minLength: 1, maxLength: 2000 }),
        counter: Type.Optional(
          Type.Object(
            { offerId: Type.Optional(Id), terms: TermsInput, note: Type.Optional(Note) },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    command: (b, p) => ({
      type: 'reject_offer',
      offerId: p.offerId as OfferId,
      reason: b.reason,
      ...(b.counter === undefined
        ? {}
        : {
            counter: {
              offerId: (b.counter.offerId ?? randomUUID()) as OfferId,
              terms: toTerms(b.counter.terms),
              note: b.counter.note ?? '',
            },
          }),
    }),
  });
  route({
    url: '/v1/disputes/:disputeId/evidence-requests',
    summary: 'Ask a party for evidence of given kinds, with a due date',
    params: DisputeParams,
    body: Type.Object(
      {
        requestId: Type.Optional(Id),
        from: Type.Union([Type.Literal('buyer'), Type.Literal('seller')]),
        kinds: Type.Array(Type.Union(EVIDENCE_KINDS.map((k) => Type.Literal(k))), {
          minItems: 1,
          maxItems: 8,
        }),
        note: Type.Optional(Note),
        dueAt: Type.Optional(DateTime),
      },
      { additionalProperties: false },
    ),
    command: (b) => ({
      type: 'request_evidence',
      requestId: (b.requestId ?? randomUUID()) as EvidenceRequestId,
      from: b.from,
      kinds: b.kinds,
      note: b.note ?? '',
      ...(b.dueAt === undefined ? {} : { dueAt: toInstant(b.dueAt) }),
    }),
  });
  route({
    url: '/v1/disputes/:disputeId/evidence/:evidenceId/findings',
    summary: 'Confirm or correct the findings stated on a piece of evidence (arbitrator)',
    params: EvidenceParams,
    body: Type.Object(
      { findings: Type.Array(Finding, { maxItems: 5 }), uploadedBy: Type.Optional(UploaderSchema) },
      { additionalProperties: false },
    ),
    command: (b, p) => ({
      type: 'confirm_findings',
      evidenceId: p.evidenceId as EvidenceId,
      ...(b.uploadedBy === undefined ? {} : { uploadedBy: b.uploadedBy }),
      findings: b.findings,
    }),
  });
  route({
    url: '/v1/disputes/:disputeId/messages',
    summary:
      'Post a message; a party may mark it for the arbitrator only, attach evidence it uploaded, and add a translation',
    params: DisputeParams,
    body: Type.Object(
      {
        messageId: Type.Optional(Id),
        body: Type.String({ minLength: 1, maxLength: 4000 }),
        arbitratorOnly: Type.Optional(Type.Boolean()),
        attachments: Type.Optional(
          Type.Array(Id, {
            maxItems: ATTACHMENTS_MAX,
            description: 'ids of evidence the sender uploaded to this dispute',
          }),
        ),
        translation: Type.Optional(
          Type.Object(
            {
              text: Type.String({ minLength: 1, maxLength: 4000 }),
              language: Type.String({
                minLength: 2,
                maxLength: 35,
                description: 'a BCP 47 language tag: en, zh-Hans, pt-BR',
              }),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    command: (b) => ({
      type: 'post_message',
      messageId: (b.messageId ?? randomUUID()) as MessageId,
      body: b.body,
      arbitratorOnly: b.arbitratorOnly ?? false,
      ...(b.attachments === undefined ? {} : { attachments: b.attachments as EvidenceId[] }),
      ...(b.translation === undefined ? {} : { translation: b.translation }),
    }),
  });
  route({
    url: '/v1/disputes/:disputeId/cancel',
    summary: 'Cancel the dispute (buyer, before a ruling)',
    params: DisputeParams,
    body: Type.Object({ reason: Type.Optional(Note) }, { additionalProperties: false }),
    command: (b) => ({ type: 'cancel', reason: b.reason ?? '' }),
  });
  route({
    url: '/v1/disputes/:disputeId/escalate',
    summary:
      'Escalate to platform arbitration; from the return stage the reason is fixed by the system',
    params: DisputeParams,
    body: Type.Object(
      {
        note: Type.Optional(Note),
        goodsProblem: Type.Optional(
          Type.Union([Type.Literal('wrong_item'), Type.Literal('damaged')]),
        ),
      },
      { additionalProperties: false },
    ),
    command: (b) => ({
      type: 'escalate',
      note: b.note ?? '',
      ...(b.goodsProblem === undefined ? {} : { goodsProblem: b.goodsProblem }),
    }),
  });
  route({
    url: '/v1/disputes/:disputeId/escalation/withdraw',
    summary:
      'Withdraw your own escalation before the ruling; the countdown resumes with its remaining time',
    params: DisputeParams,
    body: Empty,
    command: () => ({ type: 'withdraw_escalation' }),
  });
  route({
    url: '/v1/disputes/:disputeId/return-label',
    summary:
      'Supply the return tracking number and, optionally, the label file (seller, local-return markets)',
    params: DisputeParams,
    body: Type.Object(
      {
        ...Tracking.properties,
        // The label file (PDF or image), uploaded first as the seller's return_label evidence.
        labelEvidenceId: Type.Optional(Id),
      },
      { additionalProperties: false },
    ),
    command: (b) => ({
      type: 'supply_return_label',
      carrier: b.carrier,
      trackingNumber: b.trackingNumber,
      ...(b.labelEvidenceId === undefined
        ? {}
        : { labelEvidenceId: b.labelEvidenceId as EvidenceId }),
    }),
  });
  route({
    url: '/v1/disputes/:disputeId/return-details',
    summary:
      'Give the return address and, if you keep your own, the RMA number (seller, before the buyer ships)',
    params: DisputeParams,
    body: Type.Object(
      {
        address: Type.Optional(
          Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 200 }),
              lines: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
                minItems: 1,
                maxItems: 4,
              }),
              city: Type.String({ minLength: 1, maxLength: 200 }),
              postalCode: Type.String({ minLength: 1, maxLength: 200 }),
              region: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
              country: Type.String({ pattern: '^[A-Z]{2}$' }),
            },
            { additionalProperties: false },
          ),
        ),
        rmaNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
    command: (b) => ({
      type: 'set_return_details',
      ...(b.address === undefined ? {} : { address: b.address }),
      ...(b.rmaNumber === undefined ? {} : { rmaNumber: b.rmaNumber }),
    }),
  });
  route({
    url: '/v1/disputes/:disputeId/return-shipment',
    summary: 'Ship the return (buyer): the seller’s confirm-receipt countdown starts',
    params: DisputeParams,
    body: Tracking,
    command: (b) => ({ type: 'ship_return', carrier: b.carrier, trackingNumber: b.trackingNumber }),
  });
  route({
    url: '/v1/disputes/:disputeId/return-receipt',
    summary:
      'Confirm the return arrived and record its condition (seller): as described, the refund executes; anything else escalates with that condition as the fixed reason',
    params: DisputeParams,
    body: Type.Object(
      {
        condition: Type.Optional(Type.Union(RETURN_CONDITIONS.map((c) => Type.Literal(c)))),
        note: Type.Optional(Note),
      },
      { additionalProperties: false },
    ),
    command: (b) => ({
      type: 'confirm_receipt',
      ...(b.condition === undefined ? {} : { condition: b.condition }),
      ...(b.note === undefined ? {} : { note: b.note }),
    }),
  });
  route({
    url: '/v1/disputes/:disputeId/replacement-shipment',
    summary: 'Ship the agreed replacement (seller)',
    params: DisputeParams,
    body: Tracking,
    command: (b) => ({
      type: 'ship_replacement',
      carrier: b.carrier,
      trackingNumber: b.trackingNumber,
    }),
  });
  route({
    url: '/v1/disputes/:disputeId/ruling',
    summary: 'Rule: outcome, responsibility, reason code and note (arbitrator)',
    params: DisputeParams,
    body: RulingInput,
    command: (b) => ({ type: 'rule', ruling: toRuling(b) }),
  });
  route({
    url: '/v1/disputes/:disputeId/appeal',
    summary: 'Appeal the ruling once, inside the appeal window, naming new evidence',
    params: DisputeParams,
    body: Type.Object(
      {
        note: Type.String({ minLength: 1, maxLength: 2000 }),
        evidenceIds: Type.Array(Id, { minItems: 1, maxItems: 20 }),
      },
      { additionalProperties: false },
    ),
    command: (b) => ({ type: 'appeal', note: b.note, evidenceIds: b.evidenceIds as EvidenceId[] }),
  });
  route({
    url: '/v1/disputes/:disputeId/appeal/decision',
    summary: 'Decide an appeal (a different arbitrator): uphold, or overturn with a new ruling',
    params: DisputeParams,
    body: Type.Object(
      {
        decision: Type.Union([Type.Literal('upheld'), Type.Literal('overturned')]),
        ruling: Type.Optional(RulingInput),
      },
      { additionalProperties: false },
    ),
    command: (b) => ({
      type: 'decide_appeal',
      decision: b.decision,
      ...(b.ruling === undefined ? {} : { ruling: toRuling(b.ruling) }),
    }),
  });
};
