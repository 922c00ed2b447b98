// A seller's money as the ledger has it (issue 10, item 10): the balance per currency (available,
// or a debt when refunds owed after release or lost chargebacks took more than the seller had,
// domain.md), what the seller's orders still hold in escrow, and a statement of the balance
// account's lines with the balance after each. Read-only: everything comes from the postings.
import { sql } from 'kysely';
import { accounts, type SellerId } from '../domain/index.ts';
import type { Store } from '../store/store.ts';

export interface CurrencyBalance {
  readonly currency: string;
  /** The seller balance account: negative is a debt the seller owes the platform. */
  readonly balanceMinor: bigint;
  readonly availableMinor: bigint;
  readonly debtMinor: bigint;
  /** What the seller's orders hold in escrow, not yet released (frozen or waiting). */
  readonly heldInEscrowMinor: bigint;
}

export interface StatementLine {
  readonly transactionId: string;
  readonly line: number;
  readonly at: number;
  readonly kind: string;
  readonly orderId: string | null;
  readonly disputeId: string | null;
  readonly currency: string;
  readonly amountMinor: bigint;
  /** The account's balance in this currency after this line. */
  readonly balanceAfterMinor: bigint;
}

export interface StatementQuery {
  /** Epoch ms, inclusive. */
  readonly from: number;
  /** Epoch ms, exclusive. */
  readonly to: number;
  readonly limit: number;
  readonly cursor?: string;
}

export interface StatementPage {
  /** Per currency, the balance before the range (before `from`). */
  readonly opening: readonly { currency: string; balanceMinor: bigint }[];
  readonly lines: readonly StatementLine[];
  readonly nextCursor?: string;
}

/** Largest page a statement read returns; CSV streams the range in pages of this size. */
export const STATEMENT_PAGE_MAX = 500;

export async function sellerExists(store: Store, sellerId: string): Promise<boolean> {
  const row = await store.db
    .selectFrom('sellers')
    .select('id')
    .where('id', '=', sellerId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function sellerBalance(store: Store, sellerId: string): Promise<CurrencyBalance[]> {
  const account = accounts.sellerBalance(sellerId as SellerId);
  const own = await store.db
    .selectFrom('ledger_postings')
    .select(['currency', sql<string>`sum(amount_minor)`.as('sum')])
    .where('account', '=', account)
    .groupBy('currency')
    .execute();
  // Each order's escrow account, found through the seller's orders (orders_seller_id, then the
  // postings' account index): no scan of the whole ledger.
  const escrow = await store.db
    .selectFrom('orders as o')
    .innerJoin('ledger_postings as p', (join) =>
      join.on(sql`p.account`, '=', sql`'order_escrow:' || o.id`),
    )
    .select(['p.currency', sql<string>`sum(p.amount_minor)`.as('sum')])
    .where('o.seller_id', '=', sellerId)
    .groupBy('p.currency')
    .execute();
  const byCurrency = new Map<string, { balance: bigint; escrow: bigint }>();
  for (const r of own) byCurrency.set(r.currency, { balance: BigInt(r.sum), escrow: 0n });
  for (const r of escrow) {
    const entry = byCurrency.get(r.currency) ?? { balance: 0n, escrow: 0n };
    byCurrency.set(r.currency, { ...entry, escrow: BigInt(r.sum) });
  }
  return [...byCurrency]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, { balance, escrow }]) => ({
      currency,
      balanceMinor: balance,
      availableMinor: balance > 0n ? balance : 0n,
      debtMinor: balance < 0n ? -balance : 0n,
      heldInEscrowMinor: escrow,
    }));
}

interface LineKey {
  readonly at: number;
  readonly id: string;
  readonly line: number;
}

export function encodeStatementCursor(key: LineKey): string {
  return Buffer.from(JSON.stringify([key.at, key.id, key.line]), 'utf8').toString('base64url');
}

