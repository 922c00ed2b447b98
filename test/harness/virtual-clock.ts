// A clock for tests and demos that only moves when told, and never backwards.
import { type Instant, instant } from '../../src/domain/index.ts';

export class VirtualClock {
  #now: Instant;

  constructor(start: Instant | number) {
    this.#now = instant(start);
  }

  now(): Instant {
    return this.#now;
  }

  advance(ms: number): Instant {
    if (ms < 0) throw new Error('a virtual clock never goes backwards');
    this.#now = instant(this.#now + ms);
    return this.#now;
  }
}
