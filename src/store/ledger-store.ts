import { type Kysely, sql } from 'kysely';
import { DuplicateLedgerTransaction, detailOf, isUniqueViolation } from './errors.ts';
import { rememberFacts } from './order-locks.ts';
import type { Database } from './schema.ts';
import { factsOf, orderSummaries } from './seller-metrics-store.ts';
import { type Column, insertRows } from './unnest.ts';

// Double-entry bookkeeping in integer minor units. Every transaction's postings sum to zero per
// currency: asserted here before writing (an unbalanced transaction is a bug upstream), and
// audited after the fact by checkLedger with SQL aggregates, which also catches rows written
// around this module.

/** Capture, refund, release and fee each need a handful of lines; more is a bug. */
export const POSTINGS_PER_TRANSACTION_MAX = 32;
/** checkLedger reports at most this many problems / balances; the counts stay exact. */
export const UNBALANCED_REPORTED_MAX = 100;
export const BALANCES_REPORTED_MAX = 1_000;

const CURRENCY = /^[A-Z]{3}$/;

export interface Posting {
  account: string;
  /** Signed: positive debits the account, negative credits it; never zero. */
  amountMinor: bigint;
  currency: string;
}

export interface NewLedgerTransaction {
  /** Client-made and deterministic (e.g. from dispute and event seq): a retry collides. */
  id: string;
  orderId?: string;
  disputeId?: string;
  kind: string;
  /** Epoch milliseconds. */
  at: number;
  eventSeq?: number;
  postings: readonly Posting[];
}

export interface LedgerReport {
  ok: boolean;
  transactions: bigint;
  postings: bigint;
  unbalanced: { transactionId: string; currency: string; sumMinor: bigint }[];
  /** Transactions naming a dispute that has no row (the ledger has no foreign key to it). */
  withoutDispute: string[];
  balances: { account: string; currency: string; balanceMinor: bigint }[];
  balancesTruncated: boolean;
  /**
   * Orders on which the buyer recovered more than was paid (domain.md): dispute refunds of
   * every source plus what lost chargebacks took, per currency, against the amount paid.
   */
  overRecovered: OverRecoveredOrder[];
  /** Order escrow accounts whose balance is below zero (domain.md: no escrow below zero). */
  negativeEscrow: NegativeEscrow[];
}

export interface NegativeEscrow {
  account: string;
  currency: string;
  balanceMinor: bigint;
}

export interface OverRecoveredOrder {
  orderId: string;
  currency: string;
  /** What the order was paid in this currency (zero when paid in another one). */
  paidMinor: bigint;
  refundedMinor: bigint;
  chargedBackMinor: bigint;
}

/**
 * The accounts through which a buyer recovers money on an order: refunds reach the buyer's
 * refunds account, a lost chargeback reaches the processor (which pays the buyer's card). Settle
 * has no platform-funded goodwill posting: every refund, whoever funds it, refunds the payment
 * and counts. A refund is owed (`buyer_refunds_owed:`) until the marketplace reports it paid,
 * which moves it to `buyer_refunds:`: summed over both accounts, each refund counts exactly once,
 * owed or paid (the payment's two postings cancel out).
 */
const REFUND_ACCOUNTS = sql`(p.account like 'buyer_refunds:%' or p.account like 'buyer_refunds_owed:%')`;
const REFUNDED = sql<bigint>`coalesce(sum(p.amount_minor) filter (where ${REFUND_ACCOUNTS}), 0)`;
const CHARGED_BACK = sql<bigint>`coalesce(sum(p.amount_minor) filter (where p.account = 'processor_chargebacks'), 0)`;

/** What the buyer recovered on one order in `currency`: refunds and chargebacks, from the ledger. */
export async function orderRecovery(
  db: Kysely<Database>,
  orderId: string,
  currency: string,
): Promise<{ refundedMinor: bigint; chargedBackMinor: bigint }> {
  const row = await db
    .selectFrom('ledger_postings as p')
    .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
    .select([REFUNDED.as('refundedMinor'), CHARGED_BACK.as('chargedBackMinor')])
    .where('t.order_id', '=', orderId)
    .where('p.currency', '=', currency)
    .executeTakeFirstOrThrow();
  return {
    refundedMinor: BigInt(row.refundedMinor),
    chargedBackMinor: BigInt(row.chargedBackMinor),
  };
}

/** What a money write reads of its order once it holds the row (service/order-money-catch-up.ts). */
export interface OrderMoney {
  readonly refundedMinor: bigint;
  readonly chargedBackMinor: bigint;
  readonly escrowHeldMinor: bigint;
}

/**
 * The order's recovery (orderRecovery), its escrow's balance, and its metrics facts, in one
 * statement: the caller holds the order's row, so this is the state its write decides on. The
 * facts are kept for the metrics projection of the same write (store/order-locks.ts).
 */
