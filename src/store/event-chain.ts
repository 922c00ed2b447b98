import type { Kysely } from 'kysely';
import { eventHash, GENESIS_HASH } from './event-hash.ts';
import { fromRow, type StoredEvent } from './event-log.ts';
import type { Database } from './schema.ts';

// Audits the hash chains by recomputing every hash from the stored columns. Reads in keyset
// pages so memory stays flat however many events there are.

const PAGE_ROWS = 1_000;

/** `no_dispute`: events whose dispute has no row (the log no longer has a foreign key to it). */
export type ChainProblem = 'gap' | 'prev_hash' | 'hash' | 'no_dispute';

export type ChainReport =
  | { ok: true; disputes: number; events: number }
  | {
      ok: false;
      disputeId: string;
      seq: number;
      problem: ChainProblem;
      expected: string;
      found: string;
    };

export type BrokenLink = Extract<ChainReport, { ok: false }>;
type Broken = BrokenLink;

/** Walks one dispute's chain, or every chain when `disputeId` is omitted; reports the first break. */
export async function verifyChain(db: Kysely<Database>, disputeId?: string): Promise<ChainReport> {
  const orphan = await firstOrphan(db, disputeId);
  if (orphan !== undefined) {
    return {
      ok: false,
      disputeId: orphan.dispute_id,
      seq: orphan.seq,
      problem: 'no_dispute',
      expected: 'a disputes row',
      found: 'none',
    };
  }
  let disputes = 0;
  let events = 0;
  let previous: StoredEvent | undefined;
  let after: { disputeId: string; seq: number } | undefined;
  for (;;) {
    const page = await readPage(db, disputeId, after);
    for (const event of page) {
      const fresh = previous?.disputeId !== event.disputeId;
      const broken = checkLink(fresh ? undefined : previous, event);
      if (broken !== undefined) return broken;
      if (fresh) disputes += 1;
      events += 1;
      previous = event;
    }
    if (page.length < PAGE_ROWS || previous === undefined) return { ok: true, disputes, events };
    after = { disputeId: previous.disputeId, seq: previous.seq };
  }
}

/** Checks `event` against the one before it in its dispute (undefined for the first). */
export function checkLink(
  previous: StoredEvent | undefined,
  event: StoredEvent,
): Broken | undefined {
  const at = { ok: false as const, disputeId: event.disputeId, seq: event.seq };
  const seq = (previous?.seq ?? 0) + 1;
  if (event.seq !== seq) {
    return { ...at, problem: 'gap', expected: `seq ${seq}`, found: `seq ${event.seq}` };
  }
  const prevHash = previous?.hash ?? GENESIS_HASH;
  if (event.prevHash !== prevHash) {
    return { ...at, problem: 'prev_hash', expected: prevHash, found: event.prevHash };
  }
  const hash = eventHash(event.prevHash, event);
  if (event.hash !== hash) return { ...at, problem: 'hash', expected: hash, found: event.hash };
  return undefined;
}

/** The first event whose dispute has no row, if any. */
async function firstOrphan(db: Kysely<Database>, disputeId: string | undefined) {
  let query = db
    .selectFrom('dispute_events as e')
    .select(['e.dispute_id', 'e.seq'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('disputes as d').select('d.id').whereRef('d.id', '=', 'e.dispute_id'))),
    );
  if (disputeId !== undefined) query = query.where('e.dispute_id', '=', disputeId);
  return query.orderBy('e.dispute_id').orderBy('e.seq').limit(1).executeTakeFirst();
}

async function readPage(
  db: Kysely<Database>,
  disputeId: string | undefined,
  after: { disputeId: string; seq: number } | undefined,
): Promise<StoredEvent[]> {
  let query = db.selectFrom('dispute_events').selectAll();
  if (disputeId !== undefined) query = query.where('dispute_id', '=', disputeId);
  if (after !== undefined) {
    query = query.where((eb) =>
      eb(eb.refTuple('dispute_id', 'seq'), '>', eb.tuple(after.disputeId, after.seq)),
    );
  }
  const rows = await query.orderBy('dispute_id').orderBy('seq').limit(PAGE_ROWS).execute();
  return rows.map(fromRow);
}

/** The events of `disputeIds` in (dispute, seq) order after `after`, a page at a time. */
export async function eventsOfDisputes(
  db: Kysely<Database>,
  disputeIds: readonly string[],
  after: { disputeId: string; seq: number } | undefined,
  limit: number = PAGE_ROWS,
): Promise<StoredEvent[]> {
  if (disputeIds.length === 0) return [];
  let query = db.selectFrom('dispute_events').selectAll().where('dispute_id', 'in', disputeIds);
  if (after !== undefined) {
    query = query.where((eb) =>
      eb(eb.refTuple('dispute_id', 'seq'), '>', eb.tuple(after.disputeId, after.seq)),
    );
  }
  const rows = await query.orderBy('dispute_id').orderBy('seq').limit(limit).execute();
  return rows.map(fromRow);
}
