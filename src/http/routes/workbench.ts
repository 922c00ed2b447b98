// The arbitration workbench (issue 12): the queue with filters and sorts, claiming and releasing
// a case, internal notes, and the ruling preview (who funds a refund, what each responsibility
// does to the seller's rates). Staff only: to anyone else a case's claim and notes do not exist.
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { type Static, Type } from 'typebox';
import {
  type Actor,
  type Dispute,
  fundingFor,
  HOUR_MS,
  nextDeadline,
  refundableMinor,
} from '../../domain/index.ts';
import { readDisputeState } from '../../service/dispute-view-data.ts';
import { rulingImpactFor } from '../../service/seller-metrics.ts';
import {
  type Claim,
  claimCase,
  isWaiting,
  liveClaims,
  releaseCase,
} from '../../service/workbench/claims.ts';
import { addNote, listNotes, NOTE_CHARS_MAX } from '../../service/workbench/notes.ts';
import { QUEUE_SORTS, type QueueSort, workbenchQueue } from '../../service/workbench/queue.ts';
import type { RouteGroup } from '../app.ts';
import { iso, wire } from '../convert.ts';
import { problem, sendProblem } from '../problem.ts';
import { DisputeParams, Money, PROBLEMS } from '../schemas/common.ts';
import { DisputeSummaryView } from '../schemas/dispute-view.ts';
import { disputeSummary } from '../views/dispute-view.ts';
import { actorOf } from './dispute-command.ts';

const Responsibility = Type.Union([
  Type.Literal('seller'),
  Type.Literal('logistics'),
  Type.Literal('buyer'),
  Type.Literal('none'),
]);
const ClaimView = Type.Object({
  staffId: Type.String(),
  staffName: Type.String(),
  claimedAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
});
const NoteView = Type.Object({
  id: Type.String(),
  staffId: Type.String(),
  staffName: Type.String(),
  body: Type.String(),
  at: Type.String({ format: 'date-time' }),
});
const Rate = Type.Object({
  numerator: Type.Integer(),
  denominator: Type.Integer(),
  bp: Type.Integer({ description: 'basis points: 100 = 1%' }),
});
const Metrics = Type.Object({
  disputeRate: Rate,
  arbitrationRate: Rate,
  sellerResponsibilityRate: Rate,
  warning: Type.Boolean(),
});

const QueueQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    kind: Type.Optional(
      Type.Union([Type.Literal('arbitration'), Type.Literal('appeal')], {
        description:
          'arbitration: waiting for a first ruling; appeal: an appeal to decide (never one against your own ruling)',
      }),
    ),
    reason: Type.Optional(Type.String({ pattern: '^[a-z_]{1,40}$' })),
    market: Type.Optional(
      Type.String({
        pattern: '^(buyer|seller):[A-Z]{2}$',
        description: "`buyer:IT` or `seller:CN`: the buyer's or the seller's country",
      }),
    ),
    channel: Type.Optional(Type.Union([Type.Literal('platform'), Type.Literal('seller')])),
    suggested: Type.Optional(
      Type.Union([...Responsibility.anyOf, Type.Literal('unknown')], {
        description: 'the suggested responsibility; `unknown`: no rule suggests one yet',
      }),
    ),
    overdue: Type.Optional(Type.Boolean()),
    waitingHoursMin: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 100_000,
        description: 'waiting at least this many hours',
      }),
    ),
    targetWithinHours: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 100_000,
        description: 'the ruling target falls within this many hours (overdue included)',
      }),
    ),
    amountMin: Type.Optional(
      Type.String({
        pattern: '^[0-9]{1,18}$',
        description: 'requested amount at least this, in minor units of the dispute’s currency',
      }),
    ),
    amountMax: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
    claimed: Type.Optional(
      Type.Union([Type.Literal('mine'), Type.Literal('others'), Type.Literal('unclaimed')]),
    ),
    sort: Type.Optional(
      Type.String({
        pattern: `^-?(${QUEUE_SORTS.join('|')})$`,
        default: 'age',
        description:
          'age (longest waiting first), target (ruling target), amount, reason, market, channel, suggested; a leading `-` reverses',
      }),
    ),
  },
  { additionalProperties: false },
);

const QueueItemView = Type.Object({
  dispute: DisputeSummaryView,
  kind: Type.Union([Type.Literal('arbitration'), Type.Literal('appeal')]),
  waitingSince: Type.String({ format: 'date-time' }),
  rulingTargetAt: Type.String({ format: 'date-time' }),
  overdue: Type.Boolean(),
  market: Type.Object({ buyerCountry: Type.String(), sellerCountry: Type.String() }),
  channel: Type.String(),
  suggested: Type.Optional(Responsibility),
  ruledBy: Type.Optional(Type.String()),
  claim: Type.Optional(ClaimView),
});

function claimView(c: Claim): Static<typeof ClaimView> {
  return {
    staffId: c.staffId,
    staffName: c.staffName,
    claimedAt: iso(c.claimedAt),
    expiresAt: iso(c.expiresAt),
  };
}

type Staff = Extract<Actor, { readonly role: 'arbitrator' | 'admin' }>;

