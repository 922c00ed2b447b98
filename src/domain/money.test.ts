// Money is exact integer minor units in one ISO 4217 currency, and arithmetic refuses to mix currencies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  currency,
  formatMoney,
  isCurrency,
  isPositive,
  isZero,
  type Money,
  min,
  minMinor,
  money,
  negate,
  sameCurrency,
  subtract,
  zero,
} from './money.ts';

const usd = (minor: bigint | number) => money(minor, 'USD');
const eur = (minor: bigint | number) => money(minor, 'EUR');

describe('money()', () => {
  it('takes a safe integer number or a bigint and stores a bigint', () => {
    expect(money(2_000, 'USD')).toEqual({ minor: 2_000n, currency: 'USD' });
    expect(money(2_000n, 'USD')).toEqual({ minor: 2_000n, currency: 'USD' });
    expect(money(-15, 'EUR').minor).toBe(-15n);
    expect(money(0, 'JPY').minor).toBe(0n);
  });

  it('holds amounts beyond what a number can hold exactly', () => {
    const big = 2n ** 80n + 1n;
    expect(money(big, 'USD').minor).toBe(big);
  });

  it('refuses fractions and numbers that are not safe integers', () => {
    expect(() => money(0.1, 'USD')).toThrow(/integer count of minor units/);
    expect(() => money(12.5, 'USD')).toThrow(/integer/);
    expect(() => money(Number.NaN, 'USD')).toThrow(/integer/);
    expect(() => money(Number.POSITIVE_INFINITY, 'USD')).toThrow(/integer/);
    expect(() => money(2 ** 53, 'USD')).toThrow(/integer/);
  });

  it('refuses a code that is not three upper-case letters', () => {
    expect(() => money(1, 'usd')).toThrow(/not an ISO 4217 currency code: usd/);
    expect(() => money(1, 'US')).toThrow(/ISO 4217/);
  });
});

describe('currency validation', () => {
  it('accepts three upper-case letters', () => {
    for (const code of ['USD', 'EUR', 'CNY', 'JPY']) {
      expect(isCurrency(code)).toBe(true);
      expect(currency(code)).toBe(code);
    }
  });

  it('rejects anything else', () => {
    for (const code of ['', 'us', 'usd', 'Usd', 'USDT', 'US1', ' USD', 'USD ', 'U-D', '€€€']) {
      expect(isCurrency(code)).toBe(false);
      expect(() => currency(code)).toThrow(/not an ISO 4217 currency code/);
    }
  });
});

describe('arithmetic in one currency', () => {
  it('adds, subtracts and compares', () => {
    expect(add(usd(150), usd(50))).toEqual(usd(200));
    expect(subtract(usd(150), usd(200))).toEqual(usd(-50));
    expect(compare(usd(1), usd(2))).toBe(-1);
    expect(compare(usd(2), usd(2))).toBe(0);
    expect(compare(usd(3), usd(2))).toBe(1);
  });

  it('min picks the smaller amount, the first on a tie', () => {
    const a = usd(5);
    const b = usd(5);
    expect(min(usd(9), usd(4))).toEqual(usd(4));
    expect(min(usd(4), usd(9))).toEqual(usd(4));
    expect(min(a, b)).toBe(a);
  });

  it('knows zero, positive and the negation', () => {
    expect(zero(currency('EUR'))).toEqual(eur(0));
    expect(isZero(eur(0))).toBe(true);
    expect(isZero(eur(1))).toBe(false);
    expect(isPositive(eur(1))).toBe(true);
    expect(isPositive(eur(0))).toBe(false);
    expect(isPositive(eur(-1))).toBe(false);
    expect(negate(eur(7))).toEqual(eur(-7));
    expect(negate(eur(-7))).toEqual(eur(7));
  });

  it('sameCurrency compares codes only', () => {
    expect(sameCurrency(usd(1), usd(99))).toBe(true);
    expect(sameCurrency(usd(1), eur(1))).toBe(false);
  });
});

describe('mixed currencies are refused', () => {
  it('add, subtract, compare and min throw on a mismatch', () => {
    expect(() => add(usd(1), eur(1))).toThrow('currency mismatch: USD vs EUR');
    expect(() => subtract(eur(1), usd(1))).toThrow('currency mismatch: EUR vs USD');
    expect(() => compare(usd(1), eur(1))).toThrow(/currency mismatch/);
    expect(() => min(usd(1), eur(1))).toThrow(/currency mismatch/);
  });
});

describe('minMinor', () => {
  it('returns the smaller bigint', () => {
    expect(minMinor(3n, 5n)).toBe(3n);
    expect(minMinor(5n, 3n)).toBe(3n);
    expect(minMinor(-1n, 0n)).toBe(-1n);
    expect(minMinor(4n, 4n)).toBe(4n);
  });
});

describe('formatMoney', () => {
  it('shows the minor units and the code, never a float', () => {
    expect(formatMoney(usd(2_000))).toBe('2000 USD');
    expect(formatMoney(eur(-5))).toBe('-5 EUR');
    expect(formatMoney(money(10n ** 20n, 'JPY'))).toBe('100000000000000000000 JPY');
  });
});

describe('properties over bigints', () => {
  const amount = fc.bigInt({ min: -(2n ** 96n), max: 2n ** 96n });
  const code = fc.constantFrom('USD', 'EUR', 'CNY', 'JPY');
  const moneyIn = (c: string) => amount.map((minor): Money => money(minor, c));
  const pair = code.chain((c) => fc.tuple(moneyIn(c), moneyIn(c)));

  it('add then subtract round-trips', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(subtract(add(a, b), b)).toEqual(a);
        expect(add(subtract(a, b), b)).toEqual(a);
      }),
    );
  });

  it('compare is antisymmetric and agrees with subtraction', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        // Sum, not negation: -0 is not Object.is-equal to 0.
        expect(compare(a, b) + compare(b, a)).toBe(0);
        expect(compare(a, a)).toBe(0);
        const diff = subtract(a, b).minor;
        expect(compare(a, b)).toBe(diff < 0n ? -1 : diff > 0n ? 1 : 0);
      }),
    );
  });

  it('add is commutative and min agrees with minMinor', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(add(a, b)).toEqual(add(b, a));
        expect(min(a, b).minor).toBe(minMinor(a.minor, b.minor));
      }),
    );
  });

  it('any two different currencies always throw', () => {
    fc.assert(
      fc.property(
        fc.tuple(code, code).filter(([x, y]) => x !== y),
        amount,
        amount,
        ([x, y], m, n) => {
          const a = money(m, x);
          const b = money(n, y);
          expect(() => add(a, b)).toThrow(/currency mismatch/);
          expect(() => subtract(a, b)).toThrow(/currency mismatch/);
          expect(() => compare(a, b)).toThrow(/currency mismatch/);
        },
      ),
    );
  });
});
