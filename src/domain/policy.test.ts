// Policy values default to domain.md's windows and thresholds, resolve per market by precedence, and validate admin overrides.
import { describe, expect, it } from 'vitest';
import { DAY_MS, days } from './instant.ts';
import {
  amendPolicyValues,
  DEFAULT_POLICY,
  DEFAULT_RESOLVED_POLICY,
  type PolicyValues,
  type PolicyVersion,
  resolvePolicy,
  validatePolicyValues,
} from './policy.ts';

const where = { buyerCountry: 'IT', sellerCountry: 'CN' };

describe('DEFAULT_POLICY matches domain.md', () => {
  it('has the windows of the spec', () => {
    expect(DEFAULT_POLICY.negotiationMs).toBe(5 * DAY_MS); // the seed's 5-day negotiation
    expect(DEFAULT_POLICY.sellerResponseMs).toBe(5 * DAY_MS); // the end of that same window
    expect(DEFAULT_POLICY.notReceivedAfterShipmentMs).toBe(10 * DAY_MS);
    expect(DEFAULT_POLICY.openAfterCompletionMs).toBe(15 * DAY_MS);
    expect(DEFAULT_POLICY.returnLabelMs).toBe(5 * DAY_MS);
    expect(DEFAULT_POLICY.returnShipmentMs).toBe(10 * DAY_MS);
    expect(DEFAULT_POLICY.confirmReceiptMs).toBe(30 * DAY_MS);
    expect(DEFAULT_POLICY.appealMs).toBe(7 * DAY_MS);
    expect(DEFAULT_POLICY.rulingTargetMs).toBe(7 * DAY_MS);
    expect(DEFAULT_POLICY.replacementDeliveryMs).toBe(20 * DAY_MS);
    expect(DEFAULT_POLICY.metricsWindowMs).toBe(30 * DAY_MS);
  });

  it('warns above 1% (100 bp) or more than 2 seller-responsibility disputes', () => {
    expect(DEFAULT_POLICY.sellerResponsibilityWarnBp).toBe(100);
    expect(DEFAULT_POLICY.sellerResponsibilityWarnCount).toBe(2);
  });

  it('is not a local-return market and keeps the seller response inside negotiation', () => {
    expect(DEFAULT_POLICY.localReturn).toBe(false);
    expect(DEFAULT_POLICY.sellerResponseMs).toBeLessThanOrEqual(DEFAULT_POLICY.negotiationMs);
  });

  it('the resolved default policy has no versions behind it', () => {
    expect(DEFAULT_RESOLVED_POLICY).toEqual({ values: DEFAULT_POLICY, versionIds: [] });
    expect(resolvePolicy([], where)).toEqual(DEFAULT_RESOLVED_POLICY);
  });
});

describe('amendPolicyValues', () => {
  it("keeps the previous version's overrides and lays the changes on top", () => {
    const previous = { appealMs: days(14), localReturn: true };
    expect(amendPolicyValues(previous, { appealMs: days(10), negotiationMs: days(8) })).toEqual({
      appealMs: days(10),
      localReturn: true,
      negotiationMs: days(8),
    });
    expect(amendPolicyValues(undefined, { localReturn: true })).toEqual({ localReturn: true });
  });
});

describe('resolvePolicy', () => {
  const v = (
    id: string,
    market: PolicyVersion['market'],
    version: number,
    values: Partial<PolicyValues>,
  ): PolicyVersion => ({ id, market, version, values });

  it('applies every market, then the seller country, then the buyer country', () => {
    const versions = [
      v('buyer-it', 'buyer:IT', 1, { appealMs: days(14) }),
      v('seller-cn', 'seller:CN', 1, { appealMs: days(10), returnShipmentMs: days(12) }),
      v('all', '*', 1, {
        appealMs: days(8),
        returnShipmentMs: days(9),
        confirmReceiptMs: days(25),
      }),
    ];
    const p = resolvePolicy(versions, where);
    expect(p.values.appealMs).toBe(days(14)); // buyer wins over seller and '*'
    expect(p.values.returnShipmentMs).toBe(days(12)); // seller wins over '*'
    expect(p.values.confirmReceiptMs).toBe(days(25)); // only '*' set it
    expect(p.values.negotiationMs).toBe(DEFAULT_POLICY.negotiationMs); // nobody set it
    expect(p.versionIds).toEqual(['all', 'seller-cn', 'buyer-it']);
  });

  it('takes the latest version of each market, whatever the list order', () => {
    const versions = [
      v('all-3', '*', 3, { appealMs: days(3) }),
      v('all-1', '*', 1, { appealMs: days(1), localReturn: true }),
      v('all-2', '*', 2, { appealMs: days(2) }),
    ];
    const p = resolvePolicy(versions, where);
    expect(p.values.appealMs).toBe(days(3));
    // An older version's values do not leak into the latest one.
    expect(p.values.localReturn).toBe(false);
    expect(p.versionIds).toEqual(['all-3']);
  });

  it('ignores other markets and the buyer/seller side of the same country', () => {
    const versions = [
      v('seller-it', 'seller:IT', 1, { localReturn: true }),
      v('buyer-cn', 'buyer:CN', 1, { appealMs: days(1) }),
      v('buyer-fr', 'buyer:FR', 1, { appealMs: days(2) }),
    ];
    const p = resolvePolicy(versions, where);
    expect(p.values).toEqual(DEFAULT_POLICY);
    expect(p.versionIds).toEqual([]);
  });

  it('a seller-market local return applies to that seller whoever the buyer is', () => {
    const versions = [v('it-local', 'seller:IT', 1, { localReturn: true })];
    const p = resolvePolicy(versions, { buyerCountry: 'DE', sellerCountry: 'IT' });
    expect(p.values.localReturn).toBe(true);
    expect(p.versionIds).toEqual(['it-local']);
  });

  it('clamps the seller-response window to the negotiation window', () => {
    const shorter = resolvePolicy([v('a', '*', 1, { negotiationMs: days(3) })], where);
    expect(shorter.values.negotiationMs).toBe(days(3));
    expect(shorter.values.sellerResponseMs).toBe(days(3));

    const longer = resolvePolicy([v('b', '*', 1, { sellerResponseMs: days(9) })], where);
    expect(longer.values.sellerResponseMs).toBe(days(5));

    const inside = resolvePolicy([v('c', 'seller:CN', 1, { sellerResponseMs: days(2) })], where);
    expect(inside.values.sellerResponseMs).toBe(days(2));
    expect(inside.values.negotiationMs).toBe(days(5));
  });

  it('does not change DEFAULT_POLICY', () => {
    const before = { ...DEFAULT_POLICY };
    resolvePolicy([v('a', '*', 1, { negotiationMs: days(1) })], where);
    expect(DEFAULT_POLICY).toEqual(before);
  });
});

