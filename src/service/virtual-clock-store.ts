// The virtual clock survives a restart: its time is kept in the database (migration 0015), so a
// demo advanced by 30 days resumes 30 days ahead instead of at the machine's time, where every
// stored event would lie in the future. On start it also never stands behind the latest event
// or ledger transaction already stored (written by a system clock, or a lost save).
import { sql } from 'kysely';
import type { Instant } from '../domain/index.ts';
import type { Store } from '../store/store.ts';
import { VirtualClock } from './clock.ts';

/** The virtual clock at the later of its saved time and the latest stored fact. */
export async function openVirtualClock(store: Store, fallbackMs: number): Promise<VirtualClock> {
  const saved = await store.db.selectFrom('virtual_clock').select('now').executeTakeFirst();
  const latest = await latestStoredAt(store);
  const start = Math.max(saved?.now.getTime() ?? fallbackMs, latest ?? Number.NEGATIVE_INFINITY);
  const clock = new VirtualClock(start);
  await saveVirtualClock(store, clock.current());
  return clock;
}

/** Moves the clock forward and saves it before anything happens at the new time. */
export async function advanceVirtualClock(
  store: Store,
  clock: VirtualClock,
  ms: number,
): Promise<Instant> {
  const now = clock.advance(ms);
  await saveVirtualClock(store, now);
  return now;
}

// greatest(): a slower process saving an older time never moves the saved clock back.
async function saveVirtualClock(store: Store, now: Instant): Promise<void> {
  await store.db
    .insertInto('virtual_clock')
    .values({ now: new Date(now) })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ now: sql`greatest(virtual_clock.now, excluded.now)` }),
    )
    .execute();
}

async function latestStoredAt(store: Store): Promise<number | undefined> {
  const { rows } = await sql<{ at: Date | null }>`
    select greatest(
      (select max(at) from dispute_events),
      (select max(at) from ledger_transactions)
    ) as at`.execute(store.db);
  return rows[0]?.at?.getTime() ?? undefined;
}
