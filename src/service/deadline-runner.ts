// The deadline runner: claims disputes whose next deadline has passed, in batches, with
// FOR UPDATE SKIP LOCKED so any number of runners in any number of processes share the work
// without overlap, and fires each due deadline through the engine with the clock's `now`.
// A batch is planned in memory first (the engine is pure), then written with one statement per
// table for all its disputes: round trips, not the engine, are what a deadline costs.
// The engine refuses a deadline that is not yet due or already fired, so a crash mid-batch
// (the transaction rolls back) or a second runner can never make an effect happen twice.

import pg from 'pg';
import type { Logger } from 'pino';
import {
  type Dispute,
  type Instant,
  type OrderId,
  pendingDeadlines,
  SYSTEM,
} from '../domain/index.ts';
import type { Store } from '../store/store.ts';
import type { CheckpointSigner } from './audit/checkpoint.ts';
import { fireDueChargebacks } from './chargebacks.ts';
import type { Clock } from './clock.ts';
import {
  DEADLINE_CHANNEL,
  lastEventHash,
  loadedFrom,
  type Plan,
  planDecision,
  planFrom,
  plannedState,
  writePlans,
} from './dispute-writer.ts';
import { releaseDueEscrow } from './escrow-release.ts';
import { EVENTS_RETENTION_DAYS_MIN, keepFeed } from './event-feed.ts';
import { catchUpWithOrder, lockOrders, movesMoney } from './order-money-catch-up.ts';
import { PollingLoop } from './polling-loop.ts';

export interface RunnerOptions {
  readonly batchSize?: number;
  readonly pollMs?: number;
  /** PostgreSQL URL to LISTEN on for wake-up hints; PGlite runners are woken in-process. */
  readonly listenUrl?: string;
  readonly logger?: Logger;
  /** Signs the chain heads of each batch (docs/audit.md). */
  readonly signer?: CheckpointSigner;
  /** How long the catch-up feed keeps events; each pass places new ones and prunes older. */
  readonly eventsRetentionDays?: number;
}

export const BATCH_SIZE_DEFAULT = 100;
export const BATCH_SIZE_MAX = 1_000;
export const POLL_MS_DEFAULT = 1_000;
/** A dispute fires at most this many deadlines per claim; more would be a bug loop. */
const FIRES_PER_DISPUTE_MAX = 16;

interface ClaimedRow {
  readonly id: string;
  readonly state: unknown;
  readonly version: number;
  readonly last_hash: string | null;
}

export class DeadlineRunner {
  readonly #batchSize: number;
  readonly #loop: PollingLoop;
  #listener: pg.Client | undefined;
  #fired = 0;

  private readonly store: Store;
  private readonly clock: Clock;
  private readonly options: RunnerOptions;

