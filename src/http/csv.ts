// CSV by RFC 4180 (no CSV package is installed; the format is small enough to write right):
// CRLF between records, a field quoted when it holds a comma, a double quote, CR or LF, and a
// double quote inside a quoted field doubled. Text that a spreadsheet would run as a formula
// (=, +, -, @, tab, CR first) is prefixed with a single quote, as OWASP advises against CSV
// injection: order and dispute ids come from the marketplace. Numbers are written as they are,
// so a negative amount stays a number.

export type CsvValue = string | bigint | number | null;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
