// `settle ledger check`'s tie between the ledger and what caused it. A balanced ledger proves
// only that each transaction sums to zero: someone who rewrites both postings of a refund keeps
// it balanced. So every transaction is recomputed from its cause and compared posting by
// posting, and every cause must have its transaction:
// - a dispute's money event (refund_issued, funds_released, …; domain/ledger.ts transactionFor)
//   ↔ transaction `<dispute>:<seq>`, exactly;
// - an order row ↔ its capture `capture:<order>` (the paid amount), exactly;
// - a lost chargeback's event (kept on the chargebacks row) ↔ `chargeback:<id>:lost`, exactly,
//   and a chargeback's processor fee (its opened event) ↔ `chargeback:<id>:opened`, exactly;
// - an order's escrow release `escrow_release:<order>`: accounts, kind and currency only. Its
//   amount is "whatever the escrow held then", which no stored event records (docs/audit.md).
// Any other transaction is reported as having no cause.
import { type Kysely, sql } from 'kysely';
import {
  accounts,
  type BuyerId,
  type Chargeback,
  type ChargebackEvent,
  capture,
  chargebackTransactions,
  type DisputeEvent,
  type LedgerTransaction,
  money,
  type OrderFacts,
  type OrderId,
  type SellerId,
  transactionFor,
} from '../domain/index.ts';
import { fromRow } from '../store/event-log.ts';
import { reviveBigints } from '../store/json-codec.ts';
import type { Database } from '../store/schema.ts';

const PAGE_ROWS = 1_000;
export const TIE_PROBLEMS_REPORTED_MAX = 100;

export type TieProblem =
  /** A cause (money event, order, lost chargeback) without its transaction. */
  | 'missing_transaction'
  /** The transaction's kind, accounts, amounts or references differ from what its cause implies. */
  | 'differs'
  /** A transaction nothing explains: no such event, order or chargeback, or an unknown id. */
  | 'no_cause';

export interface TieFinding {
  readonly transactionId: string;
  readonly problem: TieProblem;
  readonly detail: string;
}

export interface LedgerTiesReport {
  readonly ok: boolean;
  /** Transactions compared with their cause, by what caused them. */
  readonly tied: { dispute: number; capture: number; chargeback: number; escrowRelease: number };
  readonly problemCount: number;
  readonly problems: readonly TieFinding[];
  /** What this check cannot prove, said so that nobody assumes it does. */
  readonly notCovered: readonly string[];
}

/** A transaction as stored, postings in line order, made comparable as text. */
interface StoredTx {
  readonly id: string;
  readonly kind: string;
  readonly orderId: string | null;
  readonly disputeId: string | null;
  readonly eventSeq: number | null;
  readonly postings: string;
}

export async function checkLedgerTies(db: Kysely<Database>): Promise<LedgerTiesReport> {
  const findings: TieFinding[] = [];
  let problemCount = 0;
  const report = (f: TieFinding) => {
    problemCount += 1;
    if (findings.length < TIE_PROBLEMS_REPORTED_MAX) findings.push(f);
  };
  const tied = { dispute: 0, capture: 0, chargeback: 0, escrowRelease: 0 };
  tied.dispute = await checkDisputeEvents(db, report);
  let after: string | undefined;
  for (;;) {
    const page = await transactionPage(db, after);
    for (const kind of await checkCauses(db, page, report)) tied[kind] += 1;
    if (page.length < PAGE_ROWS) break;
    after = page.at(-1)?.id;
  }
  await checkCapturesExist(db, report);
  await checkLostChargebacksExist(db, report);
  return {
    ok: problemCount === 0,
    tied,
    problemCount,
    problems: findings,
    notCovered: [
      'escrow release amounts: the released amount is what the escrow held, recorded by no event',
      'order and chargeback rows are the marketplace and processor facts as reported; their own edits are not signed',
    ],
  };
}

type Report = (f: TieFinding) => void;