  constructor(store: Store, clock: Clock, options: RunnerOptions = {}) {
    this.store = store;
    this.clock = clock;
    this.options = options;
    this.#batchSize = Math.min(options.batchSize ?? BATCH_SIZE_DEFAULT, BATCH_SIZE_MAX);
    this.#loop = new PollingLoop(
      () => this.drain(),
      options.pollMs ?? POLL_MS_DEFAULT,
      (error) => options.logger?.error({ err: error }, 'deadline batch failed; will retry'),
    );
  }

  get fired(): number {
    return this.#fired;
  }

  /** Claims and fires one batch; returns how many deadlines fired and escrows were released. */
  async runOnce(): Promise<number> {
    const now = await this.clock.now();
    let claimed: string[] = [];
    let fired: number;
    try {
      fired = await this.store.db.transaction().execute(async (trx) => {
        const rows = await this.#claim(trx, now, this.#batchSize);
        claimed = rows.map((r) => r.id);
        return this.#fireAll(trx, rows, now);
      });
    } catch (error) {
      // One dispute the batch cannot write (a bug, a tampered row) must not hold up every other
      // deadline: the batch rolled back whole, so fire its disputes one transaction each.
      if (claimed.length <= 1) throw error;
      this.options.logger?.error(
        { err: error, disputes: claimed.length },
        'deadline batch failed; firing its disputes one by one',
      );
      fired = await this.#fireEach(claimed, now);
    }
    // Chargeback defences that lapsed, then order escrows no dispute will release: each their
    // own claim, in their own transaction.
    const lapsed = await fireDueChargebacks(this.store, now, this.#batchSize);
    const released = await releaseDueEscrow(this.store, now, this.#batchSize, this.options.logger);
    // Not counted as work: drain() stops when no deadline fires, whatever the feed still holds.
    await keepFeed(this.store, now, this.options.eventsRetentionDays ?? EVENTS_RETENTION_DAYS_MIN);
    this.#fired += fired + lapsed + released;
    return fired + lapsed + released;
  }

  /** Runs batches until nothing is due (used by the virtual clock and by tests). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const fired = await this.runOnce();
      total += fired;
      if (fired === 0) return total;
    }
  }

  /** Locks up to `limit` due disputes no other runner holds, earliest deadline first. */
  #claim(trx: Store['db'], now: Instant, limit: number, id?: string) {
    let query = trx
      .selectFrom('disputes')
      .select(['id', 'state', 'version', lastEventHash])
      .where('next_deadline_at', '<=', new Date(now));
    if (id !== undefined) query = query.where('id', '=', id);
    return query.orderBy('next_deadline_at').limit(limit).forUpdate().skipLocked().execute();
  }

  /**
   * Plans every claimed dispute's due deadlines in memory, then writes them all at once: one
   * statement per table for the whole batch instead of several per deadline.
   */
  async #fireAll(trx: Store['db'], rows: readonly ClaimedRow[], now: Instant): Promise<number> {
    const due = rows.flatMap((row) => {
      const plan = this.#planDue(row, now);
      return plan === undefined ? [] : [{ row, plan }];
    });
    // Deadlines that move money (refunds, releases) lock their orders and catch up with the
    // ledger first. One per order per batch: a second dispute of the same order would decide on
    // the ledger as it was before the first one's effects, so it is left due for the next batch.
    const moving = new Map<OrderId, (typeof due)[number]>();
    const plans: (Plan & { fires: number })[] = [];
    for (const d of due) {
      const orderId = (plannedState(d.plan) as Dispute).order.orderId;
      if (!movesMoney(d.plan.events)) plans.push(d.plan);
      else if (!moving.has(orderId)) moving.set(orderId, d);
    }
    await lockOrders(trx, [...moving.keys()]);
    for (const { row, plan } of moving.values()) {
      const caughtUp = await this.#catchUp(trx, row, plan, now);
      if (caughtUp !== undefined) plans.push(caughtUp);
    }
    await writePlans(trx, this.store.dialect, plans, now, this.options.signer);
    return plans.reduce((n, p) => n + p.fires, 0);
  }

  /** The row's due deadlines planned again after catching up with its order's ledger. */
  async #catchUp(
    trx: Store['db'],
    row: ClaimedRow,
    plan: Plan & { fires: number },
    now: Instant,
  ): Promise<(Plan & { fires: number }) | undefined> {
    const loaded = loadedFrom(row);
    const hold = await catchUpWithOrder(trx, loaded.dispute);
    if (hold === undefined) return plan;
    const command = { actor: SYSTEM, command: hold };
    const held = planDecision(planFrom(loaded), command, now, loaded.dispute.policy);
    if (!held.ok) {
      this.options.logger?.error(
        { disputeId: row.id, rejection: held.rejection },
        'catch-up refused',
      );
      return undefined;
    }
    return this.#planDue(row, now, held.plan);
  }

  async #fireEach(ids: readonly string[], now: Instant): Promise<number> {
    let fired = 0;
    for (const id of ids) {
      try {
        fired += await this.store.db.transaction().execute(async (trx) => {
          // Claimed again: another runner may have taken it since the batch let go.
          return this.#fireAll(trx, await this.#claim(trx, now, 1, id), now);
        });
      } catch (error) {
        this.options.logger?.error({ err: error, disputeId: id }, 'deadline write failed');
      }
    }
    return fired;
  }

  /**
   * The events of every deadline of the row due by `now`, in order; undefined if none. A row
   * that cannot be planned (unreadable snapshot, or the engine refusing its own deadline) is
   * reported and left due; the rest of the batch goes on.
   */
  #planDue(row: ClaimedRow, now: Instant, start?: Plan): (Plan & { fires: number }) | undefined {
    let plan: Plan;
    let fires = 0;
    try {
      plan = start ?? planFrom(loadedFrom(row));
      for (; fires < FIRES_PER_DISPUTE_MAX; fires += 1) {
        const current = plannedState(plan) as Dispute;
        const due = pendingDeadlines(current).find((d) => d.dueAt <= now);
        if (due === undefined) break;
        const command = {
          type: 'fire_deadline' as const,
          deadline: due.kind,
          ...(due.key === undefined ? {} : { key: due.key }),
        };
        const planned = planDecision(plan, { actor: SYSTEM, command }, now, current.policy);
        if (!planned.ok) {
          // Only possible if the row's snapshot disagrees with its events: report, do not loop.
          this.options.logger?.error(
            { disputeId: row.id, rejection: planned.rejection },
            'deadline refused',
          );
          break;
        }
        plan = planned.plan;
      }
    } catch (error) {
      this.options.logger?.error({ err: error, disputeId: row.id }, 'dispute row unplannable');
      return undefined;
    }
    return fires === 0 ? undefined : { ...plan, fires };
  }

  /** Polls every pollMs; wake() or a NOTIFY hint runs a batch at once. */
  async start(): Promise<void> {
    if (this.options.listenUrl !== undefined) await this.#listen(this.options.listenUrl);
    this.#loop.start();
  }

  wake(): void {
    this.#loop.wake();
  }

  /** Stops polling and waits for the batch in flight to commit. */
  async stop(): Promise<void> {
    await this.#loop.stop();
    await this.#listener?.end().catch(() => undefined);
    this.#listener = undefined;
  }

  async #listen(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', (error) =>
      this.options.logger?.warn({ err: error }, 'deadline listener lost; polling continues'),
    );
    await client.connect();
    client.on('notification', () => this.wake());
    await client.query(`listen ${DEADLINE_CHANNEL}`);
    this.#listener = client;
  }
}
