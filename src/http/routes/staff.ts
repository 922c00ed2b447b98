// Staff and seller insight: seller metrics, the per-dispute impact preview, and policies per
// market (admin). The arbitration queue is the workbench's (workbench.ts).
import { Type } from 'typebox';
import {
  type DisputeId,
  type Market,
  type PolicyValues,
  validatePolicyValues,
} from '../../domain/index.ts';
import { addPolicyVersion, listPolicyVersions } from '../../service/policy-store.ts';
import {
  HISTORY_POINTS_MAX,
  impactFor,
  sellerMetricsFor,
  sellerMetricsHistory,
} from '../../service/seller-metrics.ts';
import type { RouteGroup } from '../app.ts';
import { iso, wire } from '../convert.ts';
import { problem, sendProblem } from '../problem.ts';
import { DisputeParams, Id, PROBLEMS } from '../schemas/common.ts';
import { actorOf } from './dispute-command.ts';

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
const PolicyVersion = Type.Object({
  id: Type.String(),
  market: Type.String(),
  version: Type.Integer(),
  values: Type.Record(Type.String(), Type.Unknown()),
});

export const staffRoutes: RouteGroup = (app, { runtime }) => {
  app.get(
    '/v1/sellers/:sellerId/metrics',
    {
      schema: {
        tags: ['metrics'],
        summary:
          'A seller’s dispute, arbitration and seller-responsibility rates over the rolling window',
        params: Type.Object({ sellerId: Id }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            sellerId: Type.String(),
            windowDays: Type.Number(),
            metrics: Metrics,
          }),
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const own = actor.role === 'seller' && actor.id === request.params.sellerId;
      if (!own && actor.role !== 'admin' && actor.role !== 'arbitrator')
        return sendProblem(reply, problem(404, 'seller.not_found', 'no such seller'));
      const result = await sellerMetricsFor(
        runtime.store,
        request.params.sellerId,
        await runtime.clock.now(),
      );
      if (result === undefined)
        return sendProblem(reply, problem(404, 'seller.not_found', 'no such seller'));
      return {
        sellerId: request.params.sellerId,
        windowDays: result.windowMs / 86_400_000,
        metrics: result.metrics,
      };
    },
  );

  app.get(
    '/v1/sellers/:sellerId/metrics/history',
    {
      schema: {
        tags: ['metrics'],
        summary:
          'A seller’s three rates over time: the rolling window’s rates at evenly spaced instants up to now, with the warning thresholds',
        params: Type.Object({ sellerId: Id }, { additionalProperties: false }),
        querystring: Type.Object(
          {
            points: Type.Optional(
              Type.Integer({ minimum: 1, maximum: HISTORY_POINTS_MAX, default: 12 }),
            ),
            stepDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, default: 7 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            sellerId: Type.String(),
            windowDays: Type.Number(),
            thresholds: Type.Object({
              warnBp: Type.Integer({
                description: 'the seller-responsibility rate (basis points) that warns',
              }),
              warnCount: Type.Integer({
                description: 'and the fewest disputes ruled against the seller that warn',
              }),
            }),
            series: Type.Array(
              Type.Object({ at: Type.String({ format: 'date-time' }), metrics: Metrics }),
            ),
          }),
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const own = actor.role === 'seller' && actor.id === request.params.sellerId;
      if (!own && actor.role !== 'admin' && actor.role !== 'arbitrator')
        return sendProblem(reply, problem(404, 'seller.not_found', 'no such seller'));
      const result = await sellerMetricsHistory(
        runtime.store,
        request.params.sellerId,
        await runtime.clock.now(),
        request.query.points ?? 12,
        (request.query.stepDays ?? 7) * 86_400_000,
      );
      if (result === undefined)
        return sendProblem(reply, problem(404, 'seller.not_found', 'no such seller'));
      return {
        sellerId: request.params.sellerId,
        windowDays: result.windowMs / 86_400_000,
        thresholds: result.thresholds,
        series: result.series.map((p) => ({ at: iso(p.at), metrics: p.metrics })),
      };
    },
  );

  app.get(
    '/v1/disputes/:disputeId/impact',
    {
      schema: {
        tags: ['metrics'],
        summary:
          'What this dispute does to the seller’s rates: if the buyer cancels vs if ruled against the seller',
        params: DisputeParams,
        response: {
          200: Type.Object({
            now: Metrics,
            ifBuyerCancels: Metrics,
            ifRuledAgainstSeller: Metrics,
          }),
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const loaded = await runtime.service.get(request.params.disputeId);
      const d = loaded?.dispute;
      const allowed =
        d !== undefined &&
        ((actor.role === 'seller' && actor.id === d.order.sellerId) ||
          actor.role === 'admin' ||
          actor.role === 'arbitrator');
      if (!allowed || d === undefined)
        return sendProblem(reply, problem(404, 'dispute.not_found', 'no such dispute'));
      const preview = await impactFor(
        runtime.store,
        d.order.sellerId,
        d.id as DisputeId,
        await runtime.clock.now(),
      );
      if (preview === undefined)
        return sendProblem(reply, problem(404, 'seller.not_found', 'no such seller'));
      return preview;
    },
  );

  app.get(
    '/v1/policies',
    {
      schema: {
        tags: ['policies'],
        summary: 'Every policy version per market (admin)',
        response: { 200: Type.Object({ items: Type.Array(PolicyVersion) }), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      if (actor.role !== 'admin')
        return sendProblem(reply, problem(403, 'auth.forbidden', 'policies are managed by admins'));
      return {
        items: (await listPolicyVersions(runtime.store.db)).map(
          (v) =>
            wire(v) as {
              id: string;
              market: string;
              version: number;
              values: Record<string, unknown>;
            },
        ),
      };
    },
  );

  app.post(
    '/v1/policies',
    {
      schema: {
        tags: ['policies'],
        summary:
          'Add a policy version for a market (`*`, `seller:IT`, `buyer:IT`): the previous version of that market plus these values. Running disputes keep the versions they opened under',
        body: Type.Object(
          {
            market: Type.String({ pattern: '^(\\*|(buyer|seller):[A-Z]{2})$' }),
            values: Type.Record(
              Type.String({ maxLength: 64 }),
              Type.Unknown({
                description: 'checked field by field against the policy (types are not coerced)',
              }),
              { maxProperties: 40 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: PolicyVersion, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      if (actor.role !== 'admin')
        return sendProblem(reply, problem(403, 'auth.forbidden', 'policies are managed by admins'));
      const values = fromWireValues(request.body.values);
      const problems = validatePolicyValues(values as Partial<PolicyValues>);
      if (problems.length > 0)
        return sendProblem(
          reply,
          problem(
            422,
            'policy.invalid',
            problems.map((p) => `${p.field} ${p.problem}`).join('; '),
            { problems },
          ),
        );
      const version = await addPolicyVersion(runtime.store.db, {
        market: request.body.market as Market,
        changes: values as Partial<PolicyValues>,
        createdBy: actor.id,
        at: await runtime.clock.now(),
      });
      return reply.code(201).send(
        wire(version) as {
          id: string;
          market: string;
          version: number;
          values: Record<string, unknown>;
        },
      );
    },
  );
};

// Money limits travel as decimal strings; the policy keeps them as bigint.
const BIGINT_FIELDS = new Set(['protectionAmountCapMinor', 'protectionFeeMinor']);
function fromWireValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    out[k] =
      BIGINT_FIELDS.has(k) && typeof v === 'string' && /^[0-9]{1,18}$/.test(v) ? BigInt(v) : v;
  }
  return out;
}
