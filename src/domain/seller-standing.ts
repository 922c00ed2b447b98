// Seller standing (issue 10, item 12): where the seller-responsibility rate and count stand
// against the policy's thresholds. domain.md's warning (above 1% or more than 2 such disputes
// by default) is the first level; the policy adds a stricter one, and names the penalty tier the
// marketplace applies at each. A change of level, either way, is announced (seller.standing_changed).
import type { SellerMetrics } from './metrics.ts';
import type { PolicyValues } from './policy.ts';

/** From best to worst. */
export const STANDING_LEVELS = ['good', 'warn', 'restrict'] as const;
export type StandingLevel = (typeof STANDING_LEVELS)[number];

export interface Standing {
  readonly level: StandingLevel;
  /** The policy's name for the penalty at this level; null in good standing. */
  readonly tier: string | null;
}

type StandingPolicy = Pick<
  PolicyValues,
  | 'sellerResponsibilityWarnBp'
  | 'sellerResponsibilityWarnCount'
  | 'sellerResponsibilityWarnTier'
  | 'sellerResponsibilityRestrictBp'
  | 'sellerResponsibilityRestrictCount'
  | 'sellerResponsibilityRestrictTier'
>;

/** Above a threshold is strictly above, as domain.md's "above 1%" and "more than 2". */
export function standingOf(metrics: SellerMetrics, policy: StandingPolicy): Standing {
  const { bp, numerator } = metrics.sellerResponsibilityRate;
  if (
    bp > policy.sellerResponsibilityRestrictBp ||
    numerator > policy.sellerResponsibilityRestrictCount
  )
    return { level: 'restrict', tier: policy.sellerResponsibilityRestrictTier };
  if (bp > policy.sellerResponsibilityWarnBp || numerator > policy.sellerResponsibilityWarnCount)
    return { level: 'warn', tier: policy.sellerResponsibilityWarnTier };
  return { level: 'good', tier: null };
}

/** Whether the new standing crossed a threshold, up or down (a tier renamed alone does not). */
export function standingChanged(previous: StandingLevel, next: Standing): boolean {
  return previous !== next.level;
}

/** 'worse' when the level moved towards restrict, 'better' when back towards good. */
export function standingDirection(
  previous: StandingLevel,
  next: StandingLevel,
): 'worse' | 'better' {
  return STANDING_LEVELS.indexOf(next) > STANDING_LEVELS.indexOf(previous) ? 'worse' : 'better';
}
