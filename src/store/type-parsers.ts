import { decodeJson } from './json-codec.ts';

// One mapping of PostgreSQL result types to JS, shared by pg and PGlite so a query returns the
// same shapes on both. Defaults differ: pg returns int8 as a string, PGlite as a number when it
// fits (and a bigint when it does not), which would make money arithmetic depend on the size
// of the amount.

export const OID = {
  int8: 20,
  json: 114,
  numeric: 1700,
  jsonb: 3802,
} as const;

const INTEGER_TEXT = /^-?\d+$/;

/** int8 (bigint, bigserial, count(*)) always as bigint. */
export function parseInt8(text: string): bigint {
  return BigInt(text);
}

/**
 * numeric as bigint: sum() over bigint columns returns numeric, and we store no fractions.
 * A fractional value (say from avg()) stays a string rather than being silently truncated.
 */
export function parseNumeric(text: string): bigint | string {
  return INTEGER_TEXT.test(text) ? BigInt(text) : text;
}

/** Parsers by type oid; timestamptz is left to each driver's default, which yields a Date. */
export const resultParsers: Readonly<Record<number, (text: string) => unknown>> = {
  [OID.int8]: parseInt8,
  [OID.numeric]: parseNumeric,
  [OID.json]: decodeJson,
  [OID.jsonb]: decodeJson,
};
