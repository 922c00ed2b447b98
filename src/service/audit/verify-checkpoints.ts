// `settle audit verify`'s second half: every dispute's stored events must still end at the head
// its signed checkpoint names. The hash chain (store/event-chain.ts) proves each event follows
// the one before; the checkpoint, signed with a key the database never holds, proves the chain
// was not rewritten as a whole: edit-and-rehash, a cut-off tail, a dropped or reordered event
// all move the head away from what was signed.
import type { Kysely } from 'kysely';
import {
  type CheckpointRow,
  checkpointPage,
  loadCheckpoint,
} from '../../store/chain-checkpoints.ts';
import type { Database } from '../../store/schema.ts';
import { checkSignature, type Keyring } from './checkpoint.ts';

const PAGE_ROWS = 500;
/** Problems listed at most; `problemCount` stays exact. */
export const CHECKPOINT_PROBLEMS_REPORTED_MAX = 100;

export type CheckpointProblem =
  /** A dispute with events (or a row) but no signed checkpoint. */
  | 'no_checkpoint'
  /** Signed by a key not in the trusted keyring. */
  | 'unknown_key'
  | 'bad_signature'
  /** Fewer events than signed, or not numbered 1..seq: truncated, or one deleted. */
  | 'events_missing'
  /** More events than signed: appended by something that did not sign. */
  | 'unsigned_events'
  /** The event at the signed seq does not have the signed hash: the chain was rewritten. */
  | 'head_hash';

export interface CheckpointFinding {
  readonly disputeId: string;
  readonly problem: CheckpointProblem;
  readonly detail: string;
}

export interface CheckpointReport {
  readonly ok: boolean;
  readonly checkpoints: number;
  readonly keys: number;
  readonly problemCount: number;
  readonly problems: readonly CheckpointFinding[];
}

export async function verifyCheckpoints(
  db: Kysely<Database>,
  keyring: Keyring,
  disputeId?: string,
): Promise<CheckpointReport> {
  const findings: CheckpointFinding[] = [];
  let problemCount = 0;
  const report = (f: CheckpointFinding) => {
    problemCount += 1;
    if (findings.length < CHECKPOINT_PROBLEMS_REPORTED_MAX) findings.push(f);
  };
  let checkpoints = 0;
  let after: string | undefined;
  for (;;) {
    const page =
      disputeId === undefined
        ? await checkpointPage(db, after, PAGE_ROWS)
        : [await loadCheckpoint(db, disputeId)].filter((c) => c !== undefined);
    const heads = await headsOf(db, page);
    for (const c of page) {
      checkpoints += 1;
      const found = checkOne(c, keyring, heads.get(c.disputeId));
      if (found !== undefined) report(found);
    }
    if (disputeId !== undefined || page.length < PAGE_ROWS) break;
    after = page.at(-1)?.disputeId;
  }
  for (const id of await unsignedDisputes(db, disputeId))
    report({ disputeId: id, problem: 'no_checkpoint', detail: 'no signed checkpoint' });
  return {
    ok: problemCount === 0,
    checkpoints,
    keys: keyring.size,
    problemCount,
    problems: findings,
  };
}

interface Head {
  readonly count: number;
  readonly maxSeq: number;
  /** The hash of the event at the checkpoint's seq, if there is one. */
  readonly hashAtSeq: string | undefined;
}

function checkOne(
  c: CheckpointRow,
  keyring: Keyring,
  head: Head | undefined,
): CheckpointFinding | undefined {
  const at = { disputeId: c.disputeId };
  const signature = checkSignature(c, keyring);
  if (signature === 'unknown_key')
    return {
      ...at,
      problem: 'unknown_key',
      detail: `key ${c.keyId} is not in the trusted keyring`,
    };
  if (signature === 'bad_signature')
    return {
      ...at,
      problem: 'bad_signature',
      detail: `checkpoint at event ${c.seq} does not verify`,
    };
  const count = head?.count ?? 0;
  const maxSeq = head?.maxSeq ?? 0;
  if (maxSeq > c.seq)
    return {
      ...at,
      problem: 'unsigned_events',
      detail: `signed ${c.seq} events, found up to event ${maxSeq}`,
    };
  if (count !== c.seq || maxSeq !== c.seq)
    return {
      ...at,
      problem: 'events_missing',
      detail: `signed ${c.seq} events, found ${count} (last ${maxSeq})`,
    };
  if (head?.hashAtSeq !== c.headHash)
    return {
      ...at,
      problem: 'head_hash',
      detail: `event ${c.seq}: signed ${c.headHash}, found ${head?.hashAtSeq}`,
    };
  return undefined;
}

/** Event count, last seq and the hash at the signed seq, for each checkpoint's dispute. */
async function headsOf(
  db: Kysely<Database>,
  page: readonly CheckpointRow[],
): Promise<Map<string, Head>> {
  const heads = new Map<string, Head>();
  if (page.length === 0) return heads;
  const ids = page.map((c) => c.disputeId);
  const counts = await db
    .selectFrom('dispute_events')
    .select(({ fn }) => [
      'dispute_id',
      fn.countAll<string>().as('count'),
      fn.max('seq').as('max_seq'),
    ])
    .where('dispute_id', 'in', ids)
    .groupBy('dispute_id')
    .execute();
  const hashes = await db
    .selectFrom('dispute_events')
    .select(['dispute_id', 'seq', 'hash'])
    .where((eb) =>
      eb.or(page.map((c) => eb.and([eb('dispute_id', '=', c.disputeId), eb('seq', '=', c.seq)]))),
    )
    .execute();
  const hashOf = new Map(hashes.map((h) => [h.dispute_id, h.hash]));
  for (const row of counts) {
    heads.set(row.dispute_id, {
      count: Number(row.count),
      maxSeq: Number(row.max_seq),
      hashAtSeq: hashOf.get(row.dispute_id),
    });
  }
  return heads;
}

/** Disputes with events or a row but no checkpoint (at most the reporting cap). */
async function unsignedDisputes(
  db: Kysely<Database>,
  disputeId: string | undefined,
): Promise<string[]> {
  const limit = CHECKPOINT_PROBLEMS_REPORTED_MAX;
  let fromEvents = db
    .selectFrom('dispute_events as e')
    .select('e.dispute_id as id')
    .distinct()
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('chain_checkpoints as c')
            .select('c.dispute_id')
            .whereRef('c.dispute_id', '=', 'e.dispute_id'),
        ),
      ),
    );
  let fromRows = db
    .selectFrom('disputes as d')
    .select('d.id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('chain_checkpoints as c')
            .select('c.dispute_id')
            .whereRef('c.dispute_id', '=', 'd.id'),
        ),
      ),
    );
  if (disputeId !== undefined) {
    fromEvents = fromEvents.where('e.dispute_id', '=', disputeId);
    fromRows = fromRows.where('d.id', '=', disputeId);
  }
  const rows = await fromEvents.union(fromRows).orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}
