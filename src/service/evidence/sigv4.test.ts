// The signer against AWS's published worked examples ("Signature Calculations for the
// Authorization Header: Transferring Payload in a Single Chunk"), so S3 accepts what we sign.
import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, encodePath, sha256Hex, signV4 } from './sigv4.ts';

const EXAMPLE = {
  host: 'examplebucket.s3.amazonaws.com',
  region: 'us-east-1',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  now: new Date('2013-05-24T00:00:00Z'),
};

describe('signV4', () => {
  it('GET Object with a Range header', () => {
    const signed = signV4({
      ...EXAMPLE,
      method: 'GET',
      path: '/test.txt',
      headers: { Range: 'bytes=0-9' },
      payloadSha256: EMPTY_SHA256,
    });
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(signed.headers['x-amz-date']).toBe('20130524T000000Z');
    expect(signed.url).toBe('https://examplebucket.s3.amazonaws.com/test.txt');
  });

  it('PUT Object, with a path that needs encoding and a signed payload', () => {
    const body = 'Welcome to Amazon S3.';
    const signed = signV4({
      ...EXAMPLE,
      method: 'PUT',
      path: '/test$file.text',
      headers: {
        Date: 'Fri, 24 May 2013 00:00:00 GMT',
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
      },
      payloadSha256: sha256Hex(body),
    });
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,' +
        'Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    );
    expect(signed.url).toBe('https://examplebucket.s3.amazonaws.com/test%24file.text');
  });

  it('encodes each path segment once, keeping the slashes', () => {
    expect(encodePath("/b/a b/c+d/é/(x)*!'")).toBe('/b/a%20b/c%2Bd/%C3%A9/%28x%29%2A%21%27');
  });
});
