// JSON that keeps bigints: money is bigint minor units, and JSON.stringify throws on bigint while
// JSON.parse silently rounds integers past 2^53. A bigint is written as {"$bigint":"123"} and
// revived on the way back, so every jsonb column round-trips money exactly.

export type JsonTree = null | boolean | number | string | JsonTree[] | { [key: string]: JsonTree };

const TAG = '$bigint';
/** Nesting deeper than this is a bug in whoever built the value, not data. */
const DEPTH_MAX = 64;
/** Bounds BigInt parsing cost when reviving text we did not write. */
const BIGINT_DIGITS_MAX = 1_000;
const BIGINT_TEXT = /^-?\d+$/;

/** Serialises `value`; bigints are tagged, undefined properties dropped (as JSON does). */
export function encodeJson(value: unknown): string {
  return JSON.stringify(toJsonTree(value));
}

/** Parses text written by `encodeJson`, reviving tagged bigints. */
export function decodeJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) =>
    isBigintTag(value) ? reviveTag(value) : value,
  );
}

/** Revives tagged bigints in a value a driver already parsed (pg and PGlite parse jsonb). */
export function reviveBigints(parsed: unknown): unknown {
  return revive(parsed, 0);
}

function revive(parsed: unknown, depth: number): unknown {
  if (depth > DEPTH_MAX) throw new Error(`JSON nested deeper than ${DEPTH_MAX}`);
  if (parsed === null || typeof parsed !== 'object') return parsed;
  if (isBigintTag(parsed)) return reviveTag(parsed);
  if (Array.isArray(parsed)) return parsed.map((item) => revive(item, depth + 1));
  // fromEntries defines own properties, so a "__proto__" key stays data, as JSON.parse keeps it.
  return Object.fromEntries(
    Object.entries(parsed).map(([key, item]) => [key, revive(item, depth + 1)]),
  );
}

/**
 * Converts `value` to a plain JSON tree with bigints tagged. Throws on anything JSON would
 * lose silently (NaN, undefined in arrays, Maps, functions) so the codec stays lossless.
 */
export function toJsonTree(value: unknown): JsonTree {
  return tree(value, 0);
}

function tree(value: unknown, depth: number): JsonTree {
  if (depth > DEPTH_MAX) throw new Error(`JSON nested deeper than ${DEPTH_MAX}`);
  const plain = hasToJson(value) ? value.toJSON() : value;
  switch (typeof plain) {
    case 'bigint':
      return bigintTag(plain);
    case 'string':
    case 'boolean':
      return plain;
    case 'number':
      if (!Number.isFinite(plain)) throw new Error(`cannot encode ${plain} as JSON`);
      return Object.is(plain, -0) ? 0 : plain;
    case 'object':
      return plain === null ? null : objectTree(plain, depth);
    default:
      throw new Error(`cannot encode a ${typeof plain} as JSON`);
  }
}

function objectTree(value: object, depth: number): JsonTree {
  if (Array.isArray(value)) return value.map((item) => tree(item, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new Error(`cannot encode a ${proto?.constructor?.name ?? 'non-plain'} object as JSON`);
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 1 && entries[0]?.[0] === TAG) {
    throw new Error(`the key ${TAG} is reserved for bigints`);
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, tree(item, depth + 1)]));
}

function bigintTag(value: bigint): JsonTree {
  const text = value.toString();
  if (text.length > BIGINT_DIGITS_MAX) throw new Error(`bigint over ${BIGINT_DIGITS_MAX} digits`);
  return { [TAG]: text };
}

function isBigintTag(value: unknown): value is { [TAG]: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== TAG) return false;
  const text: unknown = (value as Record<string, unknown>)[TAG];
  return typeof text === 'string' && text.length <= BIGINT_DIGITS_MAX && BIGINT_TEXT.test(text);
}

function reviveTag(tag: { [TAG]: string }): bigint {
  return BigInt(tag[TAG]);
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}
