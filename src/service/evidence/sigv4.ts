// AWS Signature Version 4 for S3-compatible stores, on node:crypto alone: enough for the three
// requests the blob store makes (PUT, GET, HEAD of one object), header-based, no query string.
// Checked against the worked examples in AWS's "Signature Calculations for the Authorization
// Header" (sigv4.test.ts).
import { createHash, createHmac } from 'node:crypto';

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SignInput {
  readonly method: 'GET' | 'HEAD' | 'PUT';
  /** host[:port] exactly as the request will send it. */
  readonly host: string;
  /** The path, not yet percent-encoded: `/bucket/sha256/ab/cdef…`. */
  readonly path: string;
  /** Extra headers to sign and send (lower- or mixed-case names). */
  readonly headers: Readonly<Record<string, string>>;
  readonly payloadSha256: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly now: Date;
  readonly service?: string;
}

export interface Signed {
  readonly url: string;
  /** Every header to send, the Authorization header included (host is set by fetch). */
  readonly headers: Record<string, string>;
}

export function signV4(input: SignInput, scheme: 'http' | 'https' = 'https'): Signed {
  const amzDate = input.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${input.region}/${input.service ?? 's3'}/aws4_request`;
  const headers: Record<string, string> = {
    ...lowerCased(input.headers),
    'x-amz-content-sha256': input.payloadSha256,
    'x-amz-date': amzDate,
  };
  const signing: Record<string, string> = { ...headers, host: input.host };
  const names = Object.keys(signing).sort();
  const canonicalHeaders = names.map((n) => `${n}:${collapse(signing[n] ?? '')}\n`).join('');
  const signedHeaders = names.join(';');
  const path = encodePath(input.path);
  const canonicalRequest = [
    input.method,
    path,
    '',
    canonicalHeaders,
    signedHeaders,
    input.payloadSha256,
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key: Buffer = hmac(`AWS4${input.secretAccessKey}`, day);
  for (const part of [input.region, input.service ?? 's3', 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { url: `${scheme}://${input.host}${path}`, headers };
}

/** RFC 3986 encoding of each segment, once (S3 does not double-encode, unlike other services). */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function lowerCased(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function collapse(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}
