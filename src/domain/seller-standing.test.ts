// Seller standing against the policy's thresholds: strictly above a rate or a count, the
// stricter level first, each named by the policy's tier; only a change of level is a change.
import { expect, it } from 'vitest';
import type { SellerMetrics } from './metrics.ts';
import { DEFAULT_POLICY } from './policy.ts';
import { standingChanged, standingDirection, standingOf } from './seller-standing.ts';

const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  bp: Math.floor((numerator * 10_000) / denominator),
});
const metrics = (numerator: number, denominator: number): SellerMetrics => ({
  disputeRate: rate(0, 1),
  arbitrationRate: rate(0, 1),
  sellerResponsibilityRate: rate(numerator, denominator),
  warning: false,
});

it('is good at or under both warning thresholds (1% and 2 disputes by default)', () => {
  expect(standingOf(metrics(1, 100), DEFAULT_POLICY)).toEqual({ level: 'good', tier: null });
  expect(standingOf(metrics(2, 1_000), DEFAULT_POLICY)).toEqual({ level: 'good', tier: null });
});

it('warns above 1% or above 2 disputes, naming the policy tier', () => {
  expect(standingOf(metrics(2, 150), DEFAULT_POLICY)).toEqual({ level: 'warn', tier: 'warning' });
  expect(standingOf(metrics(3, 10_000), DEFAULT_POLICY).level).toBe('warn');
});

it('restricts above the stricter threshold, whichever of rate or count crosses it', () => {
  expect(standingOf(metrics(4, 100), DEFAULT_POLICY)).toEqual({
    level: 'restrict',
    tier: 'restricted',
  });
  expect(standingOf(metrics(6, 100_000), DEFAULT_POLICY).level).toBe('restrict');
  const named = { ...DEFAULT_POLICY, sellerResponsibilityRestrictTier: 'listing_freeze' };
  expect(standingOf(metrics(4, 100), named).tier).toBe('listing_freeze');
});

it('changes only with the level, and says which way', () => {
  expect(standingChanged('warn', { level: 'warn', tier: 'renamed' })).toBe(false);
  expect(standingChanged('good', { level: 'warn', tier: 'warning' })).toBe(true);
  expect(standingDirection('good', 'restrict')).toBe('worse');
  expect(standingDirection('restrict', 'warn')).toBe('better');
});
