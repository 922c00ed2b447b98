// The simulator's pure parts: seeded streams replay and stay independent, the agenda keeps time
// order with ties in insertion order, the plan is a function of the seed, and policy files are
// read like an admin's policy change.
import { describe, expect, it } from 'vitest';
import { Agenda } from './agenda.ts';
import { DEFAULT_PARAMS, withParams } from './defaults.ts';
import { planSellers } from './marketplace-plan.ts';
import { PolicyFileError, parsePolicy } from './policy-file.ts';
import { stream } from './random.ts';

const draws = (seed: number, ...keys: (number | string)[]) => {
  const r = stream(seed, ...keys);
  return [r.next(), r.next(), r.next()];
};

describe('simulation model', () => {
  it('replays a stream from its seed and keys, and keeps other streams apart', () => {
    expect(draws(1, 'order', 7)).toEqual(draws(1, 'order', 7));
    expect(draws(1, 'order', 7)).not.toEqual(draws(1, 'order', 8));
    expect(draws(1, 'order', 7)).not.toEqual(draws(2, 'order', 7));
    for (const u of draws(9, 'x')) expect(u >= 0 && u < 1).toBe(true);
  });

  it('takes the agenda earliest first, ties in the order they were added', () => {
    const agenda = new Agenda<string>();
    for (const [at, item] of [
      [5, 'e'],
      [1, 'a'],
      [3, 'c1'],
      [3, 'c2'],
      [2, 'b'],
      [3, 'c3'],
    ] as const)
      agenda.add(at, item);
    const out: string[] = [];
    for (let e = agenda.take(); e !== undefined; e = agenda.take()) out.push(e.item);
    expect(out).toEqual(['a', 'b', 'c1', 'c2', 'c3', 'e']);
  });

  it('plans the same sellers from the same seed', () => {
    expect(planSellers(4, 30, DEFAULT_PARAMS)).toEqual(planSellers(4, 30, DEFAULT_PARAMS));
    expect(planSellers(4, 30, DEFAULT_PARAMS)).not.toEqual(planSellers(5, 30, DEFAULT_PARAMS));
  });

  it('reads policy files and parameter overrides, refusing what an admin could not set', () => {
    expect(parsePolicy({ negotiationDays: 3, protectionFeeMinor: '45' })).toEqual({
      negotiationMs: 3 * 86_400_000,
      protectionFeeMinor: 45n,
    });
    expect(() => parsePolicy({ negotiationDays: -1 })).toThrow(PolicyFileError);
    expect(() => parsePolicy({ nonsense: 1 })).toThrow(/unknown policy field/);
    expect(() => parsePolicy([1])).toThrow(PolicyFileError);
    expect(withParams({ disputeRate: 0.1 }).disputeRate).toBe(0.1);
    expect(() => withParams({ nonsense: 1 })).toThrow(/unknown parameter/);
  });
});
