import { describe, expect, it } from 'vitest';
import {
  formatRemaining,
  observeServerNow,
  onServerClockChange,
  remaining,
  serverNow,
  tickMs,
} from './countdown.ts';

const T = Date.parse('2026-03-01T00:00:00Z');
const H = 3_600_000;

describe('countdown', () => {
  it('splits the time left into units', () => {
    const r = remaining(T + 2 * 24 * H + 3 * H + 4 * 60_000 + 5_000, T);
    expect(r).toMatchObject({ overdue: false, days: 2, hours: 3, minutes: 4, seconds: 5 });
  });

  it('is overdue from the due instant on, and never negative', () => {
    expect(remaining(T, T)).toMatchObject({ overdue: true, ms: 0 });
    expect(remaining(T - 5_000, T)).toMatchObject({ overdue: true, ms: 0, seconds: 0 });
    expect(remaining(new Date(T + 1).toISOString(), T).overdue).toBe(false);
  });

  it('shows the two largest units that matter, in each language', () => {
    expect(formatRemaining(remaining(T + 2 * 24 * H + 3 * H + 59_000, T), 'en')).toBe(
      '2 days 3 hours',
    );
    expect(formatRemaining(remaining(T + 3 * H + 5 * 60_000, T), 'en')).toBe('3 hours 5 minutes');
    expect(formatRemaining(remaining(T + 45_000, T), 'en')).toBe('45 seconds');
    expect(formatRemaining(remaining(T, T), 'en')).toBe('0 seconds');
    expect(formatRemaining(remaining(T + 2 * 24 * H + 3 * H, T), 'zh-CN')).toBe('2天3小时');
    expect(formatRemaining(remaining(T + 24 * H, T), 'en')).toBe('1 day');
    expect(formatRemaining(remaining(T + 24 * H + 60_000, T), 'en')).toBe('1 day');
  });

  it('ticks every second in the last hour, else twice a minute', () => {
    expect(tickMs(remaining(T + H, T))).toBe(1_000);
    expect(tickMs(remaining(T + H + 1, T))).toBe(30_000);
  });

  it('follows the server’s virtual clock once it reports one', () => {
    let changes = 0;
    const stop = onServerClockChange(() => {
      changes += 1;
    });
    observeServerNow(null);
    expect(changes).toBe(0);
    observeServerNow('2030-01-01T00:00:00.000Z');
    expect(serverNow()).toBe(Date.parse('2030-01-01T00:00:00.000Z'));
    observeServerNow('2030-01-01T00:00:00.000Z');
    expect(changes).toBe(1);
    observeServerNow('2030-01-03T00:00:00.000Z');
    expect(changes).toBe(2);
    observeServerNow('not a time');
    expect(serverNow()).toBe(Date.parse('2030-01-03T00:00:00.000Z'));
    stop();
  });
});