/** Events → transactions: walks every event in chain order, keeping each dispute's order. */
async function checkDisputeEvents(db: Kysely<Database>, report: Report): Promise<number> {
  let compared = 0;
  let order: { disputeId: string; facts: OrderFacts } | undefined;
  let after: { disputeId: string; seq: number } | undefined;
  for (;;) {
    let query = db.selectFrom('dispute_events').selectAll();
    if (after !== undefined) {
      const { disputeId, seq } = after;
      query = query.where((eb) =>
        eb(eb.refTuple('dispute_id', 'seq'), '>', eb.tuple(disputeId, seq)),
      );
    }
    const rows = (await query.orderBy('dispute_id').orderBy('seq').limit(PAGE_ROWS).execute()).map(
      fromRow,
    );
    const expected = new Map<
      string,
      { tx: LedgerTransaction; orderId: string; disputeId: string; seq: number }
    >();
    for (const e of rows) {
      const event = e.payload as DisputeEvent;
      if (event.type === 'dispute_opened') order = { disputeId: e.disputeId, facts: event.order };
      if (order?.disputeId !== e.disputeId) continue; // no opening event: the chain check reports it
      const tx = transactionFor(event, order.facts);
      if (tx !== undefined)
        expected.set(`${e.disputeId}:${e.seq}`, {
          tx,
          orderId: order.facts.orderId,
          disputeId: e.disputeId,
          seq: e.seq,
        });
    }
    const stored = await transactionsById(db, [...expected.keys()]);
    for (const [id, want] of expected) {
      compared += 1;
      const found = stored.get(id);
      if (found === undefined) {
        report({
          transactionId: id,
          problem: 'missing_transaction',
          detail: `event ${want.seq} of ${want.disputeId} moves money but has no transaction`,
        });
        continue;
      }
      const differs = difference(found, {
        kind: want.tx.kind,
        orderId: want.orderId,
        disputeId: want.disputeId,
        eventSeq: want.seq,
        postings: postingsText(want.tx),
      });
      if (differs !== undefined) report({ transactionId: id, problem: 'differs', detail: differs });
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE_ROWS) return compared;
    after = { disputeId: last.disputeId, seq: last.seq };
  }
}

/** Transactions → causes: each page's transactions checked against what explains them. */
async function checkCauses(
  db: Kysely<Database>,
  page: readonly StoredTx[],
  report: Report,
): Promise<('capture' | 'chargeback' | 'escrowRelease')[]> {
  const tiedKinds: ('capture' | 'chargeback' | 'escrowRelease')[] = [];
  const disputeTxs = page.filter((t) => t.disputeId !== null);
  const moneyEvents = await moneyEventsOf(db, disputeTxs);
  const orders = await ordersOf(db, page);
  const chargebacks = await chargebacksOf(db, page);
  for (const tx of page) {
    if (tx.disputeId !== null) {
      // Compared with its event by checkDisputeEvents; here only: is there such an event?
      if (tx.id !== `${tx.disputeId}:${tx.eventSeq}` || !moneyEvents.has(tx.id))
        report({
          transactionId: tx.id,
          problem: 'no_cause',
          detail: `no money event ${tx.disputeId} #${tx.eventSeq}`,
        });
      continue;
    }
    const expected = expectedWithoutDispute(tx, orders, chargebacks);
    if (expected === undefined) {
      report({
        transactionId: tx.id,
        problem: 'no_cause',
        detail: `no order, chargeback or event explains it`,
      });
      continue;
    }
    tiedKinds.push(expected.tiedAs);
    const differs = difference(tx, expected.want);
    if (differs !== undefined)
      report({ transactionId: tx.id, problem: 'differs', detail: differs });
  }
  return tiedKinds;
}

/** A chargeback's events that post to the ledger: its fee when opened, its loss. */
interface ChargebackCauses {
  readonly chargeback: Chargeback;
  readonly lost?: ChargebackEvent;
  readonly opened?: ChargebackEvent;
}

interface OrderRow {
  readonly id: string;
  readonly buyerId: string;
  readonly sellerId: string;
  readonly paid: bigint;
  readonly currency: string;
}

