// Countdowns to deadlines on the dispute clock, which under the virtual clock is not the
// browser's: the server then says what time its clock shows (`settle-now`).

export interface Remaining {
  /** Whole milliseconds left; 0 once the deadline has passed. */
  readonly ms: number;
  readonly overdue: boolean;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

export function remaining(dueAt: string | number, now: number): Remaining {
  const due = typeof dueAt === 'number' ? dueAt : Date.parse(dueAt);
  const left = Math.max(0, due - now);
  const s = Math.floor(left / 1000);
  return {
    ms: left,
    overdue: due <= now,
    days: Math.floor(s / 86_400),
    hours: Math.floor((s % 86_400) / 3_600),
    minutes: Math.floor((s % 3_600) / 60),
    seconds: s % 60,
  };
}

/**
 * "2 days 3 hr", "3 hr 5 min", "4 min 10 sec" in the reader's language: the two largest units that
 * matter, so a long countdown stays short and a near one shows its seconds.
 */
export function formatRemaining(r: Remaining, locale: string): string {
  const units: [number, Intl.NumberFormatOptions['unit']][] = [
    [r.days, 'day'],
    [r.hours, 'hour'],
    [r.minutes, 'minute'],
    [r.seconds, 'second'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  // A zero second unit says nothing: "1 day", not "1 day 0 hours".
  const shown =
    first < 0 ? [units[3]!] : units.slice(first, first + 2).filter(([n], i) => i === 0 || n > 0);
  const parts = shown.map(([n, unit]) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n),
  );
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(parts);
}

/** How often a countdown needs to repaint: every second in its last hour, else every minute. */
export function tickMs(r: Remaining): number {
  return r.ms <= 3_600_000 ? 1_000 : 30_000;
}

// Under the virtual clock time stands still until an admin moves it, so the last time the server
// reported is the time; under the system clock the header is absent and the browser's clock runs.
let pinned: number | undefined;
const listeners = new Set<() => void>();

/** From a response's `settle-now` header. */
export function observeServerNow(header: string | null): void {
  if (header === null) return;
  const at = Date.parse(header);
  if (Number.isNaN(at) || at === pinned) return;
  pinned = at;
  for (const listener of listeners) listener();
}

/** The dispute clock's time now, as best this page knows it. */
export function serverNow(): number {
  return pinned ?? Date.now();
}

/** Called when the server's clock jumps (an admin moved the virtual clock). */
export function onServerClockChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
