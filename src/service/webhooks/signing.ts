// Standard Webhooks signatures (https://www.standardwebhooks.com): the signed content is
// `${webhook-id}.${webhook-timestamp}.${body}`, the key is the base64 part of `whsec_...`, and
// the signature header is a space-separated list of `v1,<base64 HMAC-SHA256>` (several during a
// secret rotation). verifyWebhook is exported for integrators and for our own tests.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;
// The spec's bounds on key length; we make 32-byte keys and accept what others may issue.
const SECRET_BYTES_MIN = 24;
const SECRET_BYTES_MAX = 64;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
export const TOLERANCE_SECONDS_DEFAULT = 300;
/** Bounds the work a hostile signature header can cause. */
const SIGNATURE_HEADER_CHARS_MAX = 4_096;
const SIGNATURES_MAX = 16;
const TIMESTAMP_TEXT = /^[0-9]{1,12}$/;

export interface WebhookHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/** The HMAC key inside a `whsec_` secret, or undefined when it is not one. */
export function secretKey(secret: string): Buffer | undefined {
  if (!secret.startsWith(SECRET_PREFIX)) return undefined;
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (!BASE64.test(encoded)) return undefined;
  const key = Buffer.from(encoded, 'base64');
  return key.length >= SECRET_BYTES_MIN && key.length <= SECRET_BYTES_MAX ? key : undefined;
}

function hmac(key: Buffer, id: string, timestampSeconds: number, body: string | Uint8Array) {
  return createHmac('sha256', key).update(`${id}.${timestampSeconds}.`).update(body).digest();
}

/** `v1,<base64 HMAC-SHA256>` of `${id}.${timestampSeconds}.${body}`. */
export function sign(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string | Uint8Array,
): string {
  const key = secretKey(secret);
  if (key === undefined) throw new Error('not a whsec_ webhook secret');
  return `v1,${hmac(key, id, timestampSeconds, body).toString('base64')}`;
}

export function webhookHeaders(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string | Uint8Array,
): WebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': sign(secret, id, timestampSeconds, body),
  };
}

export type VerifyFailure =
  | 'secret_invalid'
  | 'headers_missing'
  | 'timestamp_invalid'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'signature_mismatch';

export type VerifyResult = { readonly ok: true } | { readonly ok: false; reason: VerifyFailure };

type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Checks a received webhook: the signature over the raw body (verify before parsing JSON) and
 * the timestamp within `toleranceSeconds` of `nowMs` (epoch milliseconds), which bounds replays.
 * Receivers should also drop a `webhook-id` they have already processed.
 */
export function verifyWebhook(
  secret: string,
  headers: HeaderSource,
  body: string | Uint8Array,
  nowMs: number,
  toleranceSeconds = TOLERANCE_SECONDS_DEFAULT,
): VerifyResult {
  const key = secretKey(secret);
  if (key === undefined) return { ok: false, reason: 'secret_invalid' };
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (id === undefined || timestamp === undefined || signatures === undefined) {
    return { ok: false, reason: 'headers_missing' };
  }
  if (!TIMESTAMP_TEXT.test(timestamp)) return { ok: false, reason: 'timestamp_invalid' };
  const seconds = Number(timestamp);
  const nowSeconds = Math.floor(nowMs / 1_000);
  if (seconds < nowSeconds - toleranceSeconds) return { ok: false, reason: 'timestamp_too_old' };
  if (seconds > nowSeconds + toleranceSeconds) return { ok: false, reason: 'timestamp_too_new' };
  if (signatures.length > SIGNATURE_HEADER_CHARS_MAX) {
    return { ok: false, reason: 'signature_mismatch' };
  }
  const expected = hmac(key, id, seconds, body);
  const matched = signatures
    .split(' ')
    .slice(0, SIGNATURES_MAX)
    .some((candidate) => matches(candidate, expected));
  return matched ? { ok: true } : { ok: false, reason: 'signature_mismatch' };
}

function matches(candidate: string, expected: Buffer): boolean {
  const [version, encoded] = candidate.split(',', 2);
  if (version !== 'v1' || encoded === undefined || !BASE64.test(encoded)) return false;
  const given = Buffer.from(encoded, 'base64');
  // timingSafeEqual throws on a length mismatch; the length of an HMAC is no secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function header(headers: HeaderSource, name: string): string | undefined {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  // A repeated header is ambiguous: which copy was signed? Refuse rather than pick one.
  const single = typeof value === 'string' ? value : value?.length === 1 ? value[0] : undefined;
  return single === '' ? undefined : single;
}
