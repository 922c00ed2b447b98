// Clocks for the shell. The domain never reads time: the shell reads it here and passes `now`.
// In production every instance uses the database's clock, so several processes with skewed
// system clocks still agree on when a deadline is due.
import { sql } from 'kysely';
import { type Instant, instant } from '../domain/index.ts';
import type { Store } from '../store/store.ts';

export interface Clock {
  now(): Promise<Instant>;
  readonly kind: 'database' | 'system' | 'virtual';
}

export class DatabaseClock implements Clock {
  readonly kind = 'database';
  private readonly store: Store;
  constructor(store: Store) {
    this.store = store;
  }

  async now(): Promise<Instant> {
    const { rows } = await sql<{ now: Date }>`select clock_timestamp() as now`.execute(
      this.store.db,
    );
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
