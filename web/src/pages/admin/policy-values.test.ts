// The policy form's conversions (hours to milliseconds and back, lists, only changed fields),
// and a name for every policy field in both languages.
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../../src/domain/policy.ts';
import { adminEn } from './i18n-en.ts';
import { adminZhCN } from './i18n-zh-CN.ts';
import { changedValues, fromDraftValue, toDraftValue } from './policy-values.ts';

describe('policy form values', () => {
  it('edits durations in hours and keeps what is not a number as text', () => {
    expect(toDraftValue('negotiationMs', 432_000_000)).toBe('120');
    expect(fromDraftValue('negotiationMs', 432_000_000, '192')).toBe(691_200_000);
    expect(fromDraftValue('negotiationMs', 432_000_000, 'soon')).toBe('soon');
    expect(fromDraftValue('protectionReasons', ['damaged'], 'damaged, not_received')).toEqual([
      'damaged',
      'not_received',
    ]);
  });

  it('sends only the fields that changed', () => {
    const fields = [
      { field: 'negotiationMs', value: 432_000_000 },
      { field: 'localReturn', value: false },
      { field: 'protectionFeeMinor', value: '30' },
    ];
    expect(
      changedValues(fields, { negotiationMs: '120', localReturn: true, protectionFeeMinor: '30' }),
    ).toEqual({ localReturn: true });
  });
});

describe('policy field names', () => {
  it('names every policy field in both languages', () => {
    for (const texts of [adminEn.field, adminZhCN.field])
      expect(Object.keys(texts).sort()).toEqual(Object.keys(DEFAULT_POLICY).sort());
  });
});
