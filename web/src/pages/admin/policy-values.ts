// Policy values between the API and the form: durations (`…Ms`) are edited in hours, lists as
// comma-separated text, money limits as decimal strings of minor units, flags as checkboxes.
// What the admin types that is not a number stays text, so the server's 422 names the field.
export type Draft = Readonly<Record<string, string | boolean>>;

const HOUR_MS = 3_600_000;

export function isDuration(field: string): boolean {
  return field.endsWith('Ms');
}

export function toDraftValue(field: string, value: unknown): string | boolean {
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number' && isDuration(field)) return String(value / HOUR_MS);
  return String(value);
}

export function fromDraftValue(field: string, current: unknown, draft: string | boolean): unknown {
  if (typeof draft === 'boolean') return draft;
  const text = draft.trim();
  if (Array.isArray(current))
    return text === ''
      ? []
      : text
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
  if (typeof current === 'number') {
    if (text === '' || !Number.isFinite(Number(text))) return text;
    return isDuration(field) ? Math.round(Number(text) * HOUR_MS) : Number(text);
  }
  return text;
}

/** The fields whose drafted value differs from the current one, as the API takes them. */
export function changedValues(
  fields: readonly { field: string; value: unknown }[],
  draft: Draft,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const d = draft[f.field];
    if (d === undefined) continue;
    const proposed = fromDraftValue(f.field, f.value, d);
    if (JSON.stringify(proposed) !== JSON.stringify(f.value)) out[f.field] = proposed;
  }
  return out;
}

/** A value for reading: durations in hours (and days when whole), lists joined. */
export function showValue(field: string, value: unknown, hours: string): string {
  if (typeof value === 'number' && isDuration(field)) return `${value / HOUR_MS} ${hours}`;
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
