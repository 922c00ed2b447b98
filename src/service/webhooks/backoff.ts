// When to try again after a failed attempt. The delays grow roughly fivefold, so a receiver
// that is down for a deploy gets its messages within seconds, and one that is down for a day
// still gets them, without us hammering it meanwhile. Jitter spreads the retries of many
// deliveries that failed together (a receiver outage) so they do not return as one burst.
import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../../domain/index.ts';

/** The wait after attempt n fails is RETRY_DELAYS_MS[n - 1], before jitter. */
export const RETRY_DELAYS_MS = [
  5 * SECOND_MS,
  30 * SECOND_MS,
  2 * MINUTE_MS,
  10 * MINUTE_MS,
  HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
] as const;

/** Automatic attempts before a delivery is `dead` (about 19 hours after the first). */
export const ATTEMPTS_MAX = RETRY_DELAYS_MS.length + 1;

/** No delivery is attempted more often than this, manual redeliveries included. */
export const ATTEMPTS_HARD_MAX = 50;

/** Jitter only adds, up to this fraction of the delay: a retry never comes early. */
const JITTER_FRACTION = 0.2;

/** Milliseconds to wait after `failedAttempt` failed, or undefined when it was the last. */
export function retryDelayMs(
  failedAttempt: number,
  random: () => number = Math.random,
): number | undefined {
  const base = RETRY_DELAYS_MS[failedAttempt - 1];
  if (base === undefined) return undefined;
  return base + Math.floor(random() * base * JITTER_FRACTION);
}
