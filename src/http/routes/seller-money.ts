// A seller's money (issue 10, item 10): the balance per currency and a statement of the balance
// account's ledger lines, JSON paged by cursor or CSV streamed a page at a time. The store's own
// staff see it; admins and the marketplace's integration key see every seller; anyone else 404.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../domain/index.ts';
import {
  type CurrencyBalance,
  STATEMENT_PAGE_MAX,
  type StatementLine,
  sellerBalance,
  sellerExists,
  sellerStatement,
  statementLines,
} from '../../service/seller-balance.ts';
import type { RouteGroup } from '../app.ts';
import { iso } from '../convert.ts';
import { csvRecord } from '../csv.ts';
import { problem, sendProblem } from '../problem.ts';
import { DateTime, Id, PROBLEMS } from '../schemas/common.ts';
import { actorOf } from './dispute-command.ts';

/** A statement covers at most this long: a year and a day, so a calendar year always fits. */
export const STATEMENT_RANGE_MS_MAX = 366 * 86_400_000;

const tags = ['sellers'];
const Params = Type.Object({ sellerId: Id }, { additionalProperties: false });
const Minor = Type.String({ pattern: '^-?[0-9]+$', description: 'minor units, decimal string' });

const BalanceView = Type.Object({
  sellerId: Type.String(),
  balances: Type.Array(
    Type.Object({
      currency: Type.String(),
      balance: Minor,
      available: Minor,
      debt: Type.String({
        pattern: '^[0-9]+$',
        description:
          'what the seller owes the platform: refunds owed after release, lost chargebacks or fees beyond the balance (domain.md)',
      }),
      heldInEscrow: Minor,
    }),
  ),
});

const LineView = Type.Object({
  transactionId: Type.String(),
  line: Type.Integer(),
  at: DateTime,
  kind: Type.String(),
  orderId: Type.Union([Type.String(), Type.Null()]),
  disputeId: Type.Union([Type.String(), Type.Null()]),
  amount: Type.Object({ minor: Minor, currency: Type.String() }),
  balanceAfter: Type.Object({ minor: Minor, currency: Type.String() }),
});

const StatementView = Type.Object({
  sellerId: Type.String(),
  from: DateTime,
  to: DateTime,
  opening: Type.Array(Type.Object({ minor: Minor, currency: Type.String() })),
  items: Type.Array(LineView),
  nextCursor: Type.Optional(Type.String()),
});

const StatementQuery = Type.Object(
  {
    from: DateTime,
    to: DateTime,
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: STATEMENT_PAGE_MAX, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 400 })),
  },
  { additionalProperties: false },
);

const CSV_HEADER = [
  'at',
  'transaction_id',
  'line',
  'kind',
  'order_id',
  'dispute_id',
  'currency',
  'amount_minor',
  'balance_after_minor',
];

function mayRead(actor: Actor, sellerId: string): boolean {
  if (actor.role === 'seller') return actor.id === sellerId;
  return actor.role === 'admin' || actor.role === 'integration';
}

const noSeller = (reply: FastifyReply) =>
  sendProblem(reply, problem(404, 'seller.not_found', 'no such seller'));

function balanceView(b: CurrencyBalance) {
  return {
    currency: b.currency,
    balance: String(b.balanceMinor),
    available: String(b.availableMinor),
    debt: String(b.debtMinor),
    heldInEscrow: String(b.heldInEscrowMinor),
  };
}

function lineView(l: StatementLine) {
  return {
    transactionId: l.transactionId,
    line: l.line,
    at: iso(l.at),
    kind: l.kind,
    orderId: l.orderId,
    disputeId: l.disputeId,
    amount: { minor: String(l.amountMinor), currency: l.currency },
    balanceAfter: { minor: String(l.balanceAfterMinor), currency: l.currency },
  };
}

async function* csvRecords(lines: AsyncIterable<StatementLine>): AsyncGenerator<string> {
  yield csvRecord(CSV_HEADER);
  for await (const l of lines) {
    yield csvRecord([
      iso(l.at),
      l.transactionId,
      l.line,
      l.kind,
      l.orderId,
      l.disputeId,
      l.currency,
      l.amountMinor,
      l.balanceAfterMinor,
    ]);
  }
}

export const sellerMoneyRoutes: RouteGroup = (app, { runtime }) => {
  /** The seller if the caller may read its money; otherwise a 404 was sent. */
  async function readable(actor: Actor, sellerId: string, reply: FastifyReply) {
    if (mayRead(actor, sellerId) && (await sellerExists(runtime.store, sellerId))) return true;
    noSeller(reply);
    return false;
  }

  app.get(
    '/v1/sellers/:sellerId/balance',
    {
      schema: {
        tags,
        summary:
          'A seller’s balance per currency: available, debt (a negative balance) and what its orders hold in escrow',
        params: Params,
        response: { 200: BalanceView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const { sellerId } = request.params;
      if (!(await readable(actor, sellerId, reply))) return reply;
      const balances = await sellerBalance(runtime.store, sellerId);
      return { sellerId, balances: balances.map(balanceView) };
    },
  );

  app.get(
    '/v1/sellers/:sellerId/statement',
    {
      schema: {
        tags,
        summary: 'The seller balance account’s ledger lines in [from, to), oldest first',
        description:
          'format=json (default) pages by cursor; format=csv streams every line of the range as RFC 4180 CSV (text/csv). Each line carries the balance after it; `opening` is the balance before `from`. A range spans at most 366 days.',
        params: Params,
        querystring: StatementQuery,
        response: { 200: StatementView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request.caller, reply);
      if (actor === undefined) return reply;
      const { sellerId } = request.params;
      const q = request.query;
      const from = Date.parse(q.from);
      const to = Date.parse(q.to);
      if (!(from < to) || to - from > STATEMENT_RANGE_MS_MAX)
        return sendProblem(
          reply,
          problem(
            400,
            'request.invalid_range',
            'from must be before to, and the range at most 366 days',
          ),
        );
      if (!(await readable(actor, sellerId, reply))) return reply;
      if (q.format === 'csv') {
        const lines = statementLines(runtime.store, sellerId, { from, to });
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="statement-${sellerId}-${q.from.slice(0, 10)}.csv"`,
          )
          .send(Readable.from(csvRecords(lines)) as never); // a stream, not the JSON schema's shape
      }
      let page: Awaited<ReturnType<typeof sellerStatement>>;
      try {
        page = await sellerStatement(runtime.store, sellerId, {
          from,
          to,
          limit: q.limit ?? 100,
          ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
        });
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        return sendProblem(
          reply,
          problem(400, 'request.invalid_cursor', 'the cursor is not one this API gave out'),
        );
      }
      return {
        sellerId,
        from: iso(from),
        to: iso(to),
        opening: page.opening.map((o) => ({ minor: String(o.balanceMinor), currency: o.currency })),
        items: page.lines.map(lineView),
        ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
      };
    },
  );
};