function expectedWithoutDispute(
  tx: StoredTx,
  orders: ReadonlyMap<string, OrderRow>,
  chargebacks: ReadonlyMap<string, ChargebackCauses>,
): { tiedAs: 'capture' | 'chargeback' | 'escrowRelease'; want: Omit<StoredTx, 'id'> } | undefined {
  const [prefix, ref, suffix] = tx.id.split(':');
  if (prefix === 'capture' && ref !== undefined && suffix === undefined) {
    const o = orders.get(ref);
    if (o === undefined) return undefined;
    const want = capture({
      orderId: o.id as OrderId,
      buyerId: o.buyerId as BuyerId,
      paid: money(o.paid, o.currency),
    });
    return {
      tiedAs: 'capture',
      want: {
        kind: want.kind,
        orderId: o.id,
        disputeId: null,
        eventSeq: null,
        postings: postingsText(want),
      },
    };
  }
  if (prefix === 'chargeback' && ref !== undefined && (suffix === 'lost' || suffix === 'opened')) {
    const c = chargebacks.get(ref);
    // `opened` is the processor's fee (chargeback_fee), `lost` what the processor took.
    const cause = suffix === 'lost' ? c?.lost : c?.opened;
    if (c === undefined || cause === undefined) return undefined;
    const [want] = chargebackTransactions(cause, c.chargeback.order);
    if (want === undefined) return undefined;
    return {
      tiedAs: 'chargeback',
      want: {
        kind: want.kind,
        orderId: c.chargeback.order.orderId,
        disputeId: null,
        eventSeq: null,
        postings: postingsText(want),
      },
    };
  }
  if (prefix === 'escrow_release' && ref !== undefined && suffix === undefined) {
    const o = orders.get(ref);
    if (o === undefined) return undefined;
    // The amount is not recorded anywhere else: take the stored one, check all the rest.
    const amount = /^[^|]*\|(\d+)\|/.exec(tx.postings.split(';')[1] ?? '')?.[1] ?? '0';
    const want: LedgerTransaction = {
      kind: 'release',
      postings: [
        { account: accounts.escrow(o.id as OrderId), amount: money(-BigInt(amount), o.currency) },
        {
          account: accounts.sellerBalance(o.sellerId as SellerId),
          amount: money(BigInt(amount), o.currency),
        },
      ],
    };
    return {
      tiedAs: 'escrowRelease',
      want: {
        kind: 'release',
        orderId: o.id,
        disputeId: null,
        eventSeq: null,
        postings: postingsText(want),
      },
    };
  }
  return undefined;
}

/** Every order must have its capture: an order whose capture was deleted was never paid in. */
async function checkCapturesExist(db: Kysely<Database>, report: Report): Promise<void> {
  const rows = await db
    .selectFrom('orders as o')
    .select('o.id')
    .where(
      sql<boolean>`not exists (select 1 from ledger_transactions t where t.id = 'capture:' || o.id)`,
    )
    .orderBy('o.id')
    .limit(TIE_PROBLEMS_REPORTED_MAX)
    .execute();
  for (const o of rows)
    report({
      transactionId: `capture:${o.id}`,
      problem: 'missing_transaction',
      detail: `order ${o.id} has no capture`,
    });
}

async function checkLostChargebacksExist(db: Kysely<Database>, report: Report): Promise<void> {
  const rows = await db
    .selectFrom('chargebacks as c')
    .select('c.id')
    .where('c.status', '=', 'lost')
    .where(
      sql<boolean>`not exists (select 1 from ledger_transactions t where t.id = 'chargeback:' || c.id || ':lost')`,
    )
    .orderBy('c.id')
    .limit(TIE_PROBLEMS_REPORTED_MAX)
    .execute();
  for (const c of rows)
    report({
      transactionId: `chargeback:${c.id}:lost`,
      problem: 'missing_transaction',
      detail: `chargeback ${c.id} was lost but took no money`,
    });
}

