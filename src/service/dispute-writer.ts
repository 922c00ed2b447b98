// One decision, written atomically: events appended after the version we read, the dispute row
// updated (only if still at that version), ledger transactions, read-side projections and
// outbox messages, all in the caller's transaction. Nothing is written for a rejection.
import type { ExpressionBuilder, Kysely } from 'kysely';
import { CompiledQuery, sql } from 'kysely';
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
import { upsertCheckpoints } from '../store/chain-checkpoints.ts';
import { ConcurrencyConflict } from '../store/errors.ts';
import { appendEventsOfMany, type NewEvent, type StoredEvent } from '../store/event-log.ts';
import { encodeJson } from '../store/json-codec.ts';
import { appendTransactions, type NewLedgerTransaction } from '../store/ledger-store.ts';
import { enqueueMany, type NewMessage } from '../store/outbox.ts';
import type { Database } from '../store/schema.ts';
import type { DialectName } from '../store/store.ts';
import { type Column, insertRows, unnestRows } from '../store/unnest.ts';
import type { CheckpointSigner } from './audit/checkpoint.ts';
import { outboxPayload } from './outbox-payload.ts';
import { topicOf } from './outbox-topics.ts';
import { projectEvents } from './projections.ts';
import { projectSellerMetrics } from './seller-metrics-projection.ts';
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
  const { rows } = await trx.executeQuery<LoadedRow>(
    CompiledQuery.raw(loadSql(trx, lock), [disputeId]),
  );
  const row = rows[0];
  return row === undefined ? undefined : loadedFrom(row);
}

type LoadedRow = { state: unknown; version: number; last_hash: string | null };

/**
 * Every command starts with this read: its SQL is built and compiled by Kysely once per
 * process (and lock mode), then only its parameter changes.
 */
