// The failed-authentication window: it opens on the first failure, blocks at the limit, says how
// long to wait, ends on time, and forgets old addresses instead of growing without bound.
import { expect, it } from 'vitest';
import { AuthFailureLimiter } from './auth-failures.ts';

it('blocks an address at its limit until the window ends, and says for how long', () => {
  let nowMs = 0;
  const limiter = new AuthFailureLimiter(2, 60_000, () => nowMs);
  limiter.recordFailure('a');
  expect(limiter.retryAfterSeconds('a')).toBeUndefined();
  limiter.recordFailure('a');
  expect(limiter.retryAfterSeconds('a')).toBe(60);
  expect(limiter.retryAfterSeconds('b')).toBeUndefined();
  nowMs = 59_500;
  expect(limiter.retryAfterSeconds('a')).toBe(1);
  nowMs = 60_000;
  expect(limiter.retryAfterSeconds('a')).toBeUndefined();
});

it('remembers a bounded number of addresses: a flood of new ones pushes out the oldest', () => {
  const limiter = new AuthFailureLimiter(1, 60_000, () => 0);
  limiter.recordFailure('first');
  for (let i = 0; i < 10_000; i += 1) limiter.recordFailure(`flood-${i}`);
  expect(limiter.retryAfterSeconds('first')).toBeUndefined();
  expect(limiter.retryAfterSeconds('flood-9999')).toBe(60);
});
