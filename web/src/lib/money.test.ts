import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMinor, formatMoney, minorDigits, minorToDecimal, parseMoney } from './money.ts';

describe('money', () => {
  it('knows each currency’s minor digits', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('turns minor units into exact decimals', () => {
    expect(minorToDecimal('1250', 'EUR')).toBe('12.50');
    expect(minorToDecimal('5', 'EUR')).toBe('0.05');
    expect(minorToDecimal('0', 'USD')).toBe('0.00');
    expect(minorToDecimal('1500', 'JPY')).toBe('1500');
    expect(minorToDecimal('-1999', 'USD')).toBe('-19.99');
    // Past 2^53: no float would keep the last digits.
    expect(minorToDecimal('999999999999999999', 'USD')).toBe('9999999999999999.99');
  });

  it('formats in the reader’s language', () => {
    expect(formatMoney({ minor: '1250', currency: 'EUR' }, 'en')).toBe('€12.50');
    expect(formatMoney({ minor: '3999', currency: 'USD' }, 'zh-CN')).toBe('US$39.99');
    expect(formatMoney({ minor: '1250', currency: 'EUR' }, 'zh-CN')).toBe('€12.50');
    expect(formatMoney({ minor: '123456', currency: 'EUR' }, 'de')).toBe('1.234,56\u00a0€');
    expect(formatMoney({ minor: '1500', currency: 'JPY' }, 'en')).toBe('¥1,500');
    expect(formatMoney({ minor: '999999999999999999', currency: 'USD' }, 'en')).toBe(
      '$9,999,999,999,999,999.99',
    );
  });

  it('parses what people type, in either decimal convention', () => {
    expect(parseMoney('12.5', 'EUR')).toBe('1250');
    expect(parseMoney('12,50', 'EUR')).toBe('1250');
    expect(parseMoney('1,234.56', 'USD')).toBe('123456');
    expect(parseMoney('1.234,56', 'EUR')).toBe('123456');
    expect(parseMoney('1,234', 'USD')).toBe('123400');
    expect(parseMoney(' 7 ', 'USD')).toBe('700');
    expect(parseMoney('.5', 'USD')).toBe('50');
    expect(parseMoney('1500', 'JPY')).toBe('1500');
  });

  it('refuses what is not an amount in the currency', () => {
    for (const text of ['', 'abc', '12.345', '-5', '1.2.3', '1e3', '12.5', '0.1'])
      if (text === '12.5' || text === '0.1') expect(parseMoney(text, 'JPY')).toBeUndefined();
      else expect(parseMoney(text, 'EUR'), text).toBeUndefined();
    expect(parseMoney('1234567890123456789', 'JPY')).toBeUndefined();
  });

  it('round-trips every amount through its decimal text', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }),
        fc.constantFrom('EUR', 'JPY', 'KWD'),
        (minor, currency) => {
          const text = minorToDecimal(minor.toString(), currency);
          expect(parseMoney(text, currency)).toBe(minor.toString());
        },
      ),
    );
  });

  it('compares minor units without floats', () => {
    expect(compareMinor('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareMinor('5', '5')).toBe(0);
    expect(compareMinor('4', '10')).toBe(-1);
  });
});
