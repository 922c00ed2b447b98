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

// Hot path: the deadline runner decodes and encodes a dispute snapshot per deadline, so both
// directions use the engine's native JSON with a small callback instead of copying the tree.

/** Serialises `value`; bigints are tagged, undefined properties dropped (as JSON does). */
export function encodeJson(value: unknown): string {
  const text: string | undefined = JSON.stringify(
    value,
    function (this: unknown, _key: string, item: unknown) {
      return jsonValue(item, Array.isArray(this));
    },
  );
  if (text === undefined) throw new Error(`cannot encode a ${typeof value} as JSON`);
  return text;
}

/** Parses text written by `encodeJson`, reviving tagged bigints. */
export function decodeJson(text: string): unknown {
  return reviveInPlace(JSON.parse(text), 0);
}

/**
 * Revives tagged bigints in a value a driver already parsed (pg and PGlite parse jsonb). The
 * value is changed in place: it is the caller's own freshly parsed copy.
 */
export function reviveBigints(parsed: unknown): unknown {
  return reviveInPlace(parsed, 0);
}

function reviveInPlace(parsed: unknown, depth: number): unknown {
  if (parsed === null || typeof parsed !== 'object') return parsed;
  if (depth > DEPTH_MAX) throw new Error(`JSON nested deeper than ${DEPTH_MAX}`);
  if (isBigintTag(parsed)) return reviveTag(parsed);
  if (Array.isArray(parsed)) {
    for (let i = 0; i < parsed.length; i += 1) parsed[i] = reviveInPlace(parsed[i], depth + 1);
    return parsed;
  }
  const record = parsed as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item === null || typeof item !== 'object') continue;
    const revived = reviveInPlace(item, depth + 1);
    if (revived === item) continue;
    // Plain assignment to "__proto__" would set the prototype; JSON keeps it as data.
    if (key === '__proto__') {
      Object.defineProperty(record, key, { value: revived, enumerable: true, writable: true });
    } else record[key] = revived;
  }
  return parsed;
}

/**
 * Converts `value` to a plain JSON tree with bigints tagged. Throws on anything JSON would
 * lose silently (NaN, undefined in arrays, Maps, functions) so the codec stays lossless.
 */
export function toJsonTree(value: unknown): JsonTree {
  return JSON.parse(encodeJson(value)) as JsonTree;
}

/**
 * What one value becomes in JSON, after its toJSON (JSON.stringify and canonicalJson both
 * apply that first): a bigint its tag, a property left out as undefined; anything JSON would
 * lose silently is refused. Containers are returned as they are, for the caller to walk.
 */
export function jsonValue(item: unknown, inArray: boolean): unknown {
  switch (typeof item) {
    case 'bigint':
      return bigintTag(item);
    case 'string':
    case 'boolean':
      return item;
    case 'number':
      if (!Number.isFinite(item)) throw new Error(`cannot encode ${item} as JSON`);
      return Object.is(item, -0) ? 0 : item;
    case 'object':
      if (item === null) return null;
      if (!Array.isArray(item)) checkPlainObject(item);
      return item;
    case 'undefined':
      if (!inArray) return undefined;
      throw new Error('cannot encode a undefined as JSON');
    default:
      throw new Error(`cannot encode a ${typeof item} as JSON`);
  }
}

function checkPlainObject(value: object): void {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new Error(`cannot encode a ${proto?.constructor?.name ?? 'non-plain'} object as JSON`);
  }
  if (Object.hasOwn(value, TAG)) {
    const defined = Object.keys(value).filter(
      (key) => (value as Record<string, unknown>)[key] !== undefined,
    );
    if (defined.length === 1) throw new Error(`the key ${TAG} is reserved for bigints`);
  }
}

function bigintTag(value: bigint): JsonTree {
  const text = value.toString();
  if (text.length > BIGINT_DIGITS_MAX) throw new Error(`bigint over ${BIGINT_DIGITS_MAX} digits`);
  return { [TAG]: text };
}

function isBigintTag(value: object): value is { [TAG]: string } {
  if (!Object.hasOwn(value, TAG) || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  const text: unknown = (value as Record<string, unknown>)[TAG];
  return typeof text === 'string' && text.length <= BIGINT_DIGITS_MAX && BIGINT_TEXT.test(text);
}

function reviveTag(tag: { [TAG]: string }): bigint {
  return BigInt(tag[TAG]);
}

/** JSON.stringify's first step for every value: its own toJSON, when it has one. */
export function applyToJson(value: unknown): unknown {
  return typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
    ? (value as { toJSON(): unknown }).toJSON()
    : value;
}
