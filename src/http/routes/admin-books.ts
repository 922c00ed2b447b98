// The books for admins (issue 12): run the ledger check and the audit verification over HTTP (the
// CLI's checks, service/books.ts), and the platform's accounts with their daily balances.
import { Type } from 'typebox';
import { runAuditVerify, runLedgerCheck, singleFlight } from '../../service/books.ts';
import { platformAccountSeries, SERIES_DAYS_MAX } from '../../service/platform-accounts.ts';
import type { RouteGroup } from '../app.ts';
import { iso, wire } from '../convert.ts';
import { problem, sendProblem } from '../problem.ts';
import { PROBLEMS } from '../schemas/common.ts';
import { adminOnly } from './admin-users.ts';

const TAGS = ['admin'];

const CheckResult = Type.Object(
  { ok: Type.Boolean() },
  { additionalProperties: true, description: 'the same report as the CLI’s --json' },
);

export const adminBookRoutes: RouteGroup = (app, { runtime }) => {
  const once = singleFlight();
  const busy = () =>
    problem(409, 'books.check_running', 'a check of the books is already running; try again soon');

  app.post(
    '/v1/admin/books/ledger-check',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary:
          'Run `settle ledger check`: balanced transactions, balances, ties to causes, escrow (admin)',
        response: { 200: CheckResult, ...PROBLEMS },
      },
    },
    async (_request, reply) => {
      const result = await once(() => runLedgerCheck(runtime.store));
      if (result === undefined) return sendProblem(reply, busy());
      return wire(result) as { ok: boolean };
    },
  );

  app.post(
    '/v1/admin/books/audit-verify',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'Run `settle audit verify`: hash chains and signed checkpoints (admin)',
        response: { 200: CheckResult, ...PROBLEMS },
      },
    },
    async (_request, reply) => {
      const result = await once(() => runAuditVerify(runtime.store, runtime.config));
      if (result === undefined) return sendProblem(reply, busy());
      return wire(result) as { ok: boolean };
    },
  );

  app.get(
    '/v1/admin/platform-accounts',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary:
          'The platform’s accounts (logistics compensation, protection fund, fees, return postage): balances at the end of each UTC day (admin)',
        querystring: Type.Object(
          {
            days: Type.Optional(
              Type.Integer({ minimum: 1, maximum: SERIES_DAYS_MAX, default: 30 }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            now: Type.String({ format: 'date-time' }),
            items: Type.Array(
              Type.Object({
                account: Type.String(),
                currency: Type.String(),
                balanceMinor: Type.String({ pattern: '^-?[0-9]+$' }),
                days: Type.Array(
                  Type.Object({
                    day: Type.String({ format: 'date' }),
                    balanceMinor: Type.String({ pattern: '^-?[0-9]+$' }),
                  }),
                ),
              }),
            ),
          }),
          ...PROBLEMS,
        },
      },
    },
    async (request) => {
      const now = await runtime.clock.now();
      const series = await platformAccountSeries(runtime.store.db, now, request.query.days ?? 30);
      return {
        now: iso(now),
        items: series.map((s) => ({
          account: s.account,
          currency: s.currency,
          balanceMinor: s.balanceMinor.toString(),
          days: s.days.map((d) => ({
            day: iso(d.day).slice(0, 10),
            balanceMinor: d.balanceMinor.toString(),
          })),
        })),
      };
    },
  );
};
