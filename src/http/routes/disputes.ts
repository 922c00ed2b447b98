// Opening, listing and reading disputes.
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import {
  DISPUTE_REASONS,
  type DisputeId,
  LINES_MAX,
  NOT_RECEIVED_SUB_REASONS,
  nextDeadline,
  type OrderId,
  type Rejection,
  STATUSES,
} from '../../domain/index.ts';
import { loadDisputeCase, viewerOf } from '../../service/dispute-case.ts';
import type { Written } from '../../service/dispute-writer.ts';
import { listDisputes, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../service/queries.ts';
import type { RouteGroup } from '../app.ts';
import { toMoney } from '../convert.ts';
import { keyScope, runKeyed } from '../idempotency.ts';
import { problem, rejectionProblem, sendProblem } from '../problem.ts';
import { disputeResponse, problemResponse } from '../replay.ts';
import { DisputeParams, Id, PROBLEMS } from '../schemas/common.ts';
import { DisputeSummaryView, DisputeView } from '../schemas/dispute-view.ts';
import { RequestInput } from '../schemas/terms.ts';
import { disputeSummary } from '../views/dispute-view.ts';
import { actorOf, actorRef, sendDisputeView } from './dispute-command.ts';

const OpenBody = Type.Object(
  {
    disputeId: Type.Optional(Id),
    orderId: Id,
    reason: Type.Union(DISPUTE_REASONS.map((r) => Type.Literal(r))),
    subReason: Type.Optional(Type.Union(NOT_RECEIVED_SUB_REASONS.map((r) => Type.Literal(r)))),
    request: RequestInput,
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            lineId: Id,
            quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
          },
          { additionalProperties: false },
        ),
        {
          maxItems: LINES_MAX,
          description:
            'The order lines and units disputed; omitted or empty: every line, the whole order',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

const ListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Array(Type.Union(STATUSES.map((s) => Type.Literal(s))), { maxItems: STATUSES.length }),
    ),
    reason: Type.Optional(Type.Union(DISPUTE_REASONS.map((r) => Type.Literal(r)))),
    sort: Type.Optional(
      Type.Union([Type.Literal('next_deadline'), Type.Literal('opened_at')], {
        default: 'next_deadline',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 400 })),
  },
  { additionalProperties: false },
);

export const disputeRoutes: RouteGroup = (app, { runtime }) => {
  app.post(
    '/v1/disputes',
    {
      config: { idempotency: 'in_transaction' },
      schema: {
        tags: ['disputes'],
        summary: 'Open a dispute on an order (buyer)',
        body: OpenBody,
        response: { 201: DisputeView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const b = request.body;
      const disputeId = (b.disputeId ?? randomUUID()) as DisputeId;
      const request_ =
        b.request.kind === 'refund'
          ? { kind: 'refund' as const, amount: toMoney(b.request.amount) }
          : {
              kind: 'return_and_refund' as const,
              amount: toMoney(b.request.amount),
              postagePaidBy: b.request.postagePaidBy,
            };
      // An order the caller does not own is as invisible as one that does not exist.
      const refused = (r: Rejection) =>
        r.code === 'actor.not_party'
          ? problem(404, 'order.not_found', 'no such order')
          : rejectionProblem(r);
      const created = (w: Extract<Written, { ok: true }>) => (w.events.length > 0 ? 201 : 200);
      return runKeyed(runtime, request, reply, async () => {
        const written = await runtime.service.open(
          actor,
          {
            disputeId,
            orderId: b.orderId as OrderId,
            reason: b.reason,
            ...(b.subReason === undefined ? {} : { subReason: b.subReason }),
            request: request_,
            description: b.description,
            ...(b.lines === undefined ? {} : { lines: b.lines }),
          },
          keyScope(request, (w: Written) =>
            w.ok ? disputeResponse(created(w), disputeId) : problemResponse(refused(w.rejection)),
          ),
        );
        if (!written.ok) return sendProblem(reply, refused(written.rejection));
        return sendDisputeView(runtime, reply, disputeId, actor, created(written));
      });
    },
  );

  app.get(
    '/v1/disputes',
    {
      schema: {
        tags: ['disputes'],
        summary: 'List the disputes the caller may see, soonest deadline first',
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(DisputeSummaryView),
            nextCursor: Type.Optional(Type.String()),
          }),
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      if (
        actor.role !== 'buyer' &&
        actor.role !== 'seller' &&
        actor.role !== 'arbitrator' &&
        actor.role !== 'admin'
      ) {
        return sendProblem(
          reply,
          problem(403, 'auth.forbidden', 'integrations learn about disputes through webhooks'),
        );
      }
      const q = request.query;
      try {
        const page = await listDisputes(runtime.store, {
          ...(actor.role === 'buyer' ? { buyerId: actor.id } : {}),
          ...(actor.role === 'seller' ? { sellerId: actor.id } : {}),
          ...(q.status === undefined ? {} : { statuses: q.status }),
          ...(q.reason === undefined ? {} : { reason: q.reason }),
          sort: q.sort ?? 'next_deadline',
          limit: q.limit ?? PAGE_SIZE_DEFAULT,
          ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
        });
        return {
          items: page.items.map(({ dispute, version }) =>
            disputeSummary(
              dispute,
              version,
              nextDeadline(dispute),
              viewerOf(dispute, actorRef(actor)),
            ),
          ),
          ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
        };
      } catch (error) {
        if (error instanceof RangeError)
          return sendProblem(
            reply,
            problem(400, 'request.invalid_cursor', 'the cursor is not one this API gave out'),
          );
        throw error;
      }
    },
  );

  app.get(
    '/v1/disputes/:disputeId',
    {
      schema: {
        tags: ['disputes'],
        summary:
          'Read a dispute: timeline, offers, evidence, tracking, ledger, and your allowed actions',
        params: DisputeParams,
        response: { 200: DisputeView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      return sendDisputeView(runtime, reply, request.params.disputeId, actor);
    },
  );

  app.get(
    '/v1/disputes/:disputeId/events',
    {
      schema: {
        tags: ['disputes'],
        summary: 'The hash-chained event log head (for audits)',
        params: DisputeParams,
        response: {
          200: Type.Object({ events: Type.Integer(), headHash: Type.String() }),
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const c = await loadDisputeCase(runtime.store, request.params.disputeId);
      if (c === undefined || viewerOf(c.dispute, actorRef(actor)).kind === 'none')
        return sendProblem(reply, problem(404, 'dispute.not_found', 'no such dispute'));
      return { events: c.events.length, headHash: c.events.at(-1)?.hash ?? '' };
    },
  );
};
