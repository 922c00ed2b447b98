// Goal: our signatures are Standard Webhooks signatures (the spec's published example and an
// independent node:crypto computation agree with them), and verifyWebhook accepts exactly the
// messages it should: right secret, untouched body, timestamp within tolerance.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSecret, sign, verifyWebhook, webhookHeaders } from './signing.ts';

// The example from the Standard Webhooks reference libraries' test suites.
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const AT_SPEC_TIME = SPEC.timestamp * 1_000;

function independently(secret: string, content: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(content).digest('base64')}`;
}

function specHeaders(overrides: Record<string, string> = {}) {
  return {
    'webhook-id': SPEC.id,
    'webhook-timestamp': String(SPEC.timestamp),
    'webhook-signature': SPEC.signature,
    ...overrides,
  };
}

describe('signing', () => {
  it("reproduces the spec's published signature", () => {
    expect(sign(SPEC.secret, SPEC.id, SPEC.timestamp, SPEC.body)).toBe(SPEC.signature);
  });

  it('signs "id.timestamp.body" with the base64-decoded secret', () => {
    const secret = generateSecret();
    const body = JSON.stringify({ amount: { minor: '123456789012345678', currency: 'USD' } });
    const headers = webhookHeaders(secret, 'msg_42', 1_767_225_600, body);
    expect(headers).toEqual({
      'webhook-id': 'msg_42',
      'webhook-timestamp': '1767225600',
      'webhook-signature': independently(secret, `msg_42.1767225600.${body}`),
    });
  });

  it('makes fresh whsec_ secrets of 32 random bytes', () => {
    const secrets = new Set(Array.from({ length: 20 }, generateSecret));
    expect(secrets.size).toBe(20);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    }
  });

  it('refuses to sign with something that is not a whsec_ secret', () => {
    expect(() => sign('sk_live_abc', 'msg_1', 1, '{}')).toThrow(/whsec_/);
    expect(() => sign('whsec_c2hvcnQ=', 'msg_1', 1, '{}')).toThrow(/whsec_/);
  });
});

describe('verifyWebhook', () => {
  it('accepts the spec example, from plain headers, a Headers object and raw bytes', () => {
    expect(verifyWebhook(SPEC.secret, specHeaders(), SPEC.body, AT_SPEC_TIME)).toEqual({
      ok: true,
    });
    const headers = new Headers(specHeaders());
    const bytes = new TextEncoder().encode(SPEC.body);
    expect(verifyWebhook(SPEC.secret, headers, bytes, AT_SPEC_TIME).ok).toBe(true);
  });

  it('rejects a changed body, id or timestamp, and another secret', () => {
    const mismatch = { ok: false, reason: 'signature_mismatch' };
    expect(verifyWebhook(SPEC.secret, specHeaders(), '{"test": 2432232315}', AT_SPEC_TIME)).toEqual(
      mismatch,
    );
    const otherId = specHeaders({ 'webhook-id': 'msg_other' });
    expect(verifyWebhook(SPEC.secret, otherId, SPEC.body, AT_SPEC_TIME)).toEqual(mismatch);
    const shifted = specHeaders({ 'webhook-timestamp': String(SPEC.timestamp + 1) });
    expect(verifyWebhook(SPEC.secret, shifted, SPEC.body, AT_SPEC_TIME)).toEqual(mismatch);
    expect(verifyWebhook(generateSecret(), specHeaders(), SPEC.body, AT_SPEC_TIME)).toEqual(
      mismatch,
    );
  });

  it('bounds replays: a timestamp more than the tolerance away is refused', () => {
    const verify = (nowMs: number, tolerance?: number) =>
      verifyWebhook(SPEC.secret, specHeaders(), SPEC.body, nowMs, tolerance);
    expect(verify(AT_SPEC_TIME + 300_999).ok).toBe(true);
    expect(verify(AT_SPEC_TIME + 301_000)).toEqual({ ok: false, reason: 'timestamp_too_old' });
    expect(verify(AT_SPEC_TIME - 300_000).ok).toBe(true);
    expect(verify(AT_SPEC_TIME - 301_000)).toEqual({ ok: false, reason: 'timestamp_too_new' });
    expect(verify(AT_SPEC_TIME + 61_000, 60)).toEqual({ ok: false, reason: 'timestamp_too_old' });
  });

  it('accepts any one valid signature in the list, as during a secret rotation', () => {
    const rotated = specHeaders({
      'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')} v2,abc ${SPEC.signature}`,
    });
    expect(verifyWebhook(SPEC.secret, rotated, SPEC.body, AT_SPEC_TIME).ok).toBe(true);
    const onlyWrong = specHeaders({ 'webhook-signature': 'v1,not-base64!! v1' });
    expect(verifyWebhook(SPEC.secret, onlyWrong, SPEC.body, AT_SPEC_TIME).ok).toBe(false);
  });

  it('names what is wrong with malformed input', () => {
    const verify = (headers: Record<string, string | string[]>, secret = SPEC.secret) =>
      verifyWebhook(secret, headers, SPEC.body, AT_SPEC_TIME);
    expect(verify(specHeaders(), 'whsec_???')).toEqual({ ok: false, reason: 'secret_invalid' });
    const { 'webhook-id': _dropped, ...noId } = specHeaders();
    expect(verify(noId)).toEqual({ ok: false, reason: 'headers_missing' });
    expect(verify({ ...specHeaders(), 'webhook-id': [SPEC.id, SPEC.id] })).toEqual({
      ok: false,
      reason: 'headers_missing',
    });
    expect(verify(specHeaders({ 'webhook-timestamp': '1614265330.5' }))).toEqual({
      ok: false,
      reason: 'timestamp_invalid',
    });
  });
});
