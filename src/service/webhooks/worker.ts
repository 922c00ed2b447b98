// The webhook worker: one loop that announces approaching deadlines, fans outbox messages out
// into deliveries and dispatches the deliveries that are due. Each step claims its rows with
// FOR UPDATE SKIP LOCKED (or a unique key), so any number of workers in any number of
// processes share the work. Time comes from the injected clock: tests move a virtual one.
import type { Logger } from 'pino';
import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { PollingLoop } from '../polling-loop.ts';
import { announceDeadlines, NOTICE_BATCH_DEFAULT } from './deadline-notices.ts';
import { DISPATCH_BATCH_DEFAULT, dispatchDue } from './dispatch.ts';
import { FAN_OUT_BATCH_DEFAULT, fanOut } from './fan-out.ts';

export interface WebhookWorkerOptions {
  readonly pollMs?: number;
  readonly fanOutBatch?: number;
  readonly dispatchBatch?: number;
  readonly noticeBatch?: number;
  /** Per-attempt HTTP timeout. */
  readonly timeoutMs?: number;
  /** For tests: fixes the retry jitter. */
  readonly random?: () => number;
  readonly logger?: Logger;
  /** Let deliveries reach loopback and private addresses (SETTLE_WEBHOOK_ALLOW_PRIVATE). */
  readonly allowPrivateTargets?: boolean;
}

export interface WebhookRound {
  readonly announced: number;
  readonly fannedOut: number;
  readonly attempted: number;
  readonly succeeded: number;
}

export const POLL_MS_DEFAULT = 1_000;
/** A drain stops after this many rounds even if work keeps arriving: the poll resumes it. */
const DRAIN_ROUNDS_MAX = 100;

export class WebhookWorker {
  #abort = new AbortController();
  readonly #loop: PollingLoop;

  private readonly store: Store;
  private readonly clock: Clock;
  private readonly options: WebhookWorkerOptions;

  constructor(store: Store, clock: Clock, options: WebhookWorkerOptions = {}) {
    this.store = store;
    this.clock = clock;
    this.options = options;
    // stop() ends a drain after the round in flight, not after DRAIN_ROUNDS_MAX rounds.
    this.#loop = new PollingLoop(
      (stopping) => this.#drain(() => !stopping()),
      options.pollMs ?? POLL_MS_DEFAULT,
      (error) => options.logger?.error({ err: error }, 'webhook round failed; will retry'),
    );
  }

  /** One round of each step, bounded by the batch sizes. */
  async runOnce(): Promise<WebhookRound> {
    const o = this.options;
    // Read outside any transaction: on PGlite the database clock would wait for it.
    const now = await this.clock.now();
    const announced = await announceDeadlines(
      this.store,
      now,
      o.noticeBatch ?? NOTICE_BATCH_DEFAULT,
    );
    const fannedOut = await fanOut(this.store, now, o.fanOutBatch ?? FAN_OUT_BATCH_DEFAULT);
    const { attempted, succeeded } = await dispatchDue(this.store, this.clock, {
      limit: o.dispatchBatch ?? DISPATCH_BATCH_DEFAULT,
      ...(o.random === undefined ? {} : { random: o.random }),
      ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }),
      signal: this.#abort.signal,
      policy: { allowPrivate: o.allowPrivateTargets === true },
    });
    return { announced, fannedOut, attempted, succeeded };
  }

  /** Runs rounds until one finds nothing to do (or DRAIN_ROUNDS_MAX); used by tests and ticks. */
  async drain(): Promise<WebhookRound> {
    return this.#drain(() => true);
  }

  async #drain(goOn: () => boolean): Promise<WebhookRound> {
    const total = { announced: 0, fannedOut: 0, attempted: 0, succeeded: 0 };
    for (let round = 0; round < DRAIN_ROUNDS_MAX && goOn(); round += 1) {
      const r = await this.runOnce();
      total.announced += r.announced;
      total.fannedOut += r.fannedOut;
      total.attempted += r.attempted;
      total.succeeded += r.succeeded;
      if (r.announced + r.fannedOut + r.attempted === 0) break;
    }
    return total;
  }

  /** Polls every pollMs; wake() runs a round at once (say, after a command wrote events). */
  start(): void {
    this.#loop.start();
  }

  wake(): void {
    this.#loop.wake();
  }

  /**
   * Stops polling, abandons the sends in flight (they are recorded as failed attempts and
   * retried, by this process or another, after the first backoff) so shutdown does not wait
   * out a slow receiver, and waits for the round to write its outcomes.
   */
  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#loop.stop();
    // Ready for drain() or start() again.
    this.#abort = new AbortController();
  }
}
