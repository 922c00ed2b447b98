// Wire <-> engine conversions: decimal strings to bigint money, ISO strings to instants.
import type { Static } from 'typebox';
import {
  type Instant,
  instant,
  type Money,
  money,
  type RulingInput,
  type Terms,
} from '../domain/index.ts';
import type { MoneyInput } from './schemas/common.ts';
import type { RulingInput as RulingSchema, TermsInput } from './schemas/terms.ts';

export function toMoney(m: Static<typeof MoneyInput>): Money {
  return money(BigInt(m.minor), m.currency);
}

export function toInstant(iso: string): Instant {
  return instant(Date.parse(iso));
}

export function toTerms(t: Static<typeof TermsInput>): Terms {
  switch (t.kind) {
    case 'refund':
      return { kind: 'refund', amount: toMoney(t.amount) };
    case 'return_and_refund':
      return {
        kind: 'return_and_refund',
        amount: toMoney(t.amount),
        postagePaidBy: t.postagePaidBy,
        ...(t.postage === undefined ? {} : { postage: toMoney(t.postage) }),
      };
    case 'coupon':
      return {
        kind: 'coupon',
        value: toMoney(t.value),
        minSpend: toMoney(t.minSpend),
        expiresAt: toInstant(t.expiresAt),
      };
    case 'replacement':
      return { kind: 'replacement' };
  }
}

export function toRuling(r: Static<typeof RulingSchema>): RulingInput {
  const o = r.outcome;
  const outcome =
    o.kind === 'no_refund'
      ? ({ kind: 'no_refund' } as const)
      : o.kind === 'refund'
        ? { kind: 'refund' as const, amount: toMoney(o.amount) }
        : {
            kind: 'return_and_refund' as const,
            amount: toMoney(o.amount),
            postagePaidBy: o.postagePaidBy,
            ...(o.postage === undefined ? {} : { postage: toMoney(o.postage) }),
          };
  return { outcome, responsibility: r.responsibility, reasonCode: r.reasonCode, note: r.note };
}

export function iso(at: number): string {
  return new Date(at).toISOString();
}

/** Plain JSON for responses: bigints as decimal strings, `*At` instants as ISO strings. */
export function wire(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(wire);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = typeof v === 'number' && (k === 'at' || k.endsWith('At')) ? iso(v) : wire(v);
  }
  return out;
}
