// Chargebacks (拒付): the marketplace integration reports them and the processor's outcome; the
// order's seller defends with evidence from the order's disputes. Staff and the integration
// read them; anyone else gets 404, as for any object they may not see.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type {
  Actor,
  Chargeback,
  ChargebackId,
  DefenceEvidence,
  EvidenceId,
  OrderId,
  RejectionCode,
} from '../../domain/index.ts';
import type {
  ChargebackRejection,
  ChargebackRejectionCode,
  ChargebackResult,
  DefenceInput,
} from '../../service/chargebacks.ts';
import type { KeyScope } from '../../service/idempotency.ts';
import type { Runtime } from '../../service/runtime.ts';
import type { RouteGroup } from '../app.ts';
import { type CallerRole, requireRole } from '../auth.ts';
import { toInstant, toMoney } from '../convert.ts';
import { keyScope, runKeyed } from '../idempotency.ts';
import { type Problem, problem, REJECTION_STATUS, sendProblem } from '../problem.ts';
import { chargebackResponse, problemResponse } from '../replay.ts';
import { ChargebackParams, ChargebackView, DefenceBody, Stage } from '../schemas/chargeback.ts';
import { Id, MoneyInput, PROBLEMS } from '../schemas/common.ts';
import { chargebackView } from '../views/chargeback-view.ts';
import { actorOf } from './dispute-command.ts';

/** Statuses of the codes only chargebacks use; the engine's codes keep REJECTION_STATUS. */
const CHARGEBACK_STATUS: {
  readonly [C in Exclude<ChargebackRejectionCode, RejectionCode>]: 404 | 409 | 422;
} = {
  'chargeback.not_found': 404,
  'chargeback.already_exists': 409,
  'chargeback.wrong_state': 409,
  // Named in the body, not the path: the request is wrong, not the URL.
  'order.not_found': 422,
  'chargeback.evidence_unknown': 422,
};

const OpenBody = Type.Object(
  {
    chargebackId: Type.Optional(Id),
    orderId: Id,
    amount: MoneyInput,
    reasonCode: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$',
        description: "the card network's reason code, e.g. 13.1 (Visa) or 4853 (Mastercard)",
      }),
    ),
    network: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$', examples: ['visa'] })),
    stage: Type.Optional(Stage),
    /** The processor's chargeback fee, posted when reported; who bears it is policy. */
    fee: Type.Optional(MoneyInput),
  },
  { additionalProperties: false },
);
const OutcomeBody = Type.Object(
  {
    outcome: Type.Union([Type.Literal('won'), Type.Literal('lost')]),
    /** Lost only: the part the processor took, when less than the amount. */
    amountLost: Type.Optional(MoneyInput),
  },
  { additionalProperties: false },
);
const StageBody = Type.Object({ stage: Stage }, { additionalProperties: false });
const tags = ['chargebacks'];

export function canSee(actor: Actor, c: Chargeback): boolean {
  if (actor.role === 'seller') return actor.id === c.order.sellerId;
  return actor.role === 'arbitrator' || actor.role === 'admin' || actor.role === 'integration';
}

function chargebackProblem(r: ChargebackRejection): Problem {
  const status = Object.hasOwn(CHARGEBACK_STATUS, r.code)
    ? CHARGEBACK_STATUS[r.code as keyof typeof CHARGEBACK_STATUS]
    : REJECTION_STATUS[r.code as RejectionCode];
  const facts = r.detail === undefined ? {} : { facts: r.detail };
  return problem(status, r.code, r.message, facts);
}

function sendResult(reply: FastifyReply, result: ChargebackResult, status = 200): FastifyReply {
  if (!result.ok) return sendProblem(reply, chargebackProblem(result.rejection));
  return reply.code(status).send(chargebackView(result.chargeback, result.version));
}

/**
 * Runs a chargeback command with the request's idempotency key held in its transaction: what a
 * retry gets back (the status and a reference to the chargeback, or the problem) commits with
 * the write. A key another request already used answers as that retry.
 */
