// One chargeback decision, written atomically, as dispute-writer.ts does for disputes: the folded
// state at the new version (updated only if still at the version read), the events appended on
// the row, a lost chargeback's ledger transaction and one outbox message per event, all in the
// caller's transaction. Nothing is written for a rejection.
import { type Kysely, sql } from 'kysely';
import {
  type Actor,
  accounts,
  actorId,
  type Chargeback,
  type ChargebackCommand,
  type ChargebackEvent,
  chargebackTransactions,
  DEFAULT_POLICY,
  decideChargeback,
  evolveChargeback,
  type Instant,
  type Money,
  money,
  type PolicyValues,
  type Rejection,
} from '../domain/index.ts';
import { ConcurrencyConflict } from '../store/errors.ts';
import { reviveBigints } from '../store/json-codec.ts';
import { jsonb } from '../store/jsonb.ts';
import { accountBalance, appendTransactions, orderRecovery } from '../store/ledger-store.ts';
import { enqueueMany } from '../store/outbox.ts';
import type { Database } from '../store/schema.ts';
import type { Topic } from './outbox-topics.ts';

export const CHARGEBACK_TOPIC: Topic = 'chargeback.updated';

export interface LoadedChargeback {
  readonly chargeback: Chargeback;
  readonly version: number;
}

/** A refusal the shell adds to the engine's: looked up in the database, not decided by rules. */
export type ShellRefusal = {
  readonly code: 'order.not_found' | 'chargeback.evidence_unknown';
  readonly message: string;
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
};

export type ChargebackWritten =
  | {
      readonly ok: true;
      readonly chargeback: Chargeback;
      readonly version: number;
      readonly events: readonly ChargebackEvent[];
    }
  | { readonly ok: false; readonly rejection: Rejection | ShellRefusal };

export async function loadChargeback(
  db: Kysely<Database>,
  chargebackId: string,
): Promise<LoadedChargeback | undefined> {
  const row = await db
    .selectFrom('chargebacks')
    .select(['state', 'version'])
    .where('id', '=', chargebackId)
    .executeTakeFirst();
  return row === undefined ? undefined : loadedChargeback(row);
}

export function loadedChargeback(row: { state: unknown; version: number }): LoadedChargeback {
  return { chargeback: reviveBigints(row.state) as Chargeback, version: row.version };
}

export interface ChargebackDecisionInput {
  readonly actor: Actor;
  readonly command: ChargebackCommand;
  readonly now: Instant;
  /** Only opening reads the policy (the defence window); later commands may leave it out. */
  readonly policy?: PolicyValues;
  /** Runs once the engine accepted, before anything is written: the shell's own lookups. */
  readonly check?: () => Promise<ShellRefusal | undefined>;
}

export async function decideAndWriteChargeback(
  trx: Kysely<Database>,
  loaded: LoadedChargeback | undefined,
  input: ChargebackDecisionInput,
): Promise<ChargebackWritten> {
  const { actor, command, now } = input;
  const decision = decideChargeback(
    command,
    loaded?.chargeback,
    actor,
    now,
    input.policy ?? DEFAULT_POLICY,
    ...(await orderMoney(trx, command, loaded?.chargeback)),
  );
  if (!decision.ok) return decision;
  const refused = await input.check?.();
  if (refused !== undefined) return { ok: false, rejection: refused };
  // Accepted with nothing new (the processor confirming a conceded loss): nothing to write.
  if (decision.events.length === 0 && loaded !== undefined)
    return { ok: true, chargeback: loaded.chargeback, version: loaded.version, events: [] };
  const states: Chargeback[] = [];
  let state = loaded?.chargeback;
  for (const e of decision.events) {
    state = evolveChargeback(state, e);
    states.push(state);
  }
  if (state === undefined) throw new Error('a chargeback decision with events left no state');
  const version = loaded?.version ?? 0;
  const entries = decision.events.map((event, i) => ({
    seq: version + i + 1,
    actor: { role: actor.role, id: actorId(actor) },
    event,
  }));
  await writeRow(trx, state, version, entries, loaded === undefined);
  await writeEffects(trx, states, decision.events, version);
  return {
    ok: true,
    chargeback: state,
    version: version + entries.length,
    events: decision.events,
  };
}

