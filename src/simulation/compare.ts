// Two policies over the same marketplace (same seed, same orders, same people): the figures side
// by side with their differences, and the sellers who cross a threshold under one policy but not
// the other (pure: works on two reports).
import type { RunReport, SellerRate } from './report.ts';

export interface Difference {
  readonly figure: string;
  readonly base: number;
  readonly candidate: number;
  readonly change: number;
}

export interface ThresholdCrossing {
  readonly sellerId: string;
  readonly base: SellerRate['level'];
  readonly candidate: SellerRate['level'];
  readonly baseResponsibilityBp: number;
  readonly candidateResponsibilityBp: number;
}

export interface Comparison {
  readonly differences: readonly Difference[];
  readonly crossings: readonly ThresholdCrossing[];
}

/** The figures worth comparing, flattened to named numbers. */
export function figuresOf(r: RunReport): Record<string, number> {
  const out: Record<string, number> = {
    disputes: r.disputes,
    escalations: r.escalations,
    appeals: r.appeals,
    'refunded total (minor)': Number(r.refundedTotalMinor),
    'median days to resolution': r.resolutionDays.medianDays,
    'p90 days to resolution': r.resolutionDays.p90Days,
    'peak arbitration queue': Math.max(0, ...r.arbitrationLoad.map((d) => d.queue)),
    'sellers at warn': r.sellerRates.filter((s) => s.level === 'warn').length,
    'sellers at restrict': r.sellerRates.filter((s) => s.level === 'restrict').length,
  };
  for (const [k, v] of Object.entries(r.outcomes)) out[`outcome ${k}`] = v;
  for (const [k, v] of Object.entries(r.how)) out[`resolved by ${k}`] = v;
  for (const [k, v] of Object.entries(r.refundsByFunder))
    out[`refunds from ${k} (minor)`] = Number(v);
  for (const [k, v] of Object.entries(r.deadlineFirings)) out[`deadline ${k}`] = v;
  return out;
}

export function compareReports(base: RunReport, candidate: RunReport): Comparison {
  const a = figuresOf(base);
  const b = figuresOf(candidate);
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const differences = names.map((figure) => {
    const x = a[figure] ?? 0;
    const y = b[figure] ?? 0;
    return { figure, base: x, candidate: y, change: Math.round((y - x) * 10) / 10 };
  });
  const byId = new Map(candidate.sellerRates.map((s) => [s.sellerId, s]));
  const crossings: ThresholdCrossing[] = [];
  for (const s of base.sellerRates) {
    const t = byId.get(s.sellerId);
    if (t === undefined || t.level === s.level) continue;
    crossings.push({
      sellerId: s.sellerId,
      base: s.level,
      candidate: t.level,
      baseResponsibilityBp: s.responsibilityBp,
      candidateResponsibilityBp: t.responsibilityBp,
    });
  }
  return { differences, crossings };
}
