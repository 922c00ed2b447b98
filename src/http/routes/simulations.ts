// What-if simulations for admins (issue 13): POST starts a small, bounded simulation in the
// background on its own temporary store (live data is never touched), GET polls its progress and
// returns the report when done, DELETE or POST …/cancel stops it. The page is at …/report.html.
import { Type } from 'typebox';
import { withParams } from '../../simulation/defaults.ts';
import { renderHtml } from '../../simulation/html-report.ts';
import { type Job, SimulationJobs, WHAT_IF_LIMITS } from '../../simulation/jobs.ts';
import { PolicyFileError, parsePolicy } from '../../simulation/policy-file.ts';
import { reportJson } from '../../simulation/report-json.ts';
import type { RouteGroup } from '../app.ts';
import { callerKey } from '../caller.ts';
import { notFound, problem, sendProblem } from '../problem.ts';
import { PROBLEMS } from '../schemas/common.ts';
import { adminOnly } from './admin-users.ts';

const TAGS = ['simulations'];

const PolicyValuesBody = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'Policy values by field name (as in /v1/policies), or durations in days (`negotiationDays: 3`)',
});

const SimulationBody = Type.Object(
  {
    sellers: Type.Integer({ minimum: 1, maximum: WHAT_IF_LIMITS.sellers }),
    orders: Type.Integer({ minimum: 1, maximum: WHAT_IF_LIMITS.orders }),
    days: Type.Integer({ minimum: 1, maximum: WHAT_IF_LIMITS.days }),
    seed: Type.Integer({ minimum: 0, maximum: 4_294_967_295 }),
    policy: Type.Optional(PolicyValuesBody),
    comparePolicy: Type.Optional(PolicyValuesBody),
  },
  { additionalProperties: false },
);

const SimulationView = Type.Object({
  id: Type.String(),
  status: Type.Union([
    Type.Literal('running'),
    Type.Literal('succeeded'),
    Type.Literal('failed'),
    Type.Literal('cancelled'),
  ]),
  progress: Type.Object({
    run: Type.Integer(),
    runs: Type.Integer(),
    day: Type.Integer(),
    days: Type.Integer(),
    percent: Type.Integer(),
  }),
  error: Type.Optional(Type.String()),
  report: Type.Optional(
    Type.Unknown({ description: 'The report (inputs, runs with reconciliation, comparison)' }),
  ),
  links: Type.Object({ self: Type.String(), html: Type.String() }),
});

const IdParams = Type.Object({ simulationId: Type.String({ maxLength: 64 }) });

function view(job: Job) {
  const s = job.step;
  const fraction = s === undefined ? 0 : (s.run - 1 + s.day / s.days) / s.runs;
  return {
    id: job.id,
    status: job.status,
    progress: {
      run: s?.run ?? 1,
      runs: s?.runs ?? 1,
      day: s?.day ?? 0,
      days: s?.days ?? 0,
      percent: job.status === 'succeeded' ? 100 : Math.floor(fraction * 100),
    },
    ...(job.error === undefined ? {} : { error: job.error }),
    ...(job.document === undefined ? {} : { report: JSON.parse(reportJson(job.document)) }),
    links: { self: `/v1/simulations/${job.id}`, html: `/v1/simulations/${job.id}/report.html` },
  };
}

export const simulationRoutes: RouteGroup = (app) => {
  const jobs = new SimulationJobs();
  app.addHook('onClose', async () => jobs.close());

  app.post(
    '/v1/simulations',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary:
          'Start a small what-if simulation in the background (its own temporary store; optionally compared against a second policy)',
        body: SimulationBody,
        response: { 202: SimulationView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const b = request.body;
      let policy: ReturnType<typeof parsePolicy>;
      let comparePolicy: ReturnType<typeof parsePolicy> | undefined;
      try {
        policy = parsePolicy(b.policy ?? {});
        comparePolicy = b.comparePolicy === undefined ? undefined : parsePolicy(b.comparePolicy);
      } catch (error) {
        if (!(error instanceof PolicyFileError)) throw error;
        return sendProblem(reply, problem(422, 'simulation.policy_invalid', error.message));
      }
      const job = jobs.start(
        {
          sellers: b.sellers,
          orders: b.orders,
          days: b.days,
          seed: b.seed,
          policy,
          ...(comparePolicy === undefined ? {} : { comparePolicy }),
          params: withParams(undefined),
        },
        callerKey(request.caller),
      );
      if (job === undefined)
        return sendProblem(
          reply,
          problem(409, 'simulation.busy', 'other simulations are running: wait for one to finish'),
        );
      return reply.code(202).header('location', `/v1/simulations/${job.id}`).send(view(job));
    },
  );

  app.get(
    '/v1/simulations/:simulationId',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'A simulation: its progress, and its report once it succeeded',
        params: IdParams,
        response: { 200: SimulationView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const job = jobs.get(request.params.simulationId);
      return job === undefined ? notFound(reply, 'simulation') : view(job);
    },
  );

  app.get(
    '/v1/simulations/:simulationId/report.html',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'The report as one self-contained HTML page with charts',
        params: IdParams,
        response: { 200: Type.String(), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const job = jobs.get(request.params.simulationId);
      if (job === undefined) return notFound(reply, 'simulation');
      if (job.document === undefined)
        return sendProblem(
          reply,
          problem(409, 'simulation.not_finished', `the simulation is ${job.status}: no report`),
        );
      return reply.type('text/html; charset=utf-8').send(renderHtml(job.document));
    },
  );

  const cancel = {
    ...adminOnly,
    schema: {
      tags: TAGS,
      summary: 'Cancel a running simulation',
      params: IdParams,
      response: { 200: SimulationView, ...PROBLEMS },
    },
  };
  for (const [method, url] of [
    ['DELETE', '/v1/simulations/:simulationId'],
    ['POST', '/v1/simulations/:simulationId/cancel'],
  ] as const) {
    app.route({
      method,
      url,
      ...cancel,
      handler: async (request, reply) => {
        const job = jobs.get(request.params.simulationId);
        if (job === undefined) return notFound(reply, 'simulation');
        if (!jobs.cancel(job.id))
          return sendProblem(
            reply,
            problem(
              409,
              'simulation.not_running',
              `the simulation is ${job.status}: nothing to cancel`,
            ),
          );
        return view(job);
      },
    });
  }
};