/**
 * What the order's escrow holds now (a lost chargeback takes from it first) and what the buyer
 * already recovered on the order (a lost chargeback takes at most the rest of the payment), from
 * the ledger. For the processor's outcome the order row is locked first (FOR UPDATE): a dispute
 * paying a refund on the order locks it too (order-money-catch-up.ts), so the two never
 * both decide on the same unrecovered amount.
 */
async function orderMoney(
  trx: Kysely<Database>,
  command: ChargebackCommand,
  c: Chargeback | undefined,
): Promise<[escrowHeld: Money, recovered: Money]> {
  if (command.type === 'open_chargeback') {
    const { order } = command;
    const taken = order.chargebacksTaken?.minor ?? 0n;
    return [order.escrowHeld, money(order.refundedBefore.minor + taken, order.paid.currency)];
  }
  // Only the processor's outcome and the seller conceding can lose money, so only they read the
  // ledger (the engine refuses both without a chargeback): the other commands skip the queries.
  // XXX is ISO 4217's "no currency".
  const loses =
    command.type === 'record_processor_outcome' || command.type === 'concede_chargeback';
  if (c === undefined || !loses) return [money(0n, 'XXX'), money(0n, 'XXX')];
  const { currency } = c.amount;
  const { orderId } = c.order;
  await trx.selectFrom('orders').select('id').where('id', '=', orderId).forUpdate().execute();
  const escrow = await accountBalance(trx, accounts.escrow(orderId), currency);
  const recovery = await orderRecovery(trx, orderId, currency);
  return [
    money(escrow, currency),
    money(recovery.refundedMinor + recovery.chargedBackMinor, currency),
  ];
}

async function writeRow(
  trx: Kysely<Database>,
  state: Chargeback,
  version: number,
  entries: readonly { seq: number }[],
  insert: boolean,
): Promise<void> {
  // The due date moves when a new stage opens a new defence window: the runner reads the column.
  const row = {
    status: state.status,
    version: version + entries.length,
    state: jsonb(state),
    defence_due_at: new Date(state.defenceDueAt),
  };
  if (insert) {
    await trx
      .insertInto('chargebacks')
      .values({
        id: state.id,
        order_id: state.order.orderId,
        amount_minor: state.amount.minor,
        currency: state.amount.currency,
        opened_at: new Date(state.openedAt),
        events: jsonb(entries),
        ...row,
      })
      .execute();
    return;
  }
  const result = await trx
    .updateTable('chargebacks')
    .set({ ...row, events: sql`events || ${jsonb(entries)}` })
    .where('id', '=', state.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new ConcurrencyConflict(state.id, version);
}

async function writeEffects(
  trx: Kysely<Database>,
  states: readonly Chargeback[],
  events: readonly ChargebackEvent[],
  version: number,
): Promise<void> {
  const ledger = events.flatMap((e, i) => {
    const state = states[i] as Chargeback;
    return chargebackTransactions(e, state.order).map((tx) => ({
      // From the chargeback and the event (`chargeback:<id>:lost`): a chargeback is lost at most
      // once, so a replayed write collides instead of taking the money twice.
      id: `chargeback:${state.id}:${e.type.replace(/^chargeback_/, '')}`,
      orderId: state.order.orderId,
      kind: tx.kind,
      at: e.at,
      postings: tx.postings.map((p) => ({
        account: p.account,
        amountMinor: p.amount.minor,
        currency: p.amount.currency,
      })),
    }));
  });
  await appendTransactions(trx, ledger);
  await enqueueMany(
    trx,
    events.map((e, i) => {
      const state = states[i] as Chargeback;
      return {
        topic: CHARGEBACK_TOPIC,
        aggregateId: state.id,
        payload: {
          chargebackId: state.id,
          orderId: state.order.orderId,
          sellerId: state.order.sellerId,
          seq: version + i + 1,
          status: state.status,
          event: e,
        },
        availableAt: e.at,
      };
    }),
  );
}
