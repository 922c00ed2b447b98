// Every window and threshold of domain.md is a policy value. Admins override values per market
// and each change is a new version; a dispute copies the resolved values when it opens and keeps
// them, so a policy change never moves a running countdown.
import type { FeeBearer } from './chargeback.ts';
import type { DurationMs } from './instant.ts';
import { days, hours } from './instant.ts';
import { DISPUTE_REASONS, type DisputeReason } from './reasons.ts';

export interface PolicyValues {
  /** The negotiation window, counted from opening (the seed's "5-day negotiation period"). */
  readonly negotiationMs: DurationMs;
  /** The seller must respond by this long after opening; never longer than negotiationMs. */
  readonly sellerResponseMs: DurationMs;
  /** not_received may be opened from shipment + this (or the promised delivery, if earlier). */
  readonly notReceivedAfterShipmentMs: DurationMs;
  /** Disputes may be opened until this long after the order completed. */
  readonly openAfterCompletionMs: DurationMs;
  readonly returnLabelMs: DurationMs;
  readonly returnShipmentMs: DurationMs;
  readonly confirmReceiptMs: DurationMs;
  readonly evidenceRequestMs: DurationMs;
  readonly appealMs: DurationMs;
  /** Arbitration queue target: shown, never acted on automatically. */
  readonly rulingTargetMs: DurationMs;
  /** How long an arbitrator's claim on a case holds before others may take it (the workbench). */
  readonly arbitrationClaimMs: DurationMs;
  readonly replacementDeliveryMs: DurationMs;
  /** Local-return market: the seller supplies the return label before the buyer ships. */
  readonly localReturn: boolean;
  readonly metricsWindowMs: DurationMs;
  /** Warn when the seller-responsibility rate exceeds this, in basis points (100 = 1%). */
  readonly sellerResponsibilityWarnBp: number;
  /** ...or when the seller-responsibility count exceeds this. */
  readonly sellerResponsibilityWarnCount: number;
  /** The penalty tier the marketplace applies at the warning level (seller standing). */
  readonly sellerResponsibilityWarnTier: string;
  /** The stricter level: above this rate (basis points) ... */
  readonly sellerResponsibilityRestrictBp: number;
  /** ...or more seller-responsibility disputes than this. */
  readonly sellerResponsibilityRestrictCount: number;
  readonly sellerResponsibilityRestrictTier: string;
  readonly protectionReasons: readonly DisputeReason[];
  /** Largest amount the protection fund refunds, in minor units of the order's currency. */
  readonly protectionAmountCapMinor: bigint;
  readonly protectionFeeMinor: bigint;
  /** Limits (TigerBeetle style): a dispute cannot grow without bound. */
  readonly offersMax: number;
  readonly evidenceMax: number;
  readonly messagesMax: number;
  readonly evidenceRequestsMax: number;
  readonly chargebackDefenceMs: DurationMs;
  /** Who pays the processor's chargeback fee: the seller (from its balance) or the platform. */
  readonly chargebackFeeBearer: FeeBearer;
}

export const DEFAULT_POLICY: PolicyValues = {
  negotiationMs: days(5),
  sellerResponseMs: days(5),
  notReceivedAfterShipmentMs: days(10),
  openAfterCompletionMs: days(15),
  returnLabelMs: days(5),
  returnShipmentMs: days(10),
  confirmReceiptMs: days(30),
  evidenceRequestMs: days(3),
  appealMs: days(7),
  rulingTargetMs: days(7),
  arbitrationClaimMs: hours(8),
  replacementDeliveryMs: days(20),
  localReturn: false,
  metricsWindowMs: days(30),
  sellerResponsibilityWarnBp: 100,
  sellerResponsibilityWarnCount: 2,
  sellerResponsibilityWarnTier: 'warning',
  sellerResponsibilityRestrictBp: 300,
  sellerResponsibilityRestrictCount: 5,
  sellerResponsibilityRestrictTier: 'restricted',
  protectionReasons: ['not_received', 'damaged', 'not_as_described', 'quality_issue'],
  protectionAmountCapMinor: 10_000n,
  protectionFeeMinor: 30n,
  offersMax: 50,
  evidenceMax: 100,
  messagesMax: 500,
  evidenceRequestsMax: 20,
  chargebackDefenceMs: days(7),
  chargebackFeeBearer: 'seller',
};

