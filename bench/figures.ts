// One benchmark figure, as `npm run bench` collects them into bench/results/latest.json: what was
// measured, its baseline measured in the same run, their ratio and the target. Each
// bench appends its figures as JSON lines to BENCH_RESULTS_FILE (set by bench/run.ts); run on
// its own, a bench only prints.
import { appendFileSync } from 'node:fs';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The reference measured in the same run (same unit), or null when the figure is absolute. */
  readonly baseline: number | null;
  /** value ÷ baseline, or null without a baseline. */
  readonly ratio: number | null;
  /** The target in words (">= 0.5x baseline", "<= 25 ms"), or null when only reported. */
  readonly target: string | null;
  /** Whether the target is met; null when there is none. */
  readonly met: boolean | null;
  /** What the figure is exactly, when the name does not say it all. */
  readonly note?: string;
  /** Query plans, for the list reads. */
  readonly explain?: string;
}

/** `--quick` on the command line (npm run bench -- --quick) or BENCH_QUICK=1 from bench/run.ts. */
export const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

export function emit(figures: readonly Figure[]): void {
  const file = process.env.BENCH_RESULTS_FILE;
  if (file === undefined || file === '') return;
  appendFileSync(file, figures.map((f) => `${JSON.stringify(f)}\n`).join(''));
}

/** A figure compared with a baseline, higher is better: met when value/baseline >= minRatio. */
export function ratioFigure(
  name: string,
  value: number,
  unit: string,
  baseline: number,
  minRatio: number,
  note?: string,
): Figure {
  const ratio = baseline > 0 ? value / baseline : 0;
  return {
    name,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: round(ratio, 3),
    target: `>= ${minRatio}x baseline`,
    met: ratio >= minRatio,
    ...(note === undefined ? {} : { note }),
  };
}

/** An absolute figure with a ceiling (latency, memory): met when value <= max. */
export function ceilingFigure(
  name: string,
  value: number,
  unit: string,
  max: number | null,
  note?: string,
): Figure {
  return {
    name,
    value: round(value),
    unit,
    baseline: null,
    ratio: null,
    target: max === null ? null : `<= ${max} ${unit}`,
    met: max === null ? null : value <= max,
    ...(note === undefined ? {} : { note }),
  };
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
