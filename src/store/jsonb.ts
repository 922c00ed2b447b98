import { type RawBuilder, sql } from 'kysely';
import { encodeJson } from './json-codec.ts';

// jsonb is written as text through our codec, never as a JS object handed to the driver: pg would
// JSON.stringify it (throwing on bigint) and PGlite serialises by the inferred parameter type.
// The explicit ::text::jsonb makes both drivers send the same bytes.

declare const jsonbBrand: unique symbol;
/** What a jsonb column accepts on insert/update: only `jsonb(value)` makes one. */
export type JsonbInput = { readonly [jsonbBrand]: true };

export function jsonb(value: unknown): RawBuilder<JsonbInput> {
  return sql<JsonbInput>`cast(${encodeJson(value)}::text as jsonb)`;
}
