// Goal: the JSON codec round-trips any JSON-shaped value with bigints of any size exactly, and
// canonical JSON depends only on content, never on key order. fast-check prints the seed of a
// failing run, so a failure replays with `{ seed, path }`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { decodeJson, encodeJson, reviveBigints } from './json-codec.ts';

const TAG = '$bigint';

// Object keys exclude the tag so generated objects never collide with the bigint encoding.
const key = fc.string().filter((k) => k !== TAG);
const leaf = fc.oneof(
  fc.bigInt(),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }),
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.boolean(),
  fc.constant(null),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5, noNullPrototype: true }),
  ),
}));

describe('json codec', () => {
  it('round-trips nested values with bigints', () => {
    fc.assert(
      fc.property(value, (input) => {
        expect(decodeJson(encodeJson(input))).toEqual(input);
      }),
    );
  });

  it('revives bigints in JSON a driver already parsed', () => {
    fc.assert(
      fc.property(value, (input) => {
        expect(reviveBigints(JSON.parse(encodeJson(input)))).toEqual(input);
      }),
    );
  });

  it('keeps integers beyond 2^63 exact', () => {
    const huge = { minor: 2n ** 64n + 1n, debt: -(2n ** 63n) - 7n };
    expect(encodeJson(huge)).toBe(
      '{"minor":{"$bigint":"18446744073709551617"},"debt":{"$bigint":"-9223372036854775815"}}',
    );
    expect(decodeJson(encodeJson(huge))).toEqual(huge);
  });

  it('keeps a "__proto__" key as data, as JSON.parse does', () => {
    const input = JSON.parse('{"__proto__":{"n":1}}') as unknown;
    const output = decodeJson(encodeJson(input));
    expect(Object.keys(output as object)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(reviveBigints(input))).toBe(Object.prototype);
  });

  it('drops undefined properties as JSON does', () => {
    expect(decodeJson(encodeJson({ a: 1, b: undefined }))).toEqual({ a: 1 });
  });

  it('refuses values JSON would silently lose', () => {
    expect(() => encodeJson({ n: Number.NaN })).toThrow(/NaN/);
    expect(() => encodeJson([undefined])).toThrow(/undefined/);
    expect(() => encodeJson(new Map())).toThrow(/Map/);
    expect(() => encodeJson({ [TAG]: '1' })).toThrow(/reserved/);
  });

  it('leaves look-alike objects that are not valid tags alone', () => {
    expect(decodeJson('{"$bigint":"12x"}')).toEqual({ [TAG]: '12x' });
    expect(decodeJson('{"$bigint":"1","other":2}')).toEqual({ [TAG]: '1', other: 2 });
  });
});

describe('canonical json', () => {
  it('is the same for any key order', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (input) => {
        const reversed = Object.fromEntries(Object.entries(input).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(input));
      }),
    );
  });

  it('sorts keys, including integer-like ones, by code unit', () => {
    expect(canonicalJson({ b: 1, a: [2n, { d: null, c: true }], 10: 'x', 9: 'y' })).toBe(
      '{"10":"x","9":"y","a":[{"$bigint":"2"},{"c":true,"d":null}],"b":1}',
    );
  });

  it('decodes back to the value it encodes', () => {
    fc.assert(
      fc.property(value, (input) => {
        expect(decodeJson(canonicalJson(input))).toEqual(input);
      }),
    );
  });
});
