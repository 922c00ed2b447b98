// Progress of a long command on stderr: on a terminal one line redrawn in place (a bar, the
// rate, the time left), elsewhere (a log, CI) a plain line every few seconds. Anything else the
// command prints goes through `log`, so it never lands in the middle of the bar.

const REDRAW_MS = 100;
const PLAIN_EVERY_MS = 5_000;
const BAR_WIDTH = 24;

export interface ProgressSample {
  /** Units done (orders read), for the rate. */
  readonly done: number;
  /** Share of the work done, 0 to 1 (bytes read of the file's size); undefined when unknown. */
  readonly fraction?: number;
}

/** Where progress goes: process.stderr, or anything that writes text and may be a terminal. */
export interface TextOut {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  update(sample: ProgressSample): void;
  log(line: string): void;
  /** Clears the bar; the caller prints the summary. */
  finish(): void;
}

export function progress(
  out: TextOut,
  unit: string,
  now: () => number = () => performance.now(),
): Progress {
  const tty = out.isTTY === true;
  const started = now();
  // A plain line first comes after an interval: a short run shows only its summary.
  let shownAt = tty ? Number.NEGATIVE_INFINITY : started;
  let last: ProgressSample = { done: 0 };
  let drawn = false;
  let drawnOnce = false;
  const line = (s: ProgressSample) => {
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? s.done / seconds : 0;
    const eta =
      s.fraction !== undefined && s.fraction > 0
        ? (seconds * (1 - s.fraction)) / s.fraction
        : undefined;
    const share = s.fraction === undefined ? '' : `${Math.floor(s.fraction * 100)}% `;
    const left = eta === undefined ? '' : `, ETA ${duration(eta)}`;
    return `${share}${s.done.toLocaleString('en')} ${unit}, ${Math.round(rate).toLocaleString('en')} ${unit}/s${left}`;
  };
  const draw = () => {
    const filled = Math.round((last.fraction ?? 0) * BAR_WIDTH);
    out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${line(last)}\x1b[K`);
    drawn = true;
    drawnOnce = true;
  };
  const clear = () => {
    if (drawn) out.write('\r\x1b[K');
    drawn = false;
  };
  return {
    update(sample) {
      last = sample;
      const t = now();
      if (t - shownAt < (tty ? REDRAW_MS : PLAIN_EVERY_MS)) return;
      shownAt = t;
      if (tty) draw();
      else out.write(`progress: ${line(sample)}\n`);
    },
    log(text) {
      clear();
      out.write(`${text}\n`);
      if (tty && drawnOnce) draw();
    },
    finish() {
      clear();
    },
  };
}

function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
