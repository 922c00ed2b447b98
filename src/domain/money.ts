// Money is an integer count of the currency's smallest unit (cents, fen) plus its ISO 4217 code.
// bigint, never number: a float cannot hold 0.1 and a number cannot hold every amount safely.

export type Currency = string & { readonly __brand: 'Currency' };

export interface Money {
  readonly minor: bigint;
  readonly currency: Currency;
}

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export function isCurrency(code: string): code is Currency {
  return CURRENCY_PATTERN.test(code);
}

export function currency(code: string): Currency {
  if (!isCurrency(code)) throw new Error(`not an ISO 4217 currency code: ${code}`);
  return code;
}

export function money(minor: bigint | number, code: string): Money {
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
    throw new Error(`money needs an integer count of minor units, got ${minor}`);
  }
  return { minor: BigInt(minor), currency: currency(code) };
}

export function zero(code: Currency): Money {
  return { minor: 0n, currency: code };
}

export function sameCurrency(a: Money, b: Money): boolean {
  return a.currency === b.currency;
}

// Mixing currencies is a bug in the caller: commands are checked before arithmetic happens.
function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new Error(`currency mismatch: ${a.currency} vs ${b.currency}`);
  }
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { minor: a.minor + b.minor, currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { minor: a.minor - b.minor, currency: a.currency };
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

export function min(a: Money, b: Money): Money {
  return compare(a, b) <= 0 ? a : b;
}

export function isPositive(m: Money): boolean {
  return m.minor > 0n;
}

export function isZero(m: Money): boolean {
  return m.minor === 0n;
}

export function negate(m: Money): Money {
  return { minor: -m.minor, currency: m.currency };
}

export function formatMoney(m: Money): string {
  return `${m.minor.toString()} ${m.currency}`;
}

/** Math.min does not take bigints. */
export function minMinor(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