/** `*` for every market, `buyer:IT` for buyers in Italy, `seller:IT` for sellers in Italy. */
export type Market = '*' | `buyer:${string}` | `seller:${string}`;

export interface PolicyVersion {
  readonly id: string;
  readonly market: Market;
  readonly version: number;
  readonly values: Partial<PolicyValues>;
}

/** What a dispute keeps: the resolved values and which versions produced them. */
export interface Policy {
  readonly values: PolicyValues;
  readonly versionIds: readonly string[];
}

export const DEFAULT_RESOLVED_POLICY: Policy = { values: DEFAULT_POLICY, versionIds: [] };

/**
 * The latest version of each market applies, from least to most specific: every market, the
 * seller's country, then the buyer's (a buyer-market rule such as a consumer-law window wins).
 */
export function resolvePolicy(
  versions: readonly PolicyVersion[],
  where: { readonly buyerCountry: string; readonly sellerCountry: string },
): Policy {
  const order: Market[] = ['*', `seller:${where.sellerCountry}`, `buyer:${where.buyerCountry}`];
  let values: PolicyValues = DEFAULT_POLICY;
  const versionIds: string[] = [];
  for (const market of order) {
    const latest = latestFor(versions, market);
    if (latest === undefined) continue;
    values = { ...values, ...latest.values };
    versionIds.push(latest.id);
  }
  return { values: clampSellerResponse(values), versionIds };
}

/**
 * The values of a market's next version: the previous version's overrides plus the changes.
 * An admin who changes one window must not silently drop the market's other overrides.
 */
export function amendPolicyValues(
  previous: Partial<PolicyValues> | undefined,
  changes: Partial<PolicyValues>,
): Partial<PolicyValues> {
  return { ...previous, ...changes };
}

function latestFor(versions: readonly PolicyVersion[], market: Market): PolicyVersion | undefined {
  let latest: PolicyVersion | undefined;
  for (const v of versions) {
    if (v.market === market && (latest === undefined || v.version > latest.version)) latest = v;
  }
  return latest;
}

// The seller-response deadline sits inside the negotiation window by definition (domain.md).
function clampSellerResponse(values: PolicyValues): PolicyValues {
  if (values.sellerResponseMs <= values.negotiationMs) return values;
  return { ...values, sellerResponseMs: values.negotiationMs };
}

export type PolicyProblem = { readonly field: string; readonly problem: string };

/** Checks an admin's override before it becomes a version; returns every problem found. */
export function validatePolicyValues(values: Partial<PolicyValues>): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const [field, value] of Object.entries(values)) {
    // Own fields only: `toString` or `constructor` are not policy fields.
    if (!Object.hasOwn(DEFAULT_POLICY, field)) {
      problems.push({ field, problem: 'unknown policy field' });
      continue;
    }
    if (field === 'protectionReasons') {
      // typeof says 'object' for null and any object: check it is a list of known reasons.
      const reasons: readonly string[] = DISPUTE_REASONS;
      if (!Array.isArray(value) || !value.every((r) => reasons.includes(r))) {
        problems.push({ field, problem: `must be a list of: ${reasons.join(', ')}` });
      }
      continue;
    }
    if (field === 'sellerResponsibilityWarnTier' || field === 'sellerResponsibilityRestrictTier') {
      if (typeof value !== 'string' || !/^[a-z][a-z0-9_]{0,39}$/.test(value))
        problems.push({ field, problem: 'must be a tier name: a-z, 0-9, _ (up to 40)' });
      continue;
    }
    if (field === 'chargebackFeeBearer') {
      if (value !== 'seller' && value !== 'platform')
        problems.push({ field, problem: 'must be seller or platform' });
      continue;
    }
    const expected = typeof DEFAULT_POLICY[field as keyof PolicyValues];
    if (typeof value !== expected) {
      problems.push({ field, problem: `must be a ${expected}` });
    } else if ((typeof value === 'number' || typeof value === 'bigint') && value < 0) {
      problems.push({ field, problem: 'must not be negative' });
    } else if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      problems.push({ field, problem: 'must be an integer' });
    }
  }
  return problems;
}