async function transactionPage(
  db: Kysely<Database>,
  after: string | undefined,
): Promise<StoredTx[]> {
  let query = db.selectFrom('ledger_transactions').select('id');
  if (after !== undefined) query = query.where('id', '>', after);
  const ids = await query.orderBy('id').limit(PAGE_ROWS).execute();
  const byId = await transactionsById(
    db,
    ids.map((r) => r.id),
  );
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function transactionsById(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, StoredTx>> {
  const out = new Map<string, StoredTx>();
  if (ids.length === 0) return out;
  const txs = await db
    .selectFrom('ledger_transactions')
    .selectAll()
    .where('id', 'in', ids)
    .execute();
  const postings = await db
    .selectFrom('ledger_postings')
    .selectAll()
    .where('transaction_id', 'in', ids)
    .orderBy('transaction_id')
    .orderBy('line')
    .execute();
  const lines = new Map<string, string[]>();
  for (const p of postings) {
    const list = lines.get(p.transaction_id) ?? [];
    list.push(`${p.account}|${p.amount_minor}|${p.currency.trim()}`);
    lines.set(p.transaction_id, list);
  }
  for (const t of txs) {
    out.set(t.id, {
      id: t.id,
      kind: t.kind,
      orderId: t.order_id,
      disputeId: t.dispute_id,
      eventSeq: t.event_seq,
      postings: (lines.get(t.id) ?? []).join(';'),
    });
  }
  return out;
}

/** `<dispute>:<seq>` of the events these transactions name that imply a transaction. */
async function moneyEventsOf(db: Kysely<Database>, txs: readonly StoredTx[]): Promise<Set<string>> {
  const found = new Set<string>();
  const named = txs.filter((t) => t.eventSeq !== null);
  if (named.length === 0) return found;
  const rows = await db
    .selectFrom('dispute_events')
    .selectAll()
    .where((eb) =>
      eb.or(
        named.map((t) =>
          eb.and([
            eb('dispute_id', '=', t.disputeId as string),
            eb('seq', '=', t.eventSeq as number),
          ]),
        ),
      ),
    )
    .execute();
  const opened = await openingOrders(db, [...new Set(rows.map((r) => r.dispute_id))]);
  for (const row of rows.map(fromRow)) {
    const order = opened.get(row.disputeId);
    if (order !== undefined && transactionFor(row.payload as DisputeEvent, order) !== undefined)
      found.add(`${row.disputeId}:${row.seq}`);
  }
  return found;
}

async function openingOrders(
  db: Kysely<Database>,
  disputeIds: readonly string[],
): Promise<Map<string, OrderFacts>> {
  const out = new Map<string, OrderFacts>();
  if (disputeIds.length === 0) return out;
  const rows = await db
    .selectFrom('dispute_events')
    .selectAll()
    .where('dispute_id', 'in', disputeIds)
    .where('type', '=', 'dispute_opened')
    .execute();
  for (const row of rows.map(fromRow)) {
    const e = row.payload as DisputeEvent;
    if (e.type === 'dispute_opened') out.set(row.disputeId, e.order);
  }
  return out;
}

async function ordersOf(
  db: Kysely<Database>,
  txs: readonly StoredTx[],
): Promise<Map<string, OrderRow>> {
  const ids = [
    ...new Set(txs.flatMap((t) => (t.disputeId === null && t.orderId !== null ? [t.orderId] : []))),
  ];
  // The id names the order too; an edited order_id column must not pick a different order.
  for (const t of txs) {
    const [prefix, ref] = t.id.split(':');
    if ((prefix === 'capture' || prefix === 'escrow_release') && ref !== undefined) ids.push(ref);
  }
  const out = new Map<string, OrderRow>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('orders')
    .select(['id', 'buyer_id', 'seller_id', 'amount_paid_minor', 'currency'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  for (const o of rows)
    out.set(o.id, {
      id: o.id,
      buyerId: o.buyer_id,
      sellerId: o.seller_id,
      paid: BigInt(o.amount_paid_minor),
      currency: o.currency.trim(),
    });
  return out;
}

async function chargebacksOf(
  db: Kysely<Database>,
  txs: readonly StoredTx[],
): Promise<Map<string, ChargebackCauses>> {
  const ids = txs.flatMap((t) => {
    const [prefix, ref] = t.id.split(':');
    return prefix === 'chargeback' && ref !== undefined ? [ref] : [];
  });
  const out = new Map<string, ChargebackCauses>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('chargebacks')
    .select(['id', 'state', 'events'])
    .where('id', 'in', ids)
    .execute();
  for (const row of rows) {
    const chargeback = reviveBigints(row.state) as Chargeback;
    const entries = reviveBigints(row.events) as { event: ChargebackEvent }[];
    const lost = entries.find((e) => e.event.type === 'chargeback_lost')?.event;
    const opened = entries.find((e) => e.event.type === 'chargeback_opened')?.event;
    out.set(row.id, {
      chargeback,
      ...(lost === undefined ? {} : { lost }),
      ...(opened === undefined ? {} : { opened }),
    });
  }
  return out;
}

function postingsText(tx: LedgerTransaction): string {
  return tx.postings.map((p) => `${p.account}|${p.amount.minor}|${p.amount.currency}`).join(';');
}

/** What differs between the stored transaction and the one its cause implies, if anything. */
function difference(found: Omit<StoredTx, 'id'>, want: Omit<StoredTx, 'id'>): string | undefined {
  for (const field of ['kind', 'orderId', 'disputeId', 'eventSeq', 'postings'] as const) {
    if (String(found[field]) !== String(want[field]))
      return `${field}: expected ${String(want[field])}, found ${String(found[field])}`;
  }
  return undefined;
}
