// The deadline runner: claims disputes whose next deadline has passed, in batches, with
// FOR UPDATE SKIP LOCKED so any number of runners in any number of processes share the work
// without overlap, and fires each due deadline through the engine with the clock's `now`.
// The engine refuses a deadline that is not yet due or already fired, so a crash mid-batch
// (the transaction rolls back) or a second runner can never make an effect happen twice.

import pg from 'pg';
import type { Logger } from 'pino';
import { type Dispute, type Instant, pendingDeadlines, SYSTEM } from '../domain/index.ts';
import type { Store } from '../store/store.ts';
import { fireDueChargebacks } from './chargebacks.ts';
import type { Clock } from './clock.ts';
import {
  DEADLINE_CHANNEL,
  decideAndWrite,
  type Loaded,
  lastEventHash,
  loadedFrom,
} from './dispute-writer.ts';
import { PollingLoop } from './polling-loop.ts';

export interface RunnerOptions {
  readonly batchSize?: number;
  readonly pollMs?: number;
  /** PostgreSQL URL to LISTEN on for wake-up hints; PGlite runners are woken in-process. */
  readonly listenUrl?: string;
  readonly logger?: Logger;
}

export const BATCH_SIZE_DEFAULT = 100;
export const BATCH_SIZE_MAX = 1_000;
export const POLL_MS_DEFAULT = 1_000;
/** A dispute fires at most this many deadlines per claim; more would be a bug loop. */
const FIRES_PER_DISPUTE_MAX = 16;

export class DeadlineRunner {
  readonly #batchSize: number;
  readonly #loop: PollingLoop;
  #listener: pg.Client | undefined;
  #fired = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly options: RunnerOptions = {},
  ) {
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

  /** Claims and fires one batch; returns how many deadlines fired. */
  async runOnce(): Promise<number> {
    const now = await this.clock.now();
    const fired = await this.store.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('disputes')
        .select(['id', 'state', 'version', lastEventHash])
        .where('next_deadline_at', '<=', new Date(now))
        .orderBy('next_deadline_at')
        .limit(this.#batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      let count = 0;
      for (const row of rows) {
        count += await this.#fireDue(trx, loadedFrom(row), now);
      }
      return count;
    });
    // Chargeback defences that lapsed: their own claim, in their own transaction.
    const lapsed = await fireDueChargebacks(this.store, now, this.#batchSize);
    this.#fired += fired + lapsed;
    return fired + lapsed;
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

  async #fireDue(trx: Store['db'], loaded: Loaded, now: Instant): Promise<number> {
    let current = loaded;
    let count = 0;
    for (let i = 0; i < FIRES_PER_DISPUTE_MAX; i += 1) {
      const due = pendingDeadlines(current.dispute).find((d) => d.dueAt <= now);
      if (due === undefined) return count;
      const command = {
        type: 'fire_deadline' as const,
        deadline: due.kind,
        ...(due.key === undefined ? {} : { key: due.key }),
      };
      const written = await decideAndWrite(
        trx,
        this.store.dialect,
        current,
        { actor: SYSTEM, command },
        now,
        current.dispute.policy,
      );
      if (!written.ok) {
        // Only possible if the row's snapshot disagrees with its events: report, do not loop.
        this.options.logger?.error(
          { disputeId: current.dispute.id, rejection: written.rejection },
          'deadline refused',
        );
        return count;
      }
      count += 1;
      current = { dispute: written.dispute as Dispute, version: written.version };
    }
    return count;
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
