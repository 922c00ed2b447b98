// Opening, listing and reading disputes.
import { randomUUID } from 'node:crypto';
import { type Static, Type } from 'typebox';
import {
  DEADLINE_KINDS,
  DISPUTE_REASONS,
  type DisputeId,
  LINES_MAX,
  NOT_RECEIVED_SUB_REASONS,
  nextDeadline,
  type OrderId,
  type Rejection,
  type RequestTerms,
  STATUSES,
} from '../../domain/index.ts';
import { readerOf, readerOfParties } from '../../service/dispute-case.ts';
import { readDisputeParties } from '../../service/dispute-view-data.ts';
import type { Written } from '../../service/dispute-writer.ts';
import {
  countDisputes,
  type DisputeFilter,
  eventHeads,
  listDisputes,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
} from '../../service/queries.ts';
import { TIMELINE_PAGE_DEFAULT, TIMELINE_PAGE_MAX, timelinePage } from '../../service/timeline.ts';
import type { RouteGroup } from '../app.ts';
import { conditionalGet } from '../conditional-get.ts';
import { iso, toTerms } from '../convert.ts';
import { keyScope, runKeyed } from '../idempotency.ts';
import { problem, rejectionProblem, sendProblem } from '../problem.ts';
import { disputeResponse, problemResponse } from '../replay.ts';
import { DateTime, DisputeParams, Id, PROBLEMS } from '../schemas/common.ts';
import { DisputeSummaryView, DisputeView, TimelineEntrySchema } from '../schemas/dispute-view.ts';
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
    orderId: Type.Optional(Id),
    buyerId: Type.Optional(Id),
    sellerId: Type.Optional(Id),
    market: Type.Optional(
      Type.String({
        pattern: '^(buyer|seller):[A-Z]{2}$',
        description: "`buyer:IT` or `seller:CN`: the buyer's or the seller's country",
      }),
    ),
    openedFrom: Type.Optional(DateTime),
    openedTo: Type.Optional(DateTime),
    updatedFrom: Type.Optional(DateTime),
    updatedTo: Type.Optional(DateTime),
    deadlineBefore: Type.Optional(
      Type.String({ format: 'date-time', description: 'only disputes due to act before this' }),
    ),
    nextDeadline: Type.Optional(
      Type.Array(Type.Union(DEADLINE_KINDS.map((k) => Type.Literal(k))), {
        maxItems: DEADLINE_KINDS.length,
        description:
          'only disputes whose next deadline is one of these kinds (a seller’s: seller_response, return_label, confirm_receipt, replacement_delivery)',
      }),
    ),
    sort: Type.Optional(
      Type.Union(
        [Type.Literal('next_deadline'), Type.Literal('opened_at'), Type.Literal('updated_at')],
        {
          default: 'next_deadline',
          description:
            'next_deadline: soonest first; opened_at: newest first; updated_at: oldest change first (to sync what changed since a time)',
        },
      ),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 400 })),
  },
  { additionalProperties: false },
);

/** The caller's filters; who they are scopes the list on top (buyer, seller staff). */
function listFilter(q: Static<typeof ListQuery>): DisputeFilter {
  const at = (text: string | undefined) => (text === undefined ? undefined : Date.parse(text));
  const [side, country] = (q.market ?? '').split(':');
  const optional = {
    statuses: q.status,
    reason: q.reason,
    orderId: q.orderId,
    buyer: q.buyerId,
    seller: q.sellerId,
    market:
      country === undefined ? undefined : { side: side === 'buyer' ? 'buyer' : 'seller', country },
    openedFrom: at(q.openedFrom),
    openedTo: at(q.openedTo),
    updatedFrom: at(q.updatedFrom),
    updatedTo: at(q.updatedTo),
    deadlineBefore: at(q.deadlineBefore),
    nextDeadlineKinds: q.nextDeadline,
    cursor: q.cursor,
  } as const;
  return {
    ...(Object.fromEntries(
      Object.entries(optional).filter(([, v]) => v !== undefined),
    ) as Partial<DisputeFilter>),
    sort: q.sort ?? 'next_deadline',
    limit: q.limit ?? PAGE_SIZE_DEFAULT,
  };
}

