// The policy form's conversions: hours to milliseconds and back, lists, and only changed fields.
import { describe, expect, it } from 'vitest';
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
