// Rows in COPY's text format (PostgreSQL manual, COPY, "Text Format"): columns separated by a
// tab, rows ended by a newline, NULL as \N, and in text a backslash, tab, newline and carriage
// return escaped with a backslash so that no value can end a column or a row early.

export type CopyValue = string | number | bigint | boolean | Date | null;

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

export function copyValue(value: CopyValue): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string') return String(value);
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string) : value;
}

export function copyRow(values: readonly CopyValue[]): string {
  let row = copyValue(values[0] ?? null);
  for (let i = 1; i < values.length; i++) row += `\t${copyValue(values[i] ?? null)}`;
  return `${row}\n`;
}
