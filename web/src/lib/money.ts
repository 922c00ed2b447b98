// Money as the API sends it ({minor: "1250", currency: "EUR"}): integer minor units as a decimal
// string, formatted and parsed without ever passing through a float.

export interface Money {
  readonly minor: string;
  readonly currency: string;
}

/** How many minor units a currency has (2 for EUR, 0 for JPY, 3 for KWD), per Intl. */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** "1250" EUR -> "12.50": exact decimal text from the integer minor units. */
export function minorToDecimal(minor: string, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor.startsWith('-');
  const units = (negative ? minor.slice(1) : minor).replace(/^0+(?=\d)/, '');
  if (digits === 0) return `${negative ? '-' : ''}${units}`;
  const padded = units.padStart(digits + 1, '0');
  const whole = padded.slice(0, -digits);
  const fraction = padded.slice(-digits);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Formats in the reader's locale: `€12.50`, `12,50 €`, `US$12.50` in zh-CN as `US$12.50`. */
export function formatMoney(money: Money, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
  // A decimal string keeps every digit exact (Intl formats strings as decimals, not floats).
  return format.format(minorToDecimal(money.minor, money.currency) as unknown as number);
}

/**
 * What a person typed ("12.5", "12,50", "1 234.00") to minor units, or undefined when it is not
 * an amount in this currency (too many decimals, letters, negative).
 */
export function parseMoney(text: string, currency: string): string | undefined {
  const digits = minorDigits(currency);
  const cleaned = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (cleaned === '') return undefined;
  // One decimal separator, either '.' or ','; the other kind is a grouping separator.
  const lastDot = cleaned.lastIndexOf('.');
  const lastComma = cleaned.lastIndexOf(',');
  const separator = lastDot > lastComma ? '.' : ',';
  const grouping = separator === '.' ? ',' : '.';
  let body = cleaned.split(grouping).join('');
  const parts = body.split(separator);
  if (parts.length > 2) return undefined;
  // "1,234" with three digits after a comma and no dot is a grouped whole number in most locales.
  if (parts.length === 2 && separator === ',' && lastDot < 0 && parts[1]?.length === 3) {
    body = parts.join('');
    return toMinor(body, '', digits);
  }
  return toMinor(parts[0] ?? '', parts[1] ?? '', digits);
}

function toMinor(whole: string, fraction: string, digits: number): string | undefined {
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction)) return undefined;
  if (whole === '' && fraction === '') return undefined;
  if (fraction.length > digits) return undefined;
  const minor = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  return minor.length > 18 ? undefined : minor;
}

/** Compares two minor-unit strings of one currency. */
export function compareMinor(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
