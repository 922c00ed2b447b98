// Writes a transaction holds back until its end and then sends as one statement, a chain of
// data-modifying CTEs (`with w0 as (insert …), w1 as (insert …) select 1`): one round trip, one
// parse and plan for what were several. For writes whose outcome nothing later in the
// transaction reads and that decide nothing (no count checked, no conflict expected): a command's
// outbox rows, metrics projection, chain checkpoint and idempotency outcome. All parts of one
// statement see the same snapshot, so no two may touch the same row.
//
// Only a transaction that asked for it (holdWrites) holds; elsewhere writeLater writes at once,
// so a caller that never flushes (the runner, chargebacks) is unchanged.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

const held = new WeakMap<Db, RawBuilder<unknown>[]>();

/** From now on in `trx`, writeLater holds its writes until flushWrites. */
export function holdWrites(trx: Db): void {
  if (trx.isTransaction) held.set(trx, []);
}

/** Writes now, or with the transaction's other held writes when it holds them. */
export async function writeLater(trx: Db, write: RawBuilder<unknown>): Promise<void> {
  const writes = held.get(trx);
  if (writes === undefined) await write.execute(trx);
  else writes.push(write);
}

/** Sends the held writes as one statement, and stops holding. */
export async function flushWrites(trx: Db): Promise<void> {
  const writes = held.get(trx);
  held.delete(trx);
  if (writes === undefined || writes.length === 0) return;
  if (writes.length === 1) {
    await (writes[0] as RawBuilder<unknown>).execute(trx);
    return;
  }
  const parts = sql.join(
    writes.map((w, i) => sql`${sql.id(`w${i}`)} as (${w})`),
    sql`, `,
  );
  await sql`with ${parts} select 1`.execute(trx);
}

/**
 * Sends what is held so far and goes on holding: for a read later in the transaction that must
 * see those writes (the seller standing reads the metric buckets just changed).
 */
export async function flushHeldWrites(trx: Db): Promise<void> {
  if (!held.has(trx)) return;
  await flushWrites(trx);
  held.set(trx, []);
}
