// Blobs in an S3-compatible bucket (AWS S3, MinIO, R2, …), path-style, signed with SigV4 and sent
// with fetch: no SDK. `If-None-Match: *` makes S3 refuse to overwrite an existing object (412);
// a store that ignores that header overwrites a content-addressed object with identical bytes,
// which changes nothing.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  assertContentMatches,
  type BlobKey,
  type BlobRead,
  type BlobStore,
  BlobStoreError,
  isBlobKey,
} from './blob-store.ts';
import type { S3Settings } from './config.ts';
import { EMPTY_SHA256, type SignInput, sha256Hex, signV4 } from './sigv4.ts';

export interface S3Options {
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
  /** Until the response headers arrive; a download then streams as long as the client reads. */
  readonly timeoutMs?: number;
}

const ERROR_TEXT_CHARS_MAX = 300;

export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  readonly #endpoint: URL;

  private readonly settings: S3Settings;
  private readonly options: S3Options;

  constructor(settings: S3Settings, options: S3Options = {}) {
    this.settings = settings;
    this.options = options;
    this.#endpoint = new URL(settings.endpoint);
  }

  async put(
    key: BlobKey,
    bytes: Uint8Array,
    mediaType: string,
  ): Promise<{ readonly created: boolean }> {
    assertContentMatches(key, bytes);
    const headers = { 'content-type': mediaType, 'if-none-match': '*' };
    const response = await this.#send('PUT', key, headers, bytes);
    if (response.status === 412) return { created: false };
    await this.#expectOk(response, 'PUT', key);
    return { created: true };
  }

  async get(key: BlobKey): Promise<BlobRead | undefined> {
    const response = await this.#send('GET', key);
    if (response.status === 404) return undefined;
    await this.#expectOk(response, 'GET', key);
    const bytes = Number(response.headers.get('content-length'));
    if (response.body === null || !Number.isSafeInteger(bytes)) {
      throw new BlobStoreError(`S3 GET ${key} answered without a body or a length`);
    }
    return { body: Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), bytes };
  }

  async has(key: BlobKey): Promise<boolean> {
    const response = await this.#send('HEAD', key);
    if (response.status === 404) return false;
    await this.#expectOk(response, 'HEAD', key);
    return true;
  }

  async #send(
    method: SignInput['method'],
    key: BlobKey,
    headers: Record<string, string> = {},
    body?: Uint8Array,
  ): Promise<Response> {
    if (!isBlobKey(key)) throw new Error(`not a blob key: ${JSON.stringify(key)}`);
    const s = this.settings;
    const signed = signV4(
      {
        method,
        host: this.#endpoint.host,
        path: `/${s.bucket}/${key}`,
        headers,
        payloadSha256: body === undefined ? EMPTY_SHA256 : sha256Hex(body),
        region: s.region,
        accessKeyId: s.accessKeyId,
        secretAccessKey: s.secretAccessKey,
        now: this.options.now?.() ?? new Date(),
      },
      this.#endpoint.protocol === 'http:' ? 'http' : 'https',
    );
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.options.timeoutMs ?? 30_000);
    try {
      return await (this.options.fetch ?? fetch)(signed.url, {
        method,
        headers: signed.headers,
        ...(body === undefined ? {} : { body }),
        signal: abort.signal,
      });
    } catch (error) {
      throw new BlobStoreError(`S3 ${method} ${key} failed: ${String(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  async #expectOk(response: Response, method: string, key: BlobKey): Promise<void> {
    if (response.ok) return;
    const text = method === 'HEAD' ? '' : (await response.text()).slice(0, ERROR_TEXT_CHARS_MAX);
    throw new BlobStoreError(`S3 ${method} ${key} answered ${response.status} ${text}`.trim());
  }
}
