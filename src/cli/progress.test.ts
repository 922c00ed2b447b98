// Goal: progress draws one line in place on a terminal (bar, rate, time left) and keeps the
// command's own messages off it; elsewhere it writes a plain line only every few seconds, so a
// short run prints nothing but its summary.
import { expect, it } from 'vitest';
import { progress } from './progress.ts';

function recorder(isTTY: boolean) {
  let text = '';
  let now = 0;
  return {
    out: { isTTY, write: (t: string) => (text += t) },
    clock: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    text: () => text,
  };
}

it('writes a plain line every 5 s off a terminal, with rate and time left', () => {
  const r = recorder(false);
  const p = progress(r.out, 'orders', r.clock);
  r.advance(1_000);
  p.update({ done: 2_000, fraction: 0.1 });
  expect(r.text()).toBe('');
  r.advance(4_000);
  p.update({ done: 10_000, fraction: 0.5 });
  expect(r.text()).toBe('progress: 50% 10,000 orders, 2,000 orders/s, ETA 5 s\n');
  p.log('rejected line 7: no seller x');
  expect(r.text()).toMatch(/\nrejected line 7: no seller x\n$/);
});

it('redraws one line on a terminal and clears it for messages and at the end', () => {
  const r = recorder(true);
  const p = progress(r.out, 'orders', r.clock);
  r.advance(2_000);
  p.update({ done: 4_000, fraction: 0.25 });
  expect(r.text()).toBe(
    '\r[######..................] 25% 4,000 orders, 2,000 orders/s, ETA 6 s\x1b[K',
  );
  p.log('duplicate line 3');
  expect(r.text()).toContain('\r\x1b[Kduplicate line 3\n\r[######');
  p.finish();
  expect(r.text().endsWith('\r\x1b[K')).toBe(true);
});
