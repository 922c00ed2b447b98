// The report as bytes: stable key order as built, bigints as strings, two-space indent. Same
// seed and inputs, same bytes (the determinism test compares these).
export function reportJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`;
}
