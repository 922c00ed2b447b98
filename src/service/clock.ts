// Clocks for the shell. The domain never reads time: the shell reads it here and passes `now`.
// In production every instance uses the database's clock, so several processes with skewed
// system clocks still agree on when a deadline is due.
import { type Kysely, sql } from 'kysely';
import { type Instant, instant } from '../domain/index.ts';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';

export interface Clock {
  /**
   * The time now. `db`, for the database's clock, is the connection (a transaction) to read it
   * on: a write reads it once, inside its own transaction, instead of on another connection
   * before it (on PGlite that would wait for any open transaction to finish).
   */
  now(db?: Kysely<Database>): Promise<Instant>;
  readonly kind: 'database' | 'system' | 'virtual';
}

/**
 * What a read that needs the time takes instead of an instant: `'database'` when the clock is
 * the database's, so the read selects `clock_timestamp()` in its own statement rather than after
 * a statement of its own (the per-request session and key checks: one round trip fewer).
 */
export type ReadNow = number | 'database';

/** The time for a read: the instant, or 'database' for the database's clock (see ReadNow). */
export async function readNow(clock: Clock): Promise<ReadNow> {
  return clock.kind === 'database' ? 'database' : clock.now();
}

/** The select column of the time a ReadNow stands for. */
export function nowColumn(now: ReadNow) {
  return now === 'database'
    ? sql<Date>`clock_timestamp()`
    : sql<Date>`${new Date(now)}::timestamptz`;
}

export class DatabaseClock implements Clock {
  readonly kind = 'database';
  private readonly store: Store;
  constructor(store: Store) {
    this.store = store;
  }

  async now(db: Kysely<Database> = this.store.db): Promise<Instant> {
    const { rows } = await sql<{ now: Date }>`select clock_timestamp() as now`.execute(db);
    const row = rows[0];
    if (row === undefined) throw new Error('the database returned no time');
    return instant(row.now.getTime());
  }
}

export class SystemClock implements Clock {
  readonly kind = 'system';
  async now(): Promise<Instant> {
    return instant(Date.now());
  }
}

/** For demos and tests: time moves only when told, and never backwards. */
export class VirtualClock implements Clock {
  readonly kind = 'virtual';
  #now: Instant;

  constructor(start: number) {
    this.#now = instant(start);
  }

  async now(): Promise<Instant> {
    return this.#now;
  }

  current(): Instant {
    return this.#now;
  }

  advance(ms: number): Instant {
    if (!Number.isSafeInteger(ms) || ms < 0)
      throw new RangeError('a virtual clock only moves forward by whole milliseconds');
    this.#now = instant(this.#now + ms);
    return this.#now;
  }
}
