import { describe, expect, it } from 'vitest';
import { bodyOf, type Draft } from './ruling-body.ts';

const draft = (change: Partial<Draft>): Draft => ({
  outcome: 'refund',
  amount: '12.50',
  postagePaidBy: 'seller',
  responsibility: 'seller',
  reasonCode: 'packing',
  note: '',
  ...change,
});

describe('the ruling body', () => {
  it('refunds the typed amount in minor units of the order currency', () => {
    expect(bodyOf(draft({}), 'EUR')?.outcome).toEqual({
      kind: 'refund',
      amount: { minor: '1250', currency: 'EUR' },
    });
  });

  it('rules a return and refund with who pays the postage', () => {
    expect(
      bodyOf(draft({ outcome: 'return_and_refund', postagePaidBy: 'platform' }), 'USD')?.outcome,
    ).toEqual({
      kind: 'return_and_refund',
      amount: { minor: '1250', currency: 'USD' },
      postagePaidBy: 'platform',
    });
  });

  it('sends nothing while a refund amount does not parse, and no amount for no refund', () => {
    expect(bodyOf(draft({ amount: '12.5.0' }), 'USD')).toBeUndefined();
    expect(bodyOf(draft({ outcome: 'return_and_refund', amount: '' }), 'USD')).toBeUndefined();
    expect(bodyOf(draft({ outcome: 'no_refund', amount: '' }), 'USD')?.outcome).toEqual({
      kind: 'no_refund',
    });
  });
});
