// Dates and rates through Intl, in the reader's language.
export function formatDateTime(iso: string | number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    typeof iso === 'number' ? iso : Date.parse(iso),
  );
}

/** Basis points (100 = 1%) as a percentage: 250 -> "2.5%". */
export function formatBp(bp: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    bp / 10_000,
  );
}
