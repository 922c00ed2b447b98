// Failed authentications per client address. A well-formed but unknown API key (or a forged
// session cookie) costs a database lookup and used to be answered 401 forever, before the
// general rate limit ever counted it. Once an address has failed `max` times in a window, every
// request from it that carries credentials answers 429 with Retry-After, without a lookup,
// until the window ends. Real time, never the dispute clock: a limit is about load, not about
// the case. Memory is bounded: at most ADDRESSES_MAX addresses are remembered.

export const AUTH_FAILURE_WINDOW_MS = 60_000;
const ADDRESSES_MAX = 10_000;

interface Window {
  readonly startedAtMs: number;
  failures: number;
}

export class AuthFailureLimiter {
  readonly #windows = new Map<string, Window>();

  readonly max: number;
  readonly windowMs: number;
  private readonly nowMs: () => number;

  constructor(
    max: number,
    windowMs: number = AUTH_FAILURE_WINDOW_MS,
    nowMs: () => number = () => performance.now(),
  ) {
    this.max = max;
    this.windowMs = windowMs;
    this.nowMs = nowMs;
  }

  /** Seconds to wait when `address` has used up its failures; undefined when it may try. */
  retryAfterSeconds(address: string): number | undefined {
    const window = this.#current(address);
    if (window === undefined || window.failures < this.max) return undefined;
    return Math.max(1, Math.ceil((window.startedAtMs + this.windowMs - this.nowMs()) / 1000));
  }

  recordFailure(address: string): void {
    const window = this.#current(address);
    if (window !== undefined) {
      window.failures += 1;
      return;
    }
    if (this.#windows.size >= ADDRESSES_MAX) this.#forgetOldest();
    this.#windows.set(address, { startedAtMs: this.nowMs(), failures: 1 });
  }

  #current(address: string): Window | undefined {
    const window = this.#windows.get(address);
    if (window === undefined) return undefined;
    if (this.nowMs() - window.startedAtMs < this.windowMs) return window;
    this.#windows.delete(address);
    return undefined;
  }

  // Windows are inserted in start order, so the first ones are the oldest: expired ones go, and
  // if none has expired the oldest goes anyway (a flood of addresses must not grow the map).
  #forgetOldest(): void {
    for (const [address, window] of this.#windows) {
      const expired = this.nowMs() - window.startedAtMs >= this.windowMs;
      if (!expired && this.#windows.size < ADDRESSES_MAX) return;
      this.#windows.delete(address);
      if (!expired) return;
    }
  }
}