const LOAD_SQL = new Map<boolean, string>();
function loadSql(trx: Kysely<Database>, lock: boolean): string {
  let text = LOAD_SQL.get(lock);
  if (text === undefined) {
    let query = trx
      .selectFrom('disputes')
      .select(['state', 'version', lastEventHash])
      .where('id', '=', '');
    if (lock) query = query.forUpdate();
    text = query.compile().sql;
    LOAD_SQL.set(lock, text);
  }
  return text;
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

/**
 * A dispute's decisions made in memory and not yet written: the events after `base`, and the
 * state each made. Planning is pure, so the deadline runner can plan a whole claimed batch and
 * then write it with one statement per table (writePlans).
 */
export interface Plan {
  readonly base: Loaded | undefined;
  readonly states: readonly Dispute[];
  readonly events: readonly DisputeEvent[];
}

export type Planned =
  | { readonly ok: true; readonly plan: Plan }
  | { readonly ok: false; readonly rejection: Extract<Decision, { ok: false }>['rejection'] };

export function planFrom(base: Loaded | undefined): Plan {
  return { base, states: [], events: [] };
}

/** The dispute as the plan leaves it (undefined only for an empty plan on a new dispute). */
export function plannedState(plan: Plan): Dispute | undefined {
  return plan.states.at(-1) ?? plan.base?.dispute;
}

/** The plan's version once written: one per event after the base's. */
export function plannedVersion(plan: Plan): number {
  return (plan.base?.version ?? 0) + plan.events.length;
}

/** Decides `envelope` on the plan's current state and folds the events into the plan. */
export function planDecision(
  plan: Plan,
  envelope: CommandEnvelope,
  now: Instant,
  policy: Policy,
): Planned {
  const decision = decide(envelope, plannedState(plan), now, policy);
  if (!decision.ok) return decision;
  // Fold first: the row goes in before the events that reference it, and each effect sees the
  // state its event made.
  const states = [...plan.states];
  let state = plannedState(plan);
  for (const e of decision.events) {
    state = evolve(state, e);
    states.push(state);
  }
  return {
    ok: true,
    plan: { base: plan.base, states, events: [...plan.events, ...decision.events] },
  };
}

export async function decideAndWrite(
  trx: Kysely<Database>,
  dialect: DialectName,
  loaded: Loaded | undefined,
  envelope: CommandEnvelope,
  now: Instant,
  policy: Policy,
  signer?: CheckpointSigner,
): Promise<Written> {
  const planned = planDecision(planFrom(loaded), envelope, now, policy);
  if (!planned.ok) return planned;
  await writePlans(trx, dialect, [planned.plan], now, signer);
  return writtenOf(planned.plan);
}

/** What the caller of a written plan gets back. */
export function writtenOf(plan: Plan): Extract<Written, { ok: true }> {
  const dispute = plannedState(plan);
  if (dispute === undefined) throw new Error('an empty plan for a new dispute has no state');
  return { ok: true, dispute, version: plannedVersion(plan), events: plan.events };
}

/**
 * Writes the plans of several disputes (one each) in the caller's transaction: the rows, the
 * events, then their effects, each table in one statement for all of them (the read-side
 * projections, rarer, are split past the parameter limit). A dispute that moved past its plan's base fails the whole call with
 * ConcurrencyConflict, so the caller's transaction rolls back with nothing half-written.
 */
export async function writePlans(
  trx: Kysely<Database>,
  dialect: DialectName,
  plans: readonly Plan[],
  now: Instant,
  signer?: CheckpointSigner,
): Promise<void> {
  const changed = plans.filter((p) => p.events.length > 0);
  if (changed.length === 0) return;
  await writeRows(trx, changed, now);
  const appended = await appendEventsOfMany(
    trx,
    changed.map((p) => ({
      disputeId: (plannedState(p) as Dispute).id,
      expectedSeq: p.base?.version ?? 0,
      events: p.events.map(newEvent),
      ...(p.base?.lastHash === undefined ? {} : { prevHash: p.base.lastHash }),
    })),
  );
  await writeEffects(trx, changed, appended);
  await projectSellerMetrics(trx, changed);
  // The new chain heads, signed with the key outside the database (docs/audit.md): one
  // statement for the whole batch, as for every other table.
  if (signer !== undefined)
    await upsertCheckpoints(
      trx,
      appended.flatMap((events) => {
        const head = events.at(-1);
        return head === undefined
          ? []
          : [
              signer.sign({
                disputeId: head.disputeId,
                seq: head.seq,
                headHash: head.hash,
                signedAt: now,
              }),
            ];
      }),
    );
  // Wake runners in other processes only when a write left a deadline already due; one further
  // off is found by their next poll once due (a hint now would find nothing to fire).
  const due = changed.find((p) => {
    const next = nextDeadline(plannedState(p) as Dispute);
    return next !== undefined && next.dueAt <= now;
  });
  if (dialect === 'postgres' && due !== undefined)
    await sql`select pg_notify(${DEADLINE_CHANNEL}, ${(plannedState(due) as Dispute).id})`.execute(
      trx,
    );
}

function newEvent(e: DisputeEvent): NewEvent {
  return { type: e.type, at: e.at, actorRole: e.actor.role, ...optionalActor(e), payload: e };
}

function optionalActor(e: DisputeEvent): { actorId?: string } {
  const id = actorId(e.actor);
  return id === undefined ? {} : { actorId: id };
}

/**
 * The effects of the plans' events: the ledger transactions, the read-side tables and the
 * outbox messages, each table written in one statement (projections: as few as the parameter
 * limit allows). All in the caller's transaction, so the order across tables is not
 * observable; within a table, rows keep event order.
 */
async function writeEffects(
  trx: Kysely<Database>,
  plans: readonly Plan[],
  appended: readonly (readonly StoredEvent[])[],
): Promise<void> {
  const ledger: NewLedgerTransaction[] = [];
  const messages: NewMessage[] = [];
  for (const [p, plan] of plans.entries()) {
    const version = plan.base?.version ?? 0;
    for (const [i, e] of plan.events.entries()) {
      const state = plan.states[i] as Dispute;
      const seq = version + i + 1;
      // The chain as this event leaves it, hashed in this transaction (appendEventsOfMany keeps
      // the plans' order): the webhook carries it so a receiver holds the head (docs/audit.md).
      const stored = appended[p]?.[i];
      if (stored?.seq !== seq) throw new Error(`no appended event at ${state.id}:${seq}`);
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
          payload: outboxPayload(state.id, state.status, e, { seq, headHash: stored.hash }),
          availableAt: e.at,
        });
      }
    }
  }
  await appendTransactions(trx, ledger);
  await projectEvents(trx, plans);
  await enqueueMany(trx, messages);
}

