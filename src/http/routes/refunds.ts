// Refund execution: Settle owes the buyer a refund from the moment it is decided; the
// marketplace's payment side pays it and reports the result here. A refund is a part of its
// dispute (its id names the dispute), so the report runs as a dispute command: idempotent, in the
// dispute's event log and webhooks, and refused (409) when it would count the money twice.
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  type Actor,
  type Dispute,
  type DisputeId,
  disputeIdOfRefund,
  findRefundPayment,
} from '../../domain/index.ts';
import { viewerOf } from '../../service/dispute-case.ts';
import type { Runtime } from '../../service/runtime.ts';
import type { RouteGroup } from '../app.ts';
import { requireRole } from '../auth.ts';
import { keyScope, runKeyed } from '../idempotency.ts';
import { problem, rejectionProblem, sendProblem, sendRejection } from '../problem.ts';
import { problemResponse, refundResponse } from '../replay.ts';
import { PROBLEMS } from '../schemas/common.ts';
import { RefundPaymentView } from '../schemas/dispute-view.ts';
import { refundPaymentViews } from '../views/dispute-view.ts';
import { actorOf, actorRef } from './dispute-command.ts';

export const RefundParams = Type.Object(
  {
    refundId: Type.String({
      minLength: 1,
      // A dispute id (up to 100) and `:refund:<n>`.
      maxLength: 130,
      pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$',
    }),
  },
  { additionalProperties: false },
);

const ResultBody = Type.Object(
  {
    result: Type.Union([Type.Literal('succeeded'), Type.Literal('failed')]),
    failure: Type.Optional(
      Type.String({
        maxLength: 2000,
        description: 'why the payment failed, as the payment side says (failed only)',
      }),
    ),
  },
  { additionalProperties: false },
);

const tags = ['refunds'];

const notFound = (reply: FastifyReply) =>
  sendProblem(reply, problem(404, 'refund.not_found', 'no such refund'));

/** The integration sees every refund (one marketplace per deployment); people, their dispute's. */
function canSee(actor: Actor, d: Dispute): boolean {
  return actor.role === 'integration' || viewerOf(d, actorRef(actor)).kind !== 'none';
}

/** The refund's view if the caller may see it, else undefined. */
export async function visibleRefund(runtime: Runtime, actor: Actor, refundId: string) {
  const disputeId = disputeIdOfRefund(refundId);
  if (disputeId === undefined) return undefined;
  const loaded = await runtime.service.get(disputeId);
  if (loaded === undefined || !canSee(actor, loaded.dispute)) return undefined;
  if (findRefundPayment(loaded.dispute.refundPayments, refundId) === undefined) return undefined;
  return refundPaymentViews(loaded.dispute).find((r) => r.id === refundId);
}

export const refundRoutes: RouteGroup = (app, { runtime }) => {
  app.get(
    '/v1/refunds/:refundId',
    {
      schema: {
        tags,
        summary: 'Read a refund owed to a buyer and how its payment went',
        description:
          'The integration reads every refund; a dispute’s parties and staff read its refunds (they are also in the dispute view).',
        params: RefundParams,
        response: { 200: RefundPaymentView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const view = await visibleRefund(runtime, actor, request.params.refundId);
      return view === undefined ? notFound(reply) : view;
    },
  );

  app.post(
    '/v1/refunds/:refundId/result',
    {
      config: { idempotency: 'in_transaction' },
      schema: {
        tags,
        summary: 'Report how a refund’s payment went (the marketplace’s payment side)',
        description:
          'succeeded moves the refund from owed to paid in the ledger, once: a second success, or any result after the refund was handed to staff, answers 409. failed asks for another attempt after a day, at most 3 attempts in all, then hands the refund to staff.',
        params: RefundParams,
        body: ResultBody,
        response: { 200: RefundPaymentView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      if (!requireRole(request, reply, ['integration'])) return reply;
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const { refundId } = request.params;
      if ((await visibleRefund(runtime, actor, refundId)) === undefined) return notFound(reply);
      const disputeId = disputeIdOfRefund(refundId) as DisputeId;
      const b = request.body;
      return runKeyed(runtime, request, reply, async () => {
        const written = await runtime.service.handle(
          disputeId,
          actor,
          {
            type: 'record_refund_result',
            refundId,
            result: b.result,
            ...(b.failure === undefined ? {} : { failure: b.failure }),
          },
          keyScope(request, (w) =>
            w.ok ? refundResponse(200, refundId) : problemResponse(rejectionProblem(w.rejection)),
          ),
        );
        if (!written.ok) return sendRejection(reply, written.rejection);
        const view = refundPaymentViews(written.dispute).find((r) => r.id === refundId);
        return view === undefined ? notFound(reply) : view;
      });
    },
  );
};
