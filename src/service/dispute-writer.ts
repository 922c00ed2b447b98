// One decision, written atomically: events appended after the version we read, the dispute row
// updated (only if still at that version), ledger transactions, read-side projections and
// outbox messages, all in the caller's transaction. Nothing is written for a rejection.
import type { Kysely } from 'kysely';
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
import { appendTransaction } from '../store/ledger-store.ts';
import { enqueue } from '../store/outbox.ts';
import type { Database } from '../store/schema.ts';
import type { DialectName } from '../store/store.ts';
import { topicOf } from './outbox-topics.ts';
import { project } from './projections.ts';
import { decodeDispute } from './state-codec.ts';

export interface Loaded {
  readonly dispute: Dispute;
  readonly version: number;
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
  let query = trx.selectFrom('disputes').select(['state', 'version']).where('id', '=', disputeId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined
    ? undefined
    : { dispute: decodeDispute(row.state), version: row.version };
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
  );
  for (const [i, e] of decision.events.entries()) {
    await writeEffects(trx, states[i] as Dispute, e, version + i + 1);
  }
  if (dialect === 'postgres')
    await sql`select pg_notify(${DEADLINE_CHANNEL}, ${state.id})`.execute(trx);
  return { ok: true, dispute: state, version: newVersion, events: decision.events };
}

function optionalActor(e: DisputeEvent): { actorId?: string } {
  const id = actorId(e.actor);
  return id === undefined ? {} : { actorId: id };
}

async function writeEffects(
  trx: Kysely<Database>,
  state: Dispute,
  e: DisputeEvent,
  seq: number,
): Promise<void> {
  const tx = transactionFor(e, state.order);
  if (tx !== undefined) {
    await appendTransaction(trx, {
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
  await project(trx, state, e);
  const topic = topicOf(e);
  if (topic !== undefined) {
    await enqueue(trx, {
      topic,
      aggregateId: state.id,
      payload: { disputeId: state.id, seq, status: state.status, event: e },
      availableAt: e.at,
    });
  }
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