/** The dispute row as the plan leaves it; `version` is the one the plan was made from. */
function rowUpdate(plan: Plan, now: Instant) {
  const state = plannedState(plan) as Dispute;
  const next = nextDeadline(state);
  return {
    state,
    version: plan.base?.version ?? 0,
    new_version: plannedVersion(plan),
    next_deadline_at: next === undefined ? null : new Date(next.dueAt),
    next_deadline_kind: next?.kind ?? null,
    updated_at: new Date(now),
  };
}

type RowUpdate = ReturnType<typeof rowUpdate>;

const ROW_COLUMNS: readonly Column<RowUpdate>[] = [
  ['id', 'text', (r) => r.state.id],
  ['version', 'int', (r) => r.version],
  ['new_version', 'int', (r) => r.new_version],
  ['status', 'text', (r) => r.state.status],
  ['next_deadline_at', 'timestamptz', (r) => r.next_deadline_at],
  ['next_deadline_kind', 'text', (r) => r.next_deadline_kind],
  ['updated_at', 'timestamptz', (r) => r.updated_at],
  ['state', 'jsonb', (r) => encodeJson(r.state)],
];

const INSERT_COLUMNS: readonly Column<RowUpdate>[] = [
  ['id', 'text', (r) => r.state.id],
  ['order_id', 'text', (r) => r.state.order.orderId],
  ['seller_id', 'text', (r) => r.state.order.sellerId],
  ['buyer_id', 'text', (r) => r.state.order.buyerId],
  ['opened_at', 'timestamptz', (r) => new Date(r.state.openedAt)],
  ['policy_version_id', 'text', (r) => r.state.policy.versionIds.join(',') || 'default'],
  ['status', 'text', (r) => r.state.status],
  ['version', 'int', (r) => r.new_version],
  ['next_deadline_at', 'timestamptz', (r) => r.next_deadline_at],
  ['next_deadline_kind', 'text', (r) => r.next_deadline_kind],
  ['updated_at', 'timestamptz', (r) => r.updated_at],
  ['state', 'jsonb', (r) => encodeJson(r.state)],
];

/**
 * New disputes are inserted; existing ones updated only where still at the plan's base version,
 * all in one statement (per parameter-limit group): `update … from (values …)`. Fewer rows
 * updated than planned means another writer got there first.
 */
async function writeRows(
  trx: Kysely<Database>,
  plans: readonly Plan[],
  now: Instant,
): Promise<void> {
  const inserts = plans.filter((p) => p.base === undefined).map((plan) => rowUpdate(plan, now));
  if (inserts.length > 0) await insertRows('disputes', inserts, INSERT_COLUMNS).execute(trx);
  const updates = plans.filter((p) => p.base !== undefined);
  if (updates.length === 0) return;
  const rows = updates.map((plan) => rowUpdate(plan, now));
  const updated = await sql<{ id: string }>`update disputes set status = rows.status,
      version = rows.new_version, next_deadline_at = rows.next_deadline_at,
      next_deadline_kind = rows.next_deadline_kind, updated_at = rows.updated_at,
      state = rows.state
    from ${unnestRows(rows, ROW_COLUMNS)}
    where disputes.id = rows.id and disputes.version = rows.version
    returning disputes.id`.execute(trx);
  if (updated.rows.length !== rows.length) {
    const written = new Set(updated.rows.map((r) => r.id));
    const stale = rows.find((r) => !written.has(r.state.id)) as RowUpdate;
    throw new ConcurrencyConflict(stale.state.id, stale.version);
  }
}