export async function orderMoney(
  db: Kysely<Database>,
  orderId: string,
  escrowAccount: string,
  currency: string,
): Promise<OrderMoney> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => [
      'id',
      'seller_id',
      'completed_at',
      orderSummaries(eb),
      eb
        .selectFrom('ledger_postings as p')
        .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
        .select(sql<string>`(${REFUNDED})::text || ' ' || (${CHARGED_BACK})::text`.as('r'))
        .where('t.order_id', '=', orderId)
        .where('p.currency', '=', currency)
        .as('recovered'),
      eb
        .selectFrom('ledger_postings')
        .select(sql<bigint>`coalesce(sum(amount_minor), 0)`.as('b'))
        .where('account', '=', escrowAccount)
        .where('currency', '=', currency)
        .as('escrow'),
    ])
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  rememberFacts(db, factsOf(row));
  const [refunded, chargedBack] = (row.recovered ?? '0 0').split(' ');
  return {
    refundedMinor: BigInt(refunded ?? 0),
    chargedBackMinor: BigInt(chargedBack ?? 0),
    escrowHeldMinor: BigInt(row.escrow ?? 0),
  };
}

/** Every order whose buyer recovered more than was paid (at most UNBALANCED_REPORTED_MAX). */
async function overRecoveredOrders(db: Kysely<Database>): Promise<OverRecoveredOrder[]> {
  const rows = await db
    .selectFrom('ledger_postings as p')
    .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
    .leftJoin('orders as o', 'o.id', 't.order_id')
    .select([
      't.order_id as orderId',
      'p.currency',
      sql<bigint>`coalesce(max(case when o.currency = p.currency then o.amount_paid_minor end), 0)`.as(
        'paidMinor',
      ),
      REFUNDED.as('refundedMinor'),
      CHARGED_BACK.as('chargedBackMinor'),
    ])
    .where('t.order_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('p.account', 'like', 'buyer_refunds:%'),
        eb('p.account', 'like', 'buyer_refunds_owed:%'),
        eb('p.account', '=', 'processor_chargebacks'),
      ]),
    )
    .groupBy(['t.order_id', 'p.currency'])
    .having(
      sql`${REFUNDED} + ${CHARGED_BACK}`,
      '>',
      sql`coalesce(max(case when o.currency = p.currency then o.amount_paid_minor end), 0)`,
    )
    .orderBy('t.order_id')
    .orderBy('p.currency')
    .limit(UNBALANCED_REPORTED_MAX)
    .execute();
  return rows.map((r) => ({
    orderId: r.orderId as string,
    currency: r.currency,
    paidMinor: BigInt(r.paidMinor),
    refundedMinor: BigInt(r.refundedMinor),
    chargedBackMinor: BigInt(r.chargedBackMinor),
  }));
}

/**
 * Every order escrow account below zero (at most UNBALANCED_REPORTED_MAX): escrow was paid out
 * twice, or more was taken from it than the buyer put in.
 */
async function negativeEscrows(db: Kysely<Database>): Promise<NegativeEscrow[]> {
  const rows = await db
    .selectFrom('ledger_postings')
    .select(['account', 'currency', sql<bigint>`sum(amount_minor)`.as('balanceMinor')])
    .where('account', 'like', 'order\\_escrow:%')
    .groupBy(['account', 'currency'])
    .having(sql`sum(amount_minor)`, '<', 0)
    .orderBy('account')
    .orderBy('currency')
    .limit(UNBALANCED_REPORTED_MAX)
    .execute();
  return rows.map((r) => ({
    account: r.account,
    currency: r.currency,
    balanceMinor: BigInt(r.balanceMinor),
  }));
}

