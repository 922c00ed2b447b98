import { applyToJson, jsonValue } from './json-codec.ts';

// The bytes we hash must not depend on property insertion order, on the driver, or on how jsonb
// reorders keys when stored. Canonical form: object keys sorted by UTF-16 code units, no
// whitespace, bigints tagged exactly as the codec tags them (the codec's jsonValue decides what
// every value becomes, so the two never disagree).

/** Nesting deeper than this is a bug in whoever built the value, not data. */
const DEPTH_MAX = 64;

export function canonicalJson(value: unknown): string {
  const text = write(value, false, 0);
  if (text === undefined) throw new Error('cannot encode a undefined as JSON');
  return text;
}

function write(raw: unknown, inArray: boolean, depth: number): string | undefined {
  // Strings and booleans, most of any event, skip the general path.
  if (typeof raw === 'string') return JSON.stringify(raw);
  if (typeof raw === 'boolean') return raw ? 'true' : 'false';
  if (depth > DEPTH_MAX) throw new Error(`JSON nested deeper than ${DEPTH_MAX}`);
  const value = jsonValue(applyToJson(raw), inArray);
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      out += write(value[i], true, depth + 1);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const item = write(record[key], false, depth + 1);
    if (item === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${item}`;
  }
  return `${out}}`;
}
