// One decision, written atomically: events appended after the version we read, the dispute row
// updated (only if still at that version), ledger transactions, read-side projections and
// outbox messages, all in the caller's transaction. Nothing is written for a rejection.
import type { ExpressionBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';
import {
  actorId,
  type CommandEnvelope,
  type Decision,
  type Dispute,
  type DisputeEvent,
  decide,
  evolve,
  type Instant,
  nextDeadline,
  type Policy,
  transactionFor,
} from '../domain/index.ts';
import { ConcurrencyConflict } from '../store/errors.ts';
import { appendEvents } from '../store/event-log.ts';
import { jsonb } from '../store/jsonb.ts';
import { appendTransactions, type NewLedgerTransaction } from '../store/ledger-store.ts';
import { enqueueMany, type NewMessage } from '../store/outbox.ts';
import type { Database } from '../store/schema.ts';
import type { DialectName } from '../store/store.ts';
import { topicOf } from './outbox-topics.ts';
import { projectEvents } from './projections.ts';
import { decodeDispute } from './state-codec.ts';

export interface Loaded {
  readonly dispute: Dispute;
  readonly version: number;
  /** The hash of the event at `version`, when read with the row (see lastEventHash). */
  readonly lastHash?: string;
}

export type Written =
  | {
      readonly ok: true;
      readonly dispute: Dispute;
      readonly version: number;
      readonly events: readonly DisputeEvent[];
    }
  | { readonly ok: false; readonly rejection: Extract<Decision, { ok: false }>['rejection'] };

/** Channel the deadline runners LISTEN on: a hint to look now, never the source of truth. */
export const DEADLINE_CHANNEL = 'settle_deadlines';

export async function loadForWrite(
  trx: Kysely<Database>,
  disputeId: string,
  lock: boolean,
): Promise<Loaded | undefined> {
  let query = trx
    .selectFrom('disputes')
    .select(['state', 'version', lastEventHash])
    .where('id', '=', disputeId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : loadedFrom(row);
}

/**
 * Selects, with a disputes row, the hash of its last event (the one at `version`): the chain's
 * next link needs it, and reading it here saves a round trip per write. Written in the same
 * transaction as the row's version, so the two are always read together consistently.
 */
export function lastEventHash(eb: ExpressionBuilder<Database, 'disputes'>) {
  return eb
    .selectFrom('dispute_events')
    .select('dispute_events.hash')
    .whereRef('dispute_events.dispute_id', '=', 'disputes.id')
    .whereRef('dispute_events.seq', '=', 'disputes.version')
    .as('last_hash');
}

export function loadedFrom(row: {
  state: unknown;
  version: number;
  last_hash: string | null;
}): Loaded {
  const loaded = { dispute: decodeDispute(row.state), version: row.version };
  return row.last_hash === null ? loaded : { ...loaded, lastHash: row.last_hash };
}

export async function decideAndWrite(
  trx: Kysely<Database>,
  dialect: DialectName,
  loaded: Loaded | undefined,
  envelope: CommandEnvelope,
  now: Instant,
  policy: Policy,
): Promise<Written> {
  const decision = decide(envelope, loaded?.dispute, now, policy);
  if (!decision.ok) return decision;
  if (decision.events.length === 0 && loaded !== undefined) {
    return { ok: true, dispute: loaded.dispute, version: loaded.version, events: [] };
  }
  // Fold first: the row goes in before the events that reference it, and each effect below
  // sees the state its event made.
  const states: Dispute[] = [];
  let state = loaded?.dispute;
  for (const e of decision.events) {
    state = evolve(state, e);
    states.push(state);
  }
  if (state === undefined) throw new Error('a decision with events left no state');
  const version = loaded?.version ?? 0;
  const newVersion = version + decision.events.length;
  await writeRow(trx, state, version, newVersion, now, loaded === undefined);
  await appendEvents(
    trx,
    state.id,
    version,
    decision.events.map((e) => ({
      type: e.type,
      at: e.at,
      actorRole: e.actor.role,
      ...optionalActor(e),
      payload: e,
    })),
    loaded?.lastHash,
  );
  await writeEffects(trx, states, decision.events, version);
  // Wake runners in other processes only when this write left a deadline already due; one
  // further off is found by their next poll once due (a hint now would find nothing to fire).
  const next = nextDeadline(state);
  if (dialect === 'postgres' && next !== undefined && next.dueAt <= now)
    await sql`select pg_notify(${DEADLINE_CHANNEL}, ${state.id})`.execute(trx);
  return { ok: true, dispute: state, version: newVersion, events: decision.events };
}

function optionalActor(e: DisputeEvent): { actorId?: string } {
  const id = actorId(e.actor);
  return id === undefined ? {} : { actorId: id };
}

/**
 * The effects of the events after `version` (states[i] is the state event i made): the ledger
 * transactions, the read-side tables and the outbox messages, each table written in as few
 * statements as the events allow. All in the caller's transaction, so the order across tables
 * is not observable; within a table, rows keep event order.
 */
async function writeEffects(
  trx: Kysely<Database>,
  states: readonly Dispute[],
  events: readonly DisputeEvent[],
  version: number,
): Promise<void> {
  const ledger: NewLedgerTransaction[] = [];
  const messages: NewMessage[] = [];
  for (const [i, e] of events.entries()) {
    const state = states[i] as Dispute;
    const seq = version + i + 1;
    const tx = transactionFor(e, state.order);
    if (tx !== undefined) {
      ledger.push({
        // Deterministic from the event: a replayed write collides instead of paying twice.
        id: `${state.id}:${seq}`,
        orderId: state.order.orderId,
        disputeId: state.id,
        kind: tx.kind,
        at: e.at,
        eventSeq: seq,
        postings: tx.postings.map((p) => ({
          account: p.account,
          amountMinor: p.amount.minor,
          currency: p.amount.currency,
        })),
      });
    }
    const topic = topicOf(e);
    if (topic !== undefined) {
      messages.push({
        topic,
        aggregateId: state.id,
        payload: { disputeId: state.id, seq, status: state.status, event: e },
        availableAt: e.at,
      });
    }
  }
  await appendTransactions(trx, ledger);
  await projectEvents(trx, states, events);
  await enqueueMany(trx, messages);
}

async function writeRow(
  trx: Kysely<Database>,
  state: Dispute,
  version: number,
  newVersion: number,
  now: Instant,
  insert: boolean,
): Promise<void> {
  const next = nextDeadline(state);
  const row = {
    status: state.status,
    version: newVersion,
    next_deadline_at: next === undefined ? null : new Date(next.dueAt),
    next_deadline_kind: next?.kind ?? null,
    updated_at: new Date(now),
    state: jsonb(state),
  };
  if (insert) {
    await trx
      .insertInto('disputes')
      .values({
        id: state.id,
        order_id: state.order.orderId,
        seller_id: state.order.sellerId,
        buyer_id: state.order.buyerId,
        opened_at: new Date(state.openedAt),
        policy_version_id: state.policy.versionIds.join(',') || 'default',
        ...row,
      })
      .execute();
    return;
  }
  const result = await trx
    .updateTable('disputes')
    .set(row)
    .where('id', '=', state.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new ConcurrencyConflict(state.id, version);
}
