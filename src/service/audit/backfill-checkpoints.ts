// Trust on first signing: disputes written before signed checkpoints existed (a database
// upgraded to this version) get one for their current head, so `settle audit verify` can check
// them from now on. Only a chain that still verifies link by link, and has as many events as its
// dispute row counts, is signed: a chain already broken, or cut short, stays unsigned and is
// reported, so tampered history is never blessed. What happened before the first signing is only
// as trustworthy as the database was then (docs/audit.md, "Upgrading: trust on first signing").
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import {
  type CheckpointRow,
  checkpointedAmong,
  disputesWithoutCheckpoint,
  insertMissingCheckpoints,
  type UncheckedDispute,
} from '../../store/chain-checkpoints.ts';
import { type ChainProblem, checkLink, eventsOfDisputes } from '../../store/event-chain.ts';
import type { StoredEvent } from '../../store/event-log.ts';
import type { Database } from '../../store/schema.ts';
import type { CheckpointSigner } from './checkpoint.ts';

/** Disputes checked and signed per transaction: short enough not to hold up writers or start. */
export const BACKFILL_BATCH_DISPUTES = 500;
/** Events read per query while walking a batch's chains. */
const EVENT_PAGE_ROWS = 1_000;
/** Refused disputes listed at most; `refusedCount` stays exact. */
export const BACKFILL_REFUSED_REPORTED_MAX = 100;

export type BackfillRefusal =
  | ChainProblem
  /** The dispute row counts more events than are stored (a cut-off tail) or fewer. */
  | 'event_count'
  /** A dispute row without any event: nothing to sign, and something deleted them. */
  | 'no_events';

export interface RefusedDispute {
  readonly disputeId: string;
  readonly problem: BackfillRefusal;
  readonly detail: string;
}

export interface BackfillReport {
  /** Checkpoints added by this run. */
  readonly signed: number;
  readonly refusedCount: number;
  readonly refused: readonly RefusedDispute[];
}

interface Options {
  readonly now: number;
  readonly batchDisputes?: number;
  readonly logger?: Logger;
}

/** Signs the head of every dispute that has none and whose chain verifies; idempotent. */
export async function backfillCheckpoints(
  db: Kysely<Database>,
  signer: CheckpointSigner,
  options: Options,
): Promise<BackfillReport> {
  const batch = options.batchDisputes ?? BACKFILL_BATCH_DISPUTES;
  const refused: RefusedDispute[] = [];
  let refusedCount = 0;
  let signed = 0;
  // A refused dispute keeps having no checkpoint: the cursor moves past it, not the query.
  let after: string | undefined;
  for (;;) {
    const result = await db.transaction().execute(async (trx) => {
      const page = await disputesWithoutCheckpoint(trx, after, batch);
      return { page, ...(await signPage(trx, signer, page, options.now)) };
    });
    signed += result.signed;
    for (const r of result.refused) {
      refusedCount += 1;
      if (refused.length < BACKFILL_REFUSED_REPORTED_MAX) refused.push(r);
      options.logger?.warn(r, 'dispute chain broken: left without a signed checkpoint');
    }
    if (result.page.length < batch) break;
    // A large upgraded database takes several batches: say how far it got.
    options.logger?.info({ signed, refused: refusedCount }, 'backfilling signed checkpoints');
    after = result.page.at(-1)?.disputeId;
  }
  return { signed, refusedCount, refused };
}

async function signPage(
  trx: Kysely<Database>,
  signer: CheckpointSigner,
  page: readonly UncheckedDispute[],
  now: number,
): Promise<{ signed: number; refused: RefusedDispute[] }> {
  const heads = await checkedHeads(
    trx,
    page.map((d) => d.disputeId),
  );
  const checkpoints: CheckpointRow[] = [];
  const refused: RefusedDispute[] = [];
  for (const d of page) {
    const verdict = verdictOf(d, heads.get(d.disputeId));
    if ('problem' in verdict) refused.push(verdict);
    else
      checkpoints.push(
        signer.sign({
          disputeId: d.disputeId,
          seq: verdict.seq,
          headHash: verdict.hash,
          signedAt: now,
        }),
      );
  }
  const signed = await insertMissingCheckpoints(trx, checkpoints);
  // A count that moved may be a write that landed after the row was read: that writer signed
  // its head in the same transaction, so a checkpoint there now means nothing is wrong.
  const moved = refused.filter((r) => r.problem === 'event_count').map((r) => r.disputeId);
  const signedMeanwhile = await checkpointedAmong(trx, moved);
  return { signed, refused: refused.filter((r) => !signedMeanwhile.has(r.disputeId)) };
}

/** One dispute's chain as read: its last event, its count, or the first broken link. */
type ChainHead =
  | { readonly last: StoredEvent; readonly count: number }
  | { readonly broken: RefusedDispute };

/** Walks the chains of `disputeIds` link by link, a page of events at a time. */
async function checkedHeads(
  trx: Kysely<Database>,
  disputeIds: readonly string[],
): Promise<Map<string, ChainHead>> {
  const heads = new Map<string, ChainHead>();
  let after: { disputeId: string; seq: number } | undefined;
  for (;;) {
    const events = await eventsOfDisputes(trx, disputeIds, after, EVENT_PAGE_ROWS);
    for (const event of events) {
      const head = heads.get(event.disputeId);
      if (head !== undefined && 'broken' in head) continue;
      const broken = checkLink(head?.last, event);
      heads.set(
        event.disputeId,
        broken === undefined
          ? { last: event, count: (head?.count ?? 0) + 1 }
          : {
              broken: {
                disputeId: event.disputeId,
                problem: broken.problem,
                detail: `event ${broken.seq}: expected ${broken.expected}, found ${broken.found}`,
              },
            },
      );
    }
    const last = events.at(-1);
    if (last === undefined || events.length < EVENT_PAGE_ROWS) return heads;
    after = { disputeId: last.disputeId, seq: last.seq };
  }
}

function verdictOf(
  d: UncheckedDispute,
  head: ChainHead | undefined,
): RefusedDispute | { seq: number; hash: string } {
  if (head === undefined)
    return { disputeId: d.disputeId, problem: 'no_events', detail: 'the dispute has no events' };
  if ('broken' in head) return head.broken;
  if (head.count !== d.version)
    return {
      disputeId: d.disputeId,
      problem: 'event_count',
      detail: `the dispute row counts ${d.version} events, ${head.count} are stored`,
    };
  return { seq: head.last.seq, hash: head.last.hash };
}
