// The platform's own accounts (logistics compensation, protection fund, fees, return postage) and
// their balances at the end of each UTC day, read from the ledger's postings: the balance before
// the window plus each day's movements. An account goes negative as the platform pays out
// (domain/ledger.ts's sign convention), so the series shows what the platform has spent.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/schema.ts';

export const PLATFORM_ACCOUNTS = [
  'platform_logistics_compensation',
  'platform_protection_fund',
  'platform_fees',
  'platform_return_postage',
] as const;
export type PlatformAccount = (typeof PLATFORM_ACCOUNTS)[number];

const DAY_MS = 86_400_000;
export const SERIES_DAYS_MAX = 366;

export interface DailyBalance {
  /** The UTC day, as its first instant. */
  readonly day: number;
  readonly balanceMinor: bigint;
}

export interface PlatformAccountSeries {
  readonly account: PlatformAccount;
  readonly currency: string;
  readonly balanceMinor: bigint;
  readonly days: readonly DailyBalance[];
}

/** Every platform account with postings, per currency, over the `days` days up to `now`. */
export async function platformAccountSeries(
  db: Kysely<Database>,
  now: number,
  days: number,
): Promise<PlatformAccountSeries[]> {
  const lastDay = Math.floor(now / DAY_MS);
  const firstDay = lastDay - days + 1;
  const from = new Date(firstDay * DAY_MS);
  const opening = await db
    .selectFrom('ledger_postings as p')
    .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
    .select(['p.account', 'p.currency', sql<string>`sum(p.amount_minor)`.as('sum')])
    .where('p.account', 'in', [...PLATFORM_ACCOUNTS])
    .where('t.at', '<', from)
    .groupBy(['p.account', 'p.currency'])
    .execute();
  const moves = await db
    .selectFrom('ledger_postings as p')
    .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
    .select([
      'p.account',
      'p.currency',
      sql<string>`floor(extract(epoch from t.at) / 86400)`.as('day'),
      sql<string>`sum(p.amount_minor)`.as('sum'),
    ])
    .where('p.account', 'in', [...PLATFORM_ACCOUNTS])
    .where('t.at', '>=', from)
    .groupBy(['p.account', 'p.currency'])
    .groupBy(sql`floor(extract(epoch from t.at) / 86400)`)
    .execute();
  const key = (account: string, currency: string) => `${account} ${currency}`;
  const openingOf = new Map(opening.map((r) => [key(r.account, r.currency), BigInt(r.sum)]));
  const movesOf = new Map<string, Map<number, bigint>>();
  for (const r of moves) {
    const k = key(r.account, r.currency);
    const perDay = movesOf.get(k) ?? new Map<number, bigint>();
    perDay.set(Number(r.day), BigInt(r.sum));
    movesOf.set(k, perDay);
  }
  const keys = [...new Set([...openingOf.keys(), ...movesOf.keys()])].sort();
  return keys.map((k) => {
    const [account, currency] = k.split(' ') as [PlatformAccount, string];
    let balance = openingOf.get(k) ?? 0n;
    const series: DailyBalance[] = [];
    for (let d = firstDay; d <= lastDay; d++) {
      balance += movesOf.get(k)?.get(d) ?? 0n;
      series.push({ day: d * DAY_MS, balanceMinor: balance });
    }
    return { account, currency, balanceMinor: balance, days: series };
  });
}
