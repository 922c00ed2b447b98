// Time enters the domain only as data: an Instant is epoch milliseconds handed in by the shell's
// clock, so every deadline can be tested by moving a virtual clock.

export type Instant = number & { readonly __brand: 'Instant' };
export type DurationMs = number;

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function instant(epochMs: number): Instant {
  if (!Number.isSafeInteger(epochMs)) throw new Error(`not an instant: ${epochMs}`);
  return epochMs as Instant;
}

export function days(n: number): DurationMs {
  return n * DAY_MS;
}

export function hours(n: number): DurationMs {
  return n * HOUR_MS;
}

export function later(at: Instant, byMs: DurationMs): Instant {
  return (at + byMs) as Instant;
}

export function earliest(a: Instant, b: Instant): Instant {
  return a <= b ? a : b;
}

export function isoString(at: Instant): string {
  return new Date(at).toISOString();
}