function runChargebackCommand(
  runtime: Runtime,
  request: FastifyRequest,
  reply: FastifyReply,
  chargebackId: ChargebackId,
  command: (key: KeyScope<ChargebackResult> | undefined) => Promise<ChargebackResult>,
  status = 200,
) {
  return runKeyed(runtime, request, reply, async () => {
    const result = await command(
      keyScope(request, (r: ChargebackResult) =>
        r.ok
          ? chargebackResponse(status, chargebackId)
          : problemResponse(chargebackProblem(r.rejection)),
      ),
    );
    return sendResult(reply, result, status);
  });
}

/** The caller's actor when it has one of `roles`; otherwise a 401/403 was sent. */
function actorWithRole(
  request: FastifyRequest,
  reply: FastifyReply,
  roles: readonly CallerRole[],
): Actor | undefined {
  return requireRole(request, reply, roles) ? actorOf(request.caller, reply) : undefined;
}

const notFound = (reply: FastifyReply) =>
  sendProblem(reply, problem(404, 'chargeback.not_found', 'no such chargeback'));

export const chargebackRoutes: RouteGroup = (app, { runtime }) => {
  const chargebacks = runtime.chargebacks;

  /** The chargeback if the caller may see it; otherwise a 404 is sent and undefined returned. */
  async function visible(actor: Actor, chargebackId: string, reply: FastifyReply) {
    const loaded = await chargebacks.get(chargebackId);
    if (loaded !== undefined && canSee(actor, loaded.chargeback)) return loaded;
    notFound(reply);
    return undefined;
  }

  app.post(
    '/v1/chargebacks',
    {
      schema: {
        tags,
        summary: "Report a chargeback on an order (integration); freezes the order's escrow",
        body: OpenBody,
        response: { 201: ChargebackView, ...PROBLEMS },
      },
      config: { idempotency: 'in_transaction' },
    },
    async (request, reply) => {
      const actor = actorWithRole(request, reply, ['integration']);
      if (actor === undefined) return reply;
      const b = request.body;
      const chargebackId = (b.chargebackId ?? randomUUID()) as ChargebackId;
      return runChargebackCommand(
        runtime,
        request,
        reply,
        chargebackId,
        (key) =>
          chargebacks.open(
            actor,
            {
              chargebackId,
              orderId: b.orderId as OrderId,
              amount: toMoney(b.amount),
              ...(b.reasonCode === undefined ? {} : { reasonCode: b.reasonCode }),
              ...(b.network === undefined ? {} : { network: b.network }),
              ...(b.stage === undefined ? {} : { stage: b.stage }),
              ...(b.fee === undefined ? {} : { fee: toMoney(b.fee) }),
            },
            key,
          ),
        201,
      );
    },
  );

  app.get(
    '/v1/chargebacks/:chargebackId',
    {
      schema: {
        tags,
        summary: "Read a chargeback (the order's seller, staff, the integration)",
        params: ChargebackParams,
        response: { 200: ChargebackView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const loaded = await visible(actor, request.params.chargebackId, reply);
      if (loaded === undefined) return reply;
      return chargebackView(loaded.chargeback, loaded.version);
    },
  );

  app.post(
    '/v1/chargebacks/:chargebackId/defence',
    {
      schema: {
        tags,
        summary: "Defend a chargeback before its due date (the order's seller)",
        description:
          "evidenceIds name evidence the seller uploaded on any dispute of the chargeback's order.",
        params: ChargebackParams,
        body: DefenceBody,
        response: { 200: ChargebackView, ...PROBLEMS },
      },
      config: { idempotency: 'in_transaction' },
    },
    async (request, reply) => {
      const actor = actorWithRole(request, reply, ['seller']);
      if (actor === undefined) return reply;
      const { chargebackId } = request.params;
      if ((await visible(actor, chargebackId, reply)) === undefined) return reply;
      const id = chargebackId as ChargebackId;
      return runChargebackCommand(runtime, request, reply, id, (key) =>
        chargebacks.submitDefence(actor, id, defenceInput(request.body), key),
      );
    },
  );

  app.post(
    '/v1/chargebacks/:chargebackId/outcome',
    {
      schema: {
        tags,
        summary: "Record the processor's decision (integration); lost takes the money",
        description:
          'lost moves the amount to the processor, from escrow first and then the seller balance; either outcome lifts the escrow hold.',
        params: ChargebackParams,
        body: OutcomeBody,
        response: { 200: ChargebackView, ...PROBLEMS },
      },
      config: { idempotency: 'in_transaction' },
    },
    async (request, reply) => {
      const actor = actorWithRole(request, reply, ['integration']);
      if (actor === undefined) return reply;
      const { chargebackId } = request.params;
      if ((await visible(actor, chargebackId, reply)) === undefined) return reply;
      const id = chargebackId as ChargebackId;
      return runChargebackCommand(runtime, request, reply, id, (key) =>
        chargebacks.recordOutcome(
          actor,
          id,
          request.body.outcome,
          key,
          request.body.amountLost === undefined ? undefined : toMoney(request.body.amountLost),
        ),
      );
    },
  );

  app.post(
    '/v1/chargebacks/:chargebackId/stage',
    {
      schema: {
        tags,
        summary: 'Record a later stage (integration): inquiry → chargeback → pre-arbitration',
        description:
          'Stages only move forward and only while the processor has not decided; each opens a fresh defence window (policy chargebackDefenceMs).',
        params: ChargebackParams,
        body: StageBody,
        response: { 200: ChargebackView, ...PROBLEMS },
      },
      config: { idempotency: 'in_transaction' },
    },
    async (request, reply) => {
      const actor = actorWithRole(request, reply, ['integration']);
      if (actor === undefined) return reply;
      const { chargebackId } = request.params;
      if ((await visible(actor, chargebackId, reply)) === undefined) return reply;
      const id = chargebackId as ChargebackId;
      return runChargebackCommand(runtime, request, reply, id, (key) =>
        chargebacks.recordStage(actor, id, request.body.stage, key),
      );
    },
  );

  app.post(
    '/v1/chargebacks/:chargebackId/concede',
    {
      schema: {
        tags,
        summary: "Accept the chargeback instead of defending it (the order's seller)",
        description:
          'Lost at once, as accepting a dispute is at Stripe: the money moves (escrow first, then the seller balance) and the escrow hold lifts. The processor later reporting lost changes nothing.',
        params: ChargebackParams,
        response: { 200: ChargebackView, ...PROBLEMS },
      },
      config: { idempotency: 'in_transaction' },
    },
    async (request, reply) => {
      const actor = actorWithRole(request, reply, ['seller']);
      if (actor === undefined) return reply;
      const { chargebackId } = request.params;
      if ((await visible(actor, chargebackId, reply)) === undefined) return reply;
      const id = chargebackId as ChargebackId;
      return runChargebackCommand(runtime, request, reply, id, (key) =>
        chargebacks.concede(actor, id, key),
      );
    },
  );
};

/** The defence as the service takes it: ids typed, the shipping date as an instant. */
function defenceInput(body: Static<typeof DefenceBody>): DefenceInput {
  const { shippedAt, ...rest } = body.evidence ?? {};
  const evidence: DefenceEvidence = {
    // Branded ids: the schema checked their shape, the service checks they exist.
    ...(rest as unknown as Omit<DefenceEvidence, 'shippedAt'>),
    ...(shippedAt === undefined ? {} : { shippedAt: toInstant(shippedAt) }),
  };
  return {
    evidenceIds: body.evidenceIds as EvidenceId[],
    note: body.note,
    ...(body.evidence === undefined ? {} : { evidence }),
  };
}
