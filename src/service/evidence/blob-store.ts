// Where evidence bytes live. Keys are content addresses (or derived from one), so a blob never
// changes once written: stores refuse to overwrite, and a strong ETag can be the hash itself.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** `sha256/ab/cdef…` for a stored file, `thumbnails/ab/cdef…` for its thumbnail. */
export type BlobKey = string & { readonly __brand: 'BlobKey' };

const SHA256 = /^[a-f0-9]{64}$/;
// Only these shapes ever reach a file system path or an object URL: no traversal, no surprises.
const KEY = /^(sha256|thumbnails)\/[a-f0-9]{2}\/[a-f0-9]{62}$/;

export function contentKey(sha256: string): BlobKey {
  return keyUnder('sha256', sha256);
}

/** A thumbnail is keyed by the hash of the file it shows: found without another record. */
export function thumbnailKey(sourceSha256: string): BlobKey {
  return keyUnder('thumbnails', sourceSha256);
}

export function isBlobKey(value: string): value is BlobKey {
  return KEY.test(value);
}

function keyUnder(prefix: string, sha256: string): BlobKey {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256 hex digest: ${JSON.stringify(sha256)}`);
  return `${prefix}/${sha256.slice(0, 2)}/${sha256.slice(2)}` as BlobKey;
}

export interface BlobRead {
  readonly body: Readable;
  readonly bytes: number;
}

export interface BlobStore {
  readonly kind: 'fs' | 's3';
  /**
   * Writes the bytes unless the key already holds a blob (then nothing is written and
   * `created` is false). For `sha256/` keys the bytes must hash to the key.
   */
  put(key: BlobKey, bytes: Uint8Array, mediaType: string): Promise<{ readonly created: boolean }>;
  /** Opens the blob for streaming, or undefined when there is none. */
  get(key: BlobKey): Promise<BlobRead | undefined>;
  has(key: BlobKey): Promise<boolean>;
}

/** Raised by a store that is selected but cannot work (missing settings, unreachable). */
export class BlobStoreError extends Error {
  override readonly name = 'BlobStoreError';
}

/** A content key that does not match its bytes would make every later ETag a lie: a bug. */
export function assertContentMatches(key: BlobKey, bytes: Uint8Array): void {
  if (!key.startsWith('sha256/')) return;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (contentKey(sha256) !== key) throw new Error(`bytes hash to ${sha256}, not to ${key}`);
}