/** A tampered cursor is just invalid: the route answers 400. */
export function decodeStatementCursor(cursor: string): LineKey | undefined {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(v) || v.length !== 3) return undefined;
    const [at, id, line] = v as unknown[];
    if (!Number.isSafeInteger(at) || typeof id !== 'string' || !Number.isSafeInteger(line))
      return undefined;
    return { at: at as number, id, line: line as number };
  } catch {
    return undefined;
  }
}

/**
 * One page of the seller balance account's lines in [from, to), oldest first, with the balance
 * after each line (per currency): the balance before the page is summed once, then carried.
 */
export async function sellerStatement(
  store: Store,
  sellerId: string,
  q: StatementQuery,
): Promise<StatementPage> {
  const account = accounts.sellerBalance(sellerId as SellerId);
  const key = q.cursor === undefined ? undefined : decodeStatementCursor(q.cursor);
  if (q.cursor !== undefined && key === undefined) throw new RangeError('invalid cursor');
  const opening = await balancesBefore(store, account, { at: q.from, id: '', line: 0 });
  const carried = key === undefined ? new Map(opening) : await balancesBefore(store, account, key);
  const rows = await store.db
    .selectFrom('ledger_postings as p')
    .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
    .select([
      'p.transaction_id as transactionId',
      'p.line',
      't.at',
      't.kind',
      't.order_id as orderId',
      't.dispute_id as disputeId',
      'p.currency',
      'p.amount_minor as amountMinor',
    ])
    .where('p.account', '=', account)
    .where('t.at', '>=', new Date(q.from))
    .where('t.at', '<', new Date(q.to))
    .$if(key !== undefined, (qb) => qb.where(afterKey(key as LineKey)))
    .orderBy('t.at')
    .orderBy('p.transaction_id')
    .orderBy('p.line')
    .limit(q.limit + 1)
    .execute();
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const lines = page.map((r) => {
    const after = (carried.get(r.currency) ?? 0n) + BigInt(r.amountMinor);
    carried.set(r.currency, after);
    return {
      transactionId: r.transactionId,
      line: r.line,
      at: (r.at as Date).getTime(),
      kind: r.kind,
      orderId: r.orderId,
      disputeId: r.disputeId,
      currency: r.currency,
      amountMinor: BigInt(r.amountMinor),
      balanceAfterMinor: after,
    };
  });
  const last = lines.at(-1);
  return {
    opening: [...opening].map(([currency, balanceMinor]) => ({ currency, balanceMinor })),
    lines,
    ...(more && last !== undefined
      ? {
          nextCursor: encodeStatementCursor({
            at: last.at,
            id: last.transactionId,
            line: last.line,
          }),
        }
      : {}),
  };
}

/** Every line of the range, a page at a time: memory stays bounded however long the range. */
export async function* statementLines(
  store: Store,
  sellerId: string,
  range: { readonly from: number; readonly to: number },
): AsyncGenerator<StatementLine> {
  let cursor: string | undefined;
  do {
    const page = await sellerStatement(store, sellerId, {
      ...range,
      limit: STATEMENT_PAGE_MAX,
      ...(cursor === undefined ? {} : { cursor }),
    });
    yield* page.lines;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

function afterKey(key: LineKey) {
  return sql<boolean>`(t.at, p.transaction_id, p.line) > (${new Date(key.at)}, ${key.id}, ${key.line})`;
}

/**
 * The account's balance per currency over every line up to `key` (at, transaction, line)
 * included. The opening balance passes (from, '', 0): no transaction id sorts before ''.
 */
async function balancesBefore(
  store: Store,
  account: string,
  key: LineKey,
): Promise<Map<string, bigint>> {
  const rows = await store.db
    .selectFrom('ledger_postings as p')
    .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
    .select(['p.currency', sql<string>`sum(p.amount_minor)`.as('sum')])
    .where('p.account', '=', account)
    .where(
      sql<boolean>`(t.at, p.transaction_id, p.line) <= (${new Date(key.at)}, ${key.id}, ${key.line})`,
    )
    .groupBy('p.currency')
    .execute();
  return new Map(rows.map((r) => [r.currency, BigInt(r.sum)]));
}
