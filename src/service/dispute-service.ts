// handle(command) = load, decide, write in one transaction, with a bounded retry when another
// writer got there first. The shell's only entry to the engine: HTTP, CLI and runner use it.
import type { Logger } from 'pino';
import {
  type Actor,
  type Dispute,
  type DisputeCommand,
  type DisputeEvent,
  type DisputeId,
  type Instant,
  type OrderId,
  rejection,
  SYSTEM,
} from '../domain/index.ts';
import { ConcurrencyConflict, isUniqueViolation } from '../store/errors.ts';
import { loadEvents } from '../store/event-log.ts';
import type { Store } from '../store/store.ts';
import { flushWrites, holdWrites } from '../store/write-later.ts';
import type { CheckpointSigner } from './audit/checkpoint.ts';
import { holdCommand, undecidedChargeback } from './chargeback-holds.ts';
import type { Clock } from './clock.ts';
import {
  type Loaded,
  loadForWrite,
  planDecision,
  planFrom,
  plannedState,
  type Written,
  writePlans,
  writtenOf,
} from './dispute-writer.ts';
import { ConflictError } from './errors.ts';
import { claimKey, completeKey, type KeyScope } from './idempotency.ts';
import { loadOrderFacts } from './order-facts.ts';
import { catchUpWithOrder, lockOrders, movesMoney } from './order-money-catch-up.ts';
import { loadPolicy } from './policy-store.ts';

export const RETRIES_MAX = 5;

export type OpenInput = Omit<Extract<DisputeCommand, { type: 'open' }>, 'type' | 'order'> & {
  readonly orderId: OrderId;
};

export interface HandleOptions {
  /**
   * Whether the caller may see the dispute, checked on the row the command locks (one read):
   * a dispute it may not see is refused as not found, with nothing written.
   */
  readonly visible?: (dispute: Dispute) => boolean;
}

export class DisputeService {
  readonly store: Store;
  readonly clock: Clock;
  private readonly logger: Logger | undefined;
  private readonly onWritten: ((written: Extract<Written, { ok: true }>) => void) | undefined;
  /** Signs each write's chain heads (docs/audit.md); without one, no checkpoints are kept. */
  readonly signer: CheckpointSigner | undefined;

  constructor(
    store: Store,
    clock: Clock,
    logger?: Logger,
    onWritten?: (written: Extract<Written, { ok: true }>) => void,
    signer?: CheckpointSigner,
  ) {
    this.store = store;
    this.clock = clock;
    this.logger = logger;
    this.onWritten = onWritten;
    this.signer = signer;
  }

