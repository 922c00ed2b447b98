// What the health endpoints and the status page report, computed here so HTTP stays free of SQL.
import { sql } from 'kysely';
import { pendingMigrations } from '../store/migrate.ts';
import type { Store } from '../store/store.ts';

export type Readiness =
  | { readonly ready: true; readonly database: string }
  | { readonly ready: false; readonly reason: string; readonly pending?: readonly string[] };

export async function readiness(store: Store): Promise<Readiness> {
  try {
    await sql`select 1`.execute(store.db);
    const pending = await pendingMigrations(store);
    return pending.length > 0
      ? { ready: false, reason: 'migrating', pending }
      : { ready: true, database: store.dialect };
  } catch {
    return { ready: false, reason: 'database unreachable' };
  }
}

export async function disputeCountsByStatus(
  store: Store,
): Promise<{ status: string; count: number }[]> {
  const rows = await store.db
    .selectFrom('disputes')
    .select(['status', store.db.fn.countAll<string>().as('n')])
    .groupBy('status')
    .orderBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
}

export async function outboxPending(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('outbox')
    .select(store.db.fn.countAll<string>().as('n'))
    .where('delivered_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