/** Writes one balanced transaction; a repeated id raises DuplicateLedgerTransaction. */
export async function appendTransaction(
  trx: Kysely<Database>,
  transaction: NewLedgerTransaction,
): Promise<void> {
  assertBalanced(transaction);
  try {
    await trx
      .insertInto('ledger_transactions')
      .values({
        id: transaction.id,
        order_id: transaction.orderId ?? null,
        dispute_id: transaction.disputeId ?? null,
        kind: transaction.kind,
        at: new Date(transaction.at),
        event_seq: transaction.eventSeq ?? null,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DuplicateLedgerTransaction(transaction.id, { cause: error });
    throw error;
  }
  await trx
    .insertInto('ledger_postings')
    .values(
      transaction.postings.map((posting, index) => ({
        transaction_id: transaction.id,
        line: index + 1,
        account: posting.account,
        amount_minor: posting.amountMinor,
        currency: posting.currency,
      })),
    )
    .execute();
}

/**
 * Writes several balanced transactions, and all their postings, in one statement (the postings'
 * foreign key is checked at the end of the statement, when the transactions are in): a decision
 * with money events pays one round trip for its ledger. A repeated id raises
 * DuplicateLedgerTransaction, as appendTransaction does.
 */
export async function appendTransactions(
  trx: Kysely<Database>,
  transactions: readonly NewLedgerTransaction[],
): Promise<void> {
  if (transactions.length === 0) return;
  for (const transaction of transactions) assertBalanced(transaction);
  const postings = transactions.flatMap((transaction) =>
    transaction.postings.map((posting, index) => ({ transaction, posting, line: index + 1 })),
  );
  try {
    await sql`with written as (${insertRows('ledger_transactions', transactions, TRANSACTION_COLUMNS)})
      ${insertRows('ledger_postings', postings, POSTING_COLUMNS)}`.execute(trx);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Either primary key can be the one hit; both mean the transaction was already written.
    const key = /\)=\(([^,)]+)/.exec(String(detailOf(error)))?.[1];
    const id = transactions.find((t) => t.id === key)?.id ?? (transactions[0]?.id as string);
    throw new DuplicateLedgerTransaction(id, { cause: error });
  }
}

const TRANSACTION_COLUMNS: readonly Column<NewLedgerTransaction>[] = [
  ['id', 'text', (t) => t.id],
  ['order_id', 'text', (t) => t.orderId ?? null],
  ['dispute_id', 'text', (t) => t.disputeId ?? null],
  ['kind', 'text', (t) => t.kind],
  ['at', 'timestamptz', (t) => new Date(t.at)],
  ['event_seq', 'int', (t) => t.eventSeq ?? null],
];

const POSTING_COLUMNS: readonly Column<{
  transaction: NewLedgerTransaction;
  posting: Posting;
  line: number;
}>[] = [
  ['transaction_id', 'text', (p) => p.transaction.id],
  ['line', 'int', (p) => p.line],
  ['account', 'text', (p) => p.posting.account],
  ['amount_minor', 'bigint', (p) => p.posting.amountMinor],
  ['currency', 'char(3)', (p) => p.posting.currency],
];

export function assertBalanced(transaction: NewLedgerTransaction): void {
  const { id, postings } = transaction;
  if (postings.length < 2 || postings.length > POSTINGS_PER_TRANSACTION_MAX) {
    throw new Error(
      `transaction ${id} has ${postings.length} postings; 2 to ${POSTINGS_PER_TRANSACTION_MAX} allowed`,
    );
  }
  const sums = new Map<string, bigint>();
  for (const { account, amountMinor, currency } of postings) {
    if (amountMinor === 0n) throw new Error(`transaction ${id} posts zero to ${account}`);
    if (!CURRENCY.test(currency)) throw new Error(`transaction ${id} has currency ${currency}`);
    sums.set(currency, (sums.get(currency) ?? 0n) + amountMinor);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0n) throw new Error(`transaction ${id} is unbalanced in ${currency} by ${sum}`);
  }
}

/**
 * Audits the whole ledger: every transaction balanced per currency, no buyer recovering more
 * than was paid on any order, no order escrow below zero, and all balances.
 */
export async function checkLedger(db: Kysely<Database>): Promise<LedgerReport> {
  const counts = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('ledger_transactions')
        .select(eb.fn.countAll<bigint>().as('n'))
        .as('transactions'),
      eb.selectFrom('ledger_postings').select(eb.fn.countAll<bigint>().as('n')).as('postings'),
    ])
    .executeTakeFirstOrThrow();
  const unbalanced = await db
    .selectFrom('ledger_postings')
    .select([
      'transaction_id as transactionId',
      'currency',
      sql<bigint>`sum(amount_minor)`.as('sumMinor'),
    ])
    .groupBy(['transaction_id', 'currency'])
    .having(sql`sum(amount_minor)`, '<>', 0)
    .orderBy('transaction_id')
    .orderBy('currency')
    .limit(UNBALANCED_REPORTED_MAX)
    .execute();
  const withoutDispute = await db
    .selectFrom('ledger_transactions as t')
    .select('t.id')
    .where('t.dispute_id', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('disputes as d').select('d.id').whereRef('d.id', '=', 't.dispute_id'))),
    )
    .orderBy('t.id')
    .limit(UNBALANCED_REPORTED_MAX)
    .execute();
  const balances = await db
    .selectFrom('ledger_postings')
    .select(['account', 'currency', sql<bigint>`sum(amount_minor)`.as('balanceMinor')])
    .groupBy(['account', 'currency'])
    .orderBy('account')
    .orderBy('currency')
    .limit(BALANCES_REPORTED_MAX + 1)
    .execute();
  const overRecovered = await overRecoveredOrders(db);
  const negativeEscrow = await negativeEscrows(db);
  return {
    ok:
      unbalanced.length === 0 &&
      withoutDispute.length === 0 &&
      overRecovered.length === 0 &&
      negativeEscrow.length === 0,
    overRecovered,
    negativeEscrow,
    withoutDispute: withoutDispute.map((t) => t.id),
    transactions: counts.transactions ?? 0n,
    postings: counts.postings ?? 0n,
    unbalanced,
    balances: balances.slice(0, BALANCES_REPORTED_MAX),
    balancesTruncated: balances.length > BALANCES_REPORTED_MAX,
  };
}

/** The account's balance in `currency`: the sum of its postings (0 when it has none). */
export async function accountBalance(
  db: Kysely<Database>,
  account: string,
  currency: string,
): Promise<bigint> {
  const row = await db
    .selectFrom('ledger_postings')
    .select(sql<bigint>`coalesce(sum(amount_minor), 0)`.as('balanceMinor'))
    .where('account', '=', account)
    .where('currency', '=', currency)
    .executeTakeFirstOrThrow();
  return row.balanceMinor;
}