describe('validatePolicyValues', () => {
  const check = (values: Record<string, unknown>) =>
    validatePolicyValues(values as Partial<PolicyValues>);

  it('accepts valid overrides, including zero', () => {
    expect(check({})).toEqual([]);
    expect(
      check({
        negotiationMs: days(7),
        localReturn: true,
        protectionAmountCapMinor: 5_000n,
        protectionFeeMinor: 0n,
        sellerResponsibilityWarnCount: 0,
        protectionReasons: ['damaged'],
      }),
    ).toEqual([]);
  });

  it('reports an unknown field', () => {
    expect(check({ negotiationDays: 5 })).toEqual([
      { field: 'negotiationDays', problem: 'unknown policy field' },
    ]);
  });

  it('reports a value of the wrong type', () => {
    expect(check({ negotiationMs: '5 days' })).toEqual([
      { field: 'negotiationMs', problem: 'must be a number' },
    ]);
    expect(check({ localReturn: 'yes' })).toEqual([
      { field: 'localReturn', problem: 'must be a boolean' },
    ]);
    expect(check({ protectionFeeMinor: 30 })).toEqual([
      { field: 'protectionFeeMinor', problem: 'must be a bigint' },
    ]);
    expect(check({ appealMs: null })).toEqual([{ field: 'appealMs', problem: 'must be a number' }]);
  });

  it('reports negative numbers and bigints', () => {
    expect(check({ appealMs: -1 })).toEqual([
      { field: 'appealMs', problem: 'must not be negative' },
    ]);
    expect(check({ protectionAmountCapMinor: -1n })).toEqual([
      { field: 'protectionAmountCapMinor', problem: 'must not be negative' },
    ]);
  });

  it('reports numbers that are not integers', () => {
    expect(check({ appealMs: 1.5 })).toEqual([
      { field: 'appealMs', problem: 'must be an integer' },
    ]);
    expect(check({ offersMax: Number.NaN })).toEqual([
      { field: 'offersMax', problem: 'must be an integer' },
    ]);
    expect(check({ offersMax: Number.POSITIVE_INFINITY })).toEqual([
      { field: 'offersMax', problem: 'must be an integer' },
    ]);
  });

  it('returns every problem found, one per field', () => {
    const problems = check({
      bogus: 1,
      negotiationMs: -5,
      evidenceMax: 2.5,
      localReturn: 1,
      appealMs: days(7),
    });
    expect(problems).toEqual([
      { field: 'bogus', problem: 'unknown policy field' },
      { field: 'negotiationMs', problem: 'must not be negative' },
      { field: 'evidenceMax', problem: 'must be an integer' },
      { field: 'localReturn', problem: 'must be a boolean' },
    ]);
  });
});

describe('validatePolicyValues: fields typeof cannot check', () => {
  const check = (values: Record<string, unknown>) =>
    validatePolicyValues(values as Partial<PolicyValues>);
  const listProblem = {
    field: 'protectionReasons',
    problem:
      'must be a list of: not_received, wrong_item, damaged, not_as_described, quality_issue, missing_parts, counterfeit, changed_mind',
  };

  it('protectionReasons must be a list of known dispute reasons', () => {
    expect(check({ protectionReasons: [] })).toEqual([]);
    expect(check({ protectionReasons: ['damaged', 'changed_mind'] })).toEqual([]);
    // Each of these passed a bare typeof check ('object') and would reach decide-open.
    expect(check({ protectionReasons: null })).toEqual([listProblem]);
    expect(check({ protectionReasons: { damaged: true } })).toEqual([listProblem]);
    expect(check({ protectionReasons: 'damaged' })).toEqual([listProblem]);
    expect(check({ protectionReasons: ['damaged', 'broken'] })).toEqual([listProblem]);
  });

  it('inherited object properties are unknown fields, not policy fields', () => {
    expect(check({ toString: 1 })).toEqual([
      { field: 'toString', problem: 'unknown policy field' },
    ]);
    expect(check({ constructor: 'x' })).toEqual([
      { field: 'constructor', problem: 'unknown policy field' },
    ]);
  });
});
