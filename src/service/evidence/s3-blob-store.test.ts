// The S3 store against a small in-process S3 stand-in that checks each request's SigV4
// signature and honours If-None-Match: the store speaks the protocol, not just the signer.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentKey } from './blob-store.ts';
import { readBounded } from './bounded-read.ts';
import type { S3Settings } from './config.ts';
import { S3BlobStore } from './s3-blob-store.ts';
import { signV4 } from './sigv4.ts';

const objects = new Map<string, Buffer>();
const seen: string[] = [];
let server: Server;
let settings: S3Settings;

async function body(request: IncomingMessage): Promise<Buffer> {
  return readBounded(request, 1024 * 1024);
}

/** Re-signs the request as received; a mismatch is what S3 answers with 403. */
function signatureValid(request: IncomingMessage, payload: Buffer): boolean {
  const auth = String(request.headers.authorization);
  const signedNames = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
  const headers = Object.fromEntries(
    signedNames
      .filter((n) => n !== 'host' && !n.startsWith('x-amz-'))
      .map((n) => [n, String(request.headers[n])]),
  );
  const amzDate = String(request.headers['x-amz-date']);
  const now = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const expected = signV4({
    method: request.method as 'GET' | 'PUT' | 'HEAD',
    host: String(request.headers.host),
    path: decodeURIComponent(request.url ?? ''),
    headers,
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
    region: settings.region,
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    now,
  });
  return (
    expected.headers.authorization === auth &&
    request.headers['x-amz-content-sha256'] === expected.headers['x-amz-content-sha256']
  );
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const payload = await body(request);
    seen.push(`${request.method} ${request.url}`);
    if (!signatureValid(request, payload))
      return response.writeHead(403).end('<Error>SignatureDoesNotMatch</Error>');
    const path = request.url ?? '';
    const existing = objects.get(path);
    if (request.method === 'PUT') {
      if (existing !== undefined && request.headers['if-none-match'] === '*')
        return response.writeHead(412).end();
      objects.set(path, payload);
      return response.writeHead(200).end();
    }
    if (existing === undefined) return response.writeHead(404).end();
    response.writeHead(200, { 'content-length': existing.length });
    return response.end(request.method === 'HEAD' ? undefined : existing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  settings = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: 'evidence',
    region: 'eu-west-1',
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'secret/EXAMPLE',
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('S3BlobStore', () => {
  it('puts once, never overwrites, reads back and streams', async () => {
    const store = new S3BlobStore(settings);
    const bytes = Buffer.from('%PDF-1.4 evidence');
    const key = contentKey(createHash('sha256').update(bytes).digest('hex'));
    expect(await store.has(key)).toBe(false);
    expect(await store.put(key, bytes, 'application/pdf')).toEqual({ created: true });
    expect(await store.put(key, bytes, 'application/pdf')).toEqual({ created: false });
    expect(await store.has(key)).toBe(true);
    const read = await store.get(key);
    expect(read?.bytes).toBe(bytes.length);
    expect(await readBounded(read!.body, 1000)).toEqual(bytes);
    expect(seen).toContain(`PUT /evidence/${key}`);
  });

  it('answers undefined for a missing object', async () => {
    expect(await new S3BlobStore(settings).get(contentKey('1'.repeat(64)))).toBeUndefined();
  });

  it('surfaces a refusal (bad credentials) as an error with the status', async () => {
    const store = new S3BlobStore({ ...settings, secretAccessKey: 'wrong' });
    await expect(store.has(contentKey('2'.repeat(64)))).rejects.toThrow(/403/);
  });

  it('surfaces an unreachable endpoint as a BlobStoreError', async () => {
    const store = new S3BlobStore({ ...settings, endpoint: 'http://127.0.0.1:1' });
    await expect(store.has(contentKey('3'.repeat(64)))).rejects.toThrow(/S3 HEAD/);
  });
});