  /** Opens a dispute on an order the marketplace reported, with the policy of its markets. */
  async open(actor: Actor, input: OpenInput, key?: KeyScope<Written>): Promise<Written> {
    const { orderId, ...rest } = input;
    return this.#withRetry(input.disputeId, key, async (trx, now) => {
      // The order row, exclusively: an opening reads the order's money (escrow, refunds,
      // chargebacks) and may move it at once (after-sales protection refunds, releases and
      // resolves at once), and reads which lines open disputes hold: two openings on one order
      // run one after the other, so the second sees the first's lines (one open dispute per
      // line, migration 0030). Other money writers lock the row too; the runner's release passes
      // it by (SKIP LOCKED): an open in flight is never released under.
      await lockOrders(trx, [orderId]);
      const order = await loadOrderFacts(trx, orderId);
      if (order === undefined) {
        return {
          ok: false,
          rejection: rejection('dispute.not_found', `no order ${orderId}`, { orderId }),
        };
      }
      const policy = await loadPolicy(trx, order);
      const loaded = await loadForWrite(trx, input.disputeId, false);
      const opened = planDecision(
        planFrom(loaded),
        { actor, command: { type: 'open', order, ...rest } },
        now,
        policy,
      );
      if (!opened.ok) return opened;
      // A dispute opened while a chargeback holds the order's escrow starts frozen, in the same
      // write: the chargeback's own hold reached only the disputes that existed then.
      let plan = opened.plan;
      const chargebackId = await undecidedChargeback(trx, orderId);
      const dispute = plannedState(plan);
      if (chargebackId !== undefined && dispute !== undefined) {
        const hold = await holdCommand(trx, dispute, chargebackId);
        const held = planDecision(plan, { actor: SYSTEM, command: hold }, now, policy);
        if (held.ok) plan = held.plan;
        else
          this.logger?.error({ disputeId: dispute.id, rejection: held.rejection }, 'hold refused');
      }
      await writePlans(trx, this.store.dialect, [plan], now, this.signer);
      return writtenOf(plan);
    });
  }

  /** Any command on an existing dispute. */
  async handle(
    disputeId: DisputeId,
    actor: Actor,
    command: Exclude<DisputeCommand, { type: 'open' }>,
    key?: KeyScope<Written>,
    options?: HandleOptions,
  ): Promise<Written> {
    return this.handleDerived(disputeId, actor, async () => command, key, options);
  }

  /**
   * A command worked out from the database inside the write's own transaction (after the row's
   * version is read, before the version-checked write), so a retry after a conflict works it
   * out again from what is then committed. The chargeback hold is one.
   */
  async handleDerived(
    disputeId: DisputeId,
    actor: Actor,
    derive: (
      trx: Store['db'],
      loaded: Loaded,
    ) => Promise<Exclude<DisputeCommand, { type: 'open' }>>,
    key?: KeyScope<Written>,
    options?: HandleOptions,
  ): Promise<Written> {
    return this.#withRetry(disputeId, key, async (trx, now) => {
      // FOR UPDATE: writers to one dispute queue on its row instead of all deciding on the same
      // version and all but one losing the version check (which stays, for writers without it).
      const loaded = await loadForWrite(trx, disputeId, true);
      if (loaded === undefined || options?.visible?.(loaded.dispute) === false)
        return { ok: false, rejection: rejection('dispute.not_found', 'no such dispute') };
      const command = await derive(trx, loaded);
      const { policy } = loaded.dispute;
      const planned = planDecision(planFrom(loaded), { actor, command }, now, policy);
      if (!planned.ok) return planned;
      // Money moves (a refund, a release): lock the order, catch up with its ledger (escrow
      // moved by others, chargebacks lost since), then decide again on that.
      let hold: Awaited<ReturnType<typeof catchUpWithOrder>>;
      if (movesMoney(planned.plan.events)) {
        await lockOrders(trx, [loaded.dispute.order.orderId]);
        hold = await catchUpWithOrder(trx, loaded.dispute);
      }
      if (hold === undefined) {
        await writePlans(trx, this.store.dialect, [planned.plan], now, this.signer);
        return writtenOf(planned.plan);
      }
      const held = planDecision(planFrom(loaded), { actor: SYSTEM, command: hold }, now, policy);
      if (!held.ok)
        throw new Error(`the engine refused an escrow catch-up: ${held.rejection.code}`);
      const replanned = planDecision(held.plan, { actor, command }, now, policy);
      if (!replanned.ok) return replanned;
      await writePlans(trx, this.store.dialect, [replanned.plan], now, this.signer);
      return writtenOf(replanned.plan);
    });
  }

  async get(disputeId: string): Promise<Loaded | undefined> {
    return loadForWrite(this.store.db, disputeId, false);
  }

  async events(disputeId: string): Promise<DisputeEvent[]> {
    return (await loadEvents(this.store.db, disputeId)).map((e) => e.payload as DisputeEvent);
  }

  /**
   * Runs `work` in a transaction, retried on a lost version check. With an idempotency key, the
   * key is claimed first thing in the same transaction (a second request with it waits, then
   * replays: KeyAlreadyUsed) and the outcome stored last, so both commit with the command or
   * neither does.
   */
  async #withRetry(
    disputeId: string,
    key: KeyScope<Written> | undefined,
    work: (trx: Store['db'], now: Instant) => Promise<Written>,
  ): Promise<Written> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const written = await this.store.db.transaction().execute(async (trx) => {
          // The clock once per attempt, inside the transaction (on PGlite a read outside it
          // would wait for it, and in production it is a statement): a retry re-decides at
          // its own time.
          const now = await this.clock.now(trx);
          // The write's last statements (outbox, metrics, checkpoint, the key's outcome) go
          // as one at the end (store/write-later.ts).
          holdWrites(trx);
          if (key !== undefined) await claimKey(trx, key, now);
          const outcome = await work(trx, now);
          if (key !== undefined) await completeKey(trx, key, outcome);
          await flushWrites(trx);
          return outcome;
        });
        if (written.ok && written.events.length > 0) this.onWritten?.(written);
        return written;
      } catch (error) {
        // Two writers inserting the same new dispute collide on its primary key: retry, and the
        // second one then finds the dispute and is refused by the engine.
        if (
          isUniqueViolation(error) &&
          String(error).includes('disputes_pkey') &&
          attempt < RETRIES_MAX
        )
          continue;
        if (!(error instanceof ConcurrencyConflict)) throw error;
        if (attempt >= RETRIES_MAX) throw new ConflictError(disputeId, attempt, { cause: error });
        this.logger?.debug({ disputeId, attempt }, 'concurrent change, retrying');
      }
    }
  }
}
