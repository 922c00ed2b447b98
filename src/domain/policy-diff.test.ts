// A policy diff names exactly the fields whose value moves, reading unset fields as defaults.
import { describe, expect, it } from 'vitest';
import { days } from './instant.ts';
import { DEFAULT_POLICY } from './policy.ts';
import { diffPolicyValues } from './policy-diff.ts';

describe('diffPolicyValues', () => {
  it('lists changed fields only, over the defaults', () => {
    const changes = diffPolicyValues(
      { negotiationMs: days(8) },
      { negotiationMs: days(8), sellerResponseMs: days(3), protectionFeeMinor: 30n },
    );
    expect(changes).toEqual([
      { field: 'sellerResponseMs', current: DEFAULT_POLICY.sellerResponseMs, proposed: days(3) },
    ]);
  });

  it('compares lists by content', () => {
    expect(
      diffPolicyValues(undefined, { protectionReasons: [...DEFAULT_POLICY.protectionReasons] }),
    ).toEqual([]);
    expect(diffPolicyValues(undefined, { protectionReasons: ['damaged'] })).toHaveLength(1);
  });
});