const TimelineQuery = Type.Object(
  {
    after: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1_000_000,
        default: 0,
        description: 'the last `seq` you have (0: from the start)',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: TIMELINE_PAGE_MAX, default: TIMELINE_PAGE_DEFAULT }),
    ),
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
      const request_ = toTerms(b.request) as RequestTerms;
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
        return sendDisputeView(runtime, reply, disputeId, actor, created(written), written);
      });
    },
  );

  app.get(
    '/v1/disputes',
    {
      onSend: conditionalGet,
      schema: {
        tags: ['disputes'],
        summary:
          "List the disputes the caller may see (a buyer their own, seller staff their store's, the integration and staff every one), soonest deadline first",
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
      if (actor.role === 'system') {
        return sendProblem(reply, problem(403, 'auth.forbidden', 'not for this caller'));
      }
      try {
        const page = await listDisputes(runtime.store, {
          ...(actor.role === 'buyer' ? { buyerId: actor.id } : {}),
          ...(actor.role === 'seller' ? { sellerId: actor.id } : {}),
          ...listFilter(request.query),
        });
        return {
          items: page.items.map(({ dispute, version }) =>
            disputeSummary(
              dispute,
              version,
              nextDeadline(dispute),
              readerOf(dispute, actorRef(actor)),
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
    '/v1/disputes/counts',
    {
      onSend: conditionalGet,
      schema: {
        tags: ['disputes'],
        summary:
          'How many of the disputes the caller may see there are per status, reason, market and next deadline (the counts beside the list’s filters)',
        response: {
          200: Type.Object({
            total: Type.Integer(),
            status: Type.Record(Type.String(), Type.Integer()),
            reason: Type.Record(Type.String(), Type.Integer()),
            buyerMarket: Type.Record(Type.String(), Type.Integer(), {
              description: 'by the buyer’s country (the `buyer:XX` market filter)',
            }),
            sellerMarket: Type.Record(Type.String(), Type.Integer(), {
              description: 'by the seller’s country (the `seller:XX` market filter)',
            }),
            nextDeadline: Type.Record(Type.String(), Type.Integer(), {
              description: 'by the kind of the next deadline (the `nextDeadline` filter)',
            }),
          }),
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      if (actor.role === 'system')
        return sendProblem(reply, problem(403, 'auth.forbidden', 'not for this caller'));
      return countDisputes(runtime.store, {
        ...(actor.role === 'buyer' ? { buyerId: actor.id } : {}),
        ...(actor.role === 'seller' ? { sellerId: actor.id } : {}),
      });
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
    '/v1/disputes/:disputeId/timeline',
    {
      schema: {
        tags: ['disputes'],
        summary:
          'Page through the timeline, oldest first: the entries after your own number `after` (the view carries only the latest)',
        params: DisputeParams,
        querystring: TimelineQuery,
        response: {
          200: Type.Object({
            items: Type.Array(TimelineEntrySchema),
            nextAfter: Type.Optional(
              Type.Integer({
                description: 'pass as `after` for the next page; absent on the last',
              }),
            ),
          }),
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const id = request.params.disputeId;
      const parties = await readDisputeParties(runtime.store, id);
      const viewer = parties === undefined ? undefined : readerOfParties(parties, actorRef(actor));
      if (viewer === undefined || viewer.kind === 'none')
        return sendProblem(reply, problem(404, 'dispute.not_found', 'no such dispute'));
      const page = await timelinePage(
        runtime.store.db,
        id,
        viewer,
        request.query.after ?? 0,
        request.query.limit ?? TIMELINE_PAGE_DEFAULT,
      );
      return {
        items: page.items.map((e) => ({
          seq: e.seq,
          type: e.type,
          at: iso(e.at),
          by: e.by,
          ...(viewer.kind === 'staff' && e.via !== undefined ? { via: e.via } : {}),
        })),
        ...(page.nextAfter === undefined ? {} : { nextAfter: page.nextAfter }),
      };
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
      const id = request.params.disputeId;
      const parties = await readDisputeParties(runtime.store, id);
      if (parties === undefined || readerOfParties(parties, actorRef(actor)).kind === 'none')
        return sendProblem(reply, problem(404, 'dispute.not_found', 'no such dispute'));
      // The head alone: its seq is the count of events (seq runs 1..n without gaps).
      const head = await eventHeads(runtime.store.db, id);
      return { events: head?.seq ?? 0, headHash: head?.hash ?? '' };
    },
  );
};