function isStaff(actor: Actor): actor is Staff {
  return actor.role === 'arbitrator' || actor.role === 'admin';
}

/** The case for a staff member, or undefined after answering 404 (parties never learn of it). */
async function staffCase(
  runtime: Parameters<RouteGroup>[1]['runtime'],
  reply: FastifyReply,
  actor: Actor,
  disputeId: string,
): Promise<{ d: Dispute; staff: Staff } | undefined> {
  const loaded = isStaff(actor) ? await readDisputeState(runtime.store, disputeId) : undefined;
  if (loaded === undefined || !isStaff(actor)) {
    sendProblem(reply, problem(404, 'dispute.not_found', 'no such dispute'));
    return undefined;
  }
  return { d: loaded.dispute, staff: actor };
}

export const workbenchRoutes: RouteGroup = (app, { runtime }) => {
  app.get(
    '/v1/arbitration/queue',
    {
      schema: {
        tags: ['arbitration'],
        summary:
          'Disputes waiting for a ruling or an appeal decision, filtered and sorted (longest waiting first by default); an arbitrator never sees appeals against their own rulings',
        querystring: QueueQuery,
        response: {
          200: Type.Object({
            items: Type.Array(QueueItemView),
            truncated: Type.Boolean({
              description: 'more cases wait than the queue judges at once: narrow the filters',
            }),
          }),
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      if (!isStaff(actor))
        return sendProblem(
          reply,
          problem(403, 'auth.forbidden', 'the arbitration queue is for platform staff'),
        );
      const q = request.query;
      const sort = q.sort ?? 'age';
      const [side, country] = q.market?.split(':') ?? [];
      const now = await runtime.clock.now();
      const { items, truncated } = await workbenchQueue(
        runtime.store,
        {
          ...(q.kind === undefined ? {} : { kind: q.kind }),
          ...(q.reason === undefined ? {} : { reason: q.reason }),
          ...(country === undefined
            ? {}
            : { market: { side: side === 'buyer' ? 'buyer' : 'seller', country } }),
          ...(q.channel === undefined ? {} : { channel: q.channel }),
          ...(q.suggested === undefined ? {} : { suggested: q.suggested }),
          ...(q.overdue === undefined ? {} : { overdue: q.overdue }),
          ...(q.waitingHoursMin === undefined
            ? {}
            : { waitingAtLeastMs: q.waitingHoursMin * HOUR_MS }),
          ...(q.targetWithinHours === undefined
            ? {}
            : { targetWithinMs: q.targetWithinHours * HOUR_MS }),
          ...(q.amountMin === undefined ? {} : { amountMinMinor: BigInt(q.amountMin) }),
          ...(q.amountMax === undefined ? {} : { amountMaxMinor: BigInt(q.amountMax) }),
          ...(q.claimed === undefined ? {} : { claimed: q.claimed }),
          sort: sort.replace(/^-/, '') as QueueSort,
          descending: sort.startsWith('-'),
          limit: q.limit ?? 50,
        },
        actor,
        now,
      );
      return {
        truncated,
        items: items.map((i) => ({
          dispute: disputeSummary(i.dispute, i.version, nextDeadline(i.dispute)),
          kind: i.kind,
          waitingSince: iso(i.waitingSince),
          rulingTargetAt: iso(i.rulingTargetAt),
          overdue: i.overdue,
          market: {
            buyerCountry: i.dispute.order.buyerCountry,
            sellerCountry: i.dispute.order.sellerCountry,
          },
          channel: i.dispute.order.outboundChannel,
          ...(i.suggested === undefined ? {} : { suggested: i.suggested }),
          ...(i.kind === 'appeal' && i.dispute.ruling !== undefined
            ? { ruledBy: i.dispute.ruling.by }
            : {}),
          ...(i.claim === undefined ? {} : { claim: claimView(i.claim) }),
        })),
      };
    },
  );

  const ClaimAnswer = Type.Object({ claim: Type.Union([ClaimView, Type.Null()]) });

  app.get(
    '/v1/disputes/:disputeId/claim',
    {
      schema: {
        tags: ['arbitration'],
        summary: 'Who holds this case in the arbitration queue, until when (staff)',
        params: DisputeParams,
        response: { 200: ClaimAnswer, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const found = await staffCase(runtime, reply, actor, request.params.disputeId);
      if (found === undefined) return reply;
      const { d } = found;
      const held = (await liveClaims(runtime.store, [d.id], await runtime.clock.now())).get(d.id);
      return { claim: held === undefined ? null : claimView(held) };
    },
  );

  app.post(
    '/v1/disputes/:disputeId/claim',
    {
      schema: {
        tags: ['arbitration'],
        summary:
          'Claim a waiting case (arbitrator): it is assigned to you until the policy’s arbitrationClaimMs passes; claiming your own claim again renews it',
        params: DisputeParams,
        response: { 200: ClaimAnswer, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const found = await staffCase(runtime, reply, actor, request.params.disputeId);
      if (found === undefined) return reply;
      const { d, staff } = found;
      if (staff.role !== 'arbitrator')
        return sendProblem(reply, problem(403, 'auth.forbidden', 'only an arbitrator claims'));
      if (!isWaiting(d))
        return sendProblem(
          reply,
          problem(409, 'claim.not_waiting', 'the case is not waiting for an arbitrator', {
            facts: { status: d.status },
          }),
        );
      if (d.status === 'appealed' && d.ruling?.by === staff.id)
        return sendProblem(
          reply,
          problem(403, 'ruling.own_ruling', 'an appeal is decided by a different arbitrator'),
        );
      const result = await claimCase(runtime.store, d, staff.id, await runtime.clock.now());
      if (!result.ok) return sendProblem(reply, heldProblem(result.heldBy));
      return { claim: claimView(result.claim) };
    },
  );

  app.delete(
    '/v1/disputes/:disputeId/claim',
    {
      schema: {
        tags: ['arbitration'],
        summary:
          'Release the case (the arbitrator holding it; an admin may release anyone’s claim). Releasing a free case is not an error',
        params: DisputeParams,
        response: { 204: Type.Null(), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const found = await staffCase(runtime, reply, actor, request.params.disputeId);
      if (found === undefined) return reply;
      const { d, staff } = found;
      const still = await releaseCase(
        runtime.store,
        d.id,
        staff.id,
        await runtime.clock.now(),
        staff.role === 'admin',
      );
      if (still !== undefined) return sendProblem(reply, heldProblem(still));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/disputes/:disputeId/notes',
    {
      schema: {
        tags: ['arbitration'],
        summary:
          'Internal notes on the case, oldest first (staff only: never shown to a party, in a case file or a webhook)',
        params: DisputeParams,
        response: { 200: Type.Object({ items: Type.Array(NoteView) }), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const found = await staffCase(runtime, reply, actor, request.params.disputeId);
      if (found === undefined) return reply;
      const { d } = found;
      const notes = await listNotes(runtime.store.db, d.id);
      return { items: notes.map((n) => ({ ...n, at: iso(n.at) })) };
    },
  );

  app.post(
    '/v1/disputes/:disputeId/notes',
    {
      schema: {
        tags: ['arbitration'],
        summary: 'Add an internal note to the case (staff only)',
        params: DisputeParams,
        body: Type.Object(
          {
            noteId: Type.Optional(
              Type.String({
                format: 'uuid',
                description: 'a client-made id: send one so a retry is not a second note',
              }),
            ),
            body: Type.String({ minLength: 1, maxLength: NOTE_CHARS_MAX, pattern: '\\S' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: NoteView, 200: NoteView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const found = await staffCase(runtime, reply, actor, request.params.disputeId);
      if (found === undefined) return reply;
      const { d, staff } = found;
      const result = await addNote(runtime.store, {
        noteId: request.body.noteId ?? randomUUID(),
        disputeId: d.id,
        staffId: staff.id,
        body: request.body.body,
        at: await runtime.clock.now(),
      });
      if (!result.ok)
        return sendProblem(
          reply,
          result.code === 'note.limit_reached'
            ? problem(409, 'note.limit_reached', 'the case has as many notes as it may hold')
            : problem(409, 'note.id_reused', 'this note id names a different note'),
        );
      return reply
        .code(result.created ? 201 : 200)
        .send({ ...result.note, at: iso(result.note.at) });
    },
  );

  app.get(
    '/v1/disputes/:disputeId/ruling-preview',
    {
      schema: {
        tags: ['arbitration'],
        summary:
          'Before ruling: the most a ruling may refund, and for each responsibility who funds a refund and the seller’s three rates after it (staff)',
        params: DisputeParams,
        response: {
          200: Type.Object({
            refundableMax: Money,
            channel: Type.String(),
            now: Metrics,
            byResponsibility: Type.Array(
              Type.Object({
                responsibility: Responsibility,
                funding: Type.Union(
                  [Type.Literal('seller'), Type.Literal('logistics'), Type.Literal('protection')],
                  {
                    description: 'who pays a refund ruled with this responsibility',
                  },
                ),
                metrics: Metrics,
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
      const found = await staffCase(runtime, reply, actor, request.params.disputeId);
      if (found === undefined) return reply;
      const { d } = found;
      const preview = await rulingImpactFor(
        runtime.store,
        d.order.sellerId,
        d.id,
        await runtime.clock.now(),
      );
      if (preview === undefined)
        return sendProblem(reply, problem(404, 'seller.not_found', 'no such seller'));
      const channel = d.order.outboundChannel;
      return {
        refundableMax: wire({ minor: refundableMinor(d), currency: d.order.paid.currency }) as {
          minor: string;
          currency: string;
        },
        channel,
        now: preview.now,
        byResponsibility: preview.byResponsibility.map((r) => ({
          ...r,
          funding: fundingFor(r.responsibility, channel),
        })),
      };
    },
  );
};

function heldProblem(c: Claim) {
  return problem(409, 'claim.held', `${c.staffName} holds this case until ${iso(c.expiresAt)}`, {
    facts: { heldBy: c.staffName, expiresAt: iso(c.expiresAt) },
  });
}
