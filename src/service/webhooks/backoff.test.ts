// Goal: retries come later and later, never early (jitter only adds, by at most a fifth), and
// stop after ATTEMPTS_MAX attempts.
import { describe, expect, it } from 'vitest';
import { HOUR_MS, SECOND_MS } from '../../domain/index.ts';
import { ATTEMPTS_MAX, RETRY_DELAYS_MS, retryDelayMs } from './backoff.ts';

describe('retry backoff', () => {
  it('waits 5 s after the first failure and 12 h after the seventh; the eighth is the last', () => {
    expect(ATTEMPTS_MAX).toBe(8);
    expect(retryDelayMs(1, () => 0)).toBe(5 * SECOND_MS);
    expect(retryDelayMs(7, () => 0)).toBe(12 * HOUR_MS);
    expect(retryDelayMs(ATTEMPTS_MAX, () => 0)).toBeUndefined();
    expect(retryDelayMs(ATTEMPTS_MAX + 3, () => 0)).toBeUndefined();
  });

  it('grows with every attempt', () => {
    for (let i = 1; i < RETRY_DELAYS_MS.length; i += 1) {
      expect(RETRY_DELAYS_MS[i]).toBeGreaterThan(RETRY_DELAYS_MS[i - 1] ?? Infinity);
    }
  });

  it('adds up to 20% jitter, never less than the base delay', () => {
    for (const [i, base] of RETRY_DELAYS_MS.entries()) {
      const lowest = retryDelayMs(i + 1, () => 0);
      const highest = retryDelayMs(i + 1, () => 0.999_999);
      expect(lowest).toBe(base);
      expect(highest).toBeGreaterThan(base);
      expect(highest).toBeLessThan(base * 1.2);
      expect(Number.isInteger(highest)).toBe(true);
    }
  });
});
