// Goal: the act-as reference and the sign-in link's returnTo are parsed strictly: every seller
// reference whose ids hold `:` keeps each way it may split, and a returnTo that a browser would
// read as another host is refused. SETTLE_PUBLIC_URL must be an origin.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { parseMarketplaceUser } from './marketplace-users.ts';
import { isSameOriginPath } from './sign-in-links.ts';

describe('marketplace user references', () => {
  it('parses buyers and staff, keeping every split of ids that hold a colon', () => {
    expect(parseMarketplaceUser('buyer:b-1:x')).toEqual({ kind: 'buyer', buyerId: 'b-1:x' });
    expect(parseMarketplaceUser('seller:s:1:u')).toEqual({
      kind: 'seller',
      candidates: [
        ['s', '1:u'],
        ['s:1', 'u'],
      ],
    });
    for (const bad of ['', 'buyer:', 'seller:s', 'seller::u', 'admin:a', 'Buyer:b', 'buyer: b'])
      expect(parseMarketplaceUser(bad), bad).toBeUndefined();
  });
});

describe('sign-in link returnTo', () => {
  it('accepts paths on the same origin only', () => {
    for (const ok of ['/', '/disputes/d-1?x=1#y', '/%2F%2Fevil.test'])
      expect(isSameOriginPath(ok), ok).toBe(true);
    for (const bad of [
      '',
      'disputes',
      '//evil.test',
      '/\\evil.test',
      '/\t/evil.test',
      '/\n/evil.test',
      'https://evil.test/',
      'javascript:alert(1)',
      ' /x',
    ])
      expect(isSameOriginPath(bad), JSON.stringify(bad)).toBe(false);
  });
});

describe('SETTLE_PUBLIC_URL', () => {
  it('takes an origin and refuses anything else', () => {
    expect(loadConfig({ SETTLE_PUBLIC_URL: 'https://d.example.com' }).publicUrl).toBe(
      'https://d.example.com',
    );
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({}).signInLinkTtlSeconds).toBe(300);
    for (const bad of ['d.example.com', 'ftp://d.example.com', 'https://d.example.com/app'])
      expect(() => loadConfig({ SETTLE_PUBLIC_URL: bad }), bad).toThrow(ConfigError);
    expect(() => loadConfig({ SETTLE_SIGN_IN_LINK_TTL_SECONDS: '5' })).toThrow(ConfigError);
  });
});
