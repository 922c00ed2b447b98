// Goal: only exactly-shaped keys are looked up, and secrets compare in constant time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseApiKey } from './api-keys.ts';
import { randomToken, safeEqual } from './tokens.ts';

const GOOD = `sk_0123456789abcdef_${'A'.repeat(40)}a_-`;

describe('API key format', () => {
  it('splits a well-formed key into id and secret, even when the secret contains _', () => {
    expect(parseApiKey(GOOD)).toEqual({
      keyId: '0123456789abcdef',
      secret: `${'A'.repeat(40)}a_-`,
    });
    const secret = randomToken();
    expect(parseApiKey(`sk_ffffffffffffffff_${secret}`)?.secret).toBe(secret);
  });

  it('rejects anything else', () => {
    for (const bad of [
      '',
      'sk_',
      GOOD.slice(0, -1),
      `${GOOD}x`,
      GOOD.replace('sk_', 'pk_'),
      GOOD.replace('0123456789abcdef', '0123456789ABCDEF'),
      ` ${GOOD}`,
      GOOD.replace('a_-', 'a_='),
    ])
      expect(parseApiKey(bad), bad).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const parsed = parseApiKey(text);
        return parsed === undefined || text === `sk_${parsed.keyId}_${parsed.secret}`;
      }),
    );
  });

  it('compares secrets of any lengths without throwing', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
