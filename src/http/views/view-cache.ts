// Rendered dispute views, kept per process. A dispute's view changes only with its version,
// with who looks at it, and with time through what they may do now; the key holds all three (the
// viewer's allowed actions and due dates, computed per request, stand for time), so a hit is
// exactly the bytes a fresh render would give and the key means the same on every instance.
// Decoded states are kept beside it, per dispute and version, so a hit needs no state read.
import { createHash } from 'node:crypto';
import type { Dispute } from '../../domain/index.ts';
import type { Runtime } from '../../service/runtime.ts';

export interface CachedView {
  readonly body: Buffer;
  /** A strong ETag of the bytes themselves: equal for equal views, whatever caused a new version. */
  readonly etag: string;
}

/** Least recently used first out, bounded by the bytes it holds. */
export class ViewCache {
  readonly #maxBytes: number;
  readonly #views = new Map<string, CachedView>();
  #bytes = 0;
  readonly #states = new Map<string, { version: number; dispute: Dispute }>();
  readonly #maxStates: number;

  constructor(maxBytes: number, maxStates: number) {
    this.#maxBytes = maxBytes;
    this.#maxStates = maxStates;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): CachedView | undefined {
    const hit = this.#views.get(key);
    if (hit === undefined) return undefined;
    this.#views.delete(key);
    this.#views.set(key, hit);
    return hit;
  }

  put(key: string, body: Buffer): CachedView {
    const view = { body, etag: etagOf(body) };
    if (body.length > this.#maxBytes / 8) return view; // a huge view would evict everything else
    const old = this.#views.get(key);
    if (old !== undefined) {
      this.#views.delete(key);
      this.#bytes -= old.body.length + key.length;
    }
    this.#views.set(key, view);
    this.#bytes += body.length + key.length;
    for (const [k, v] of this.#views) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#views.delete(k);
      this.#bytes -= v.body.length + k.length;
    }
    return view;
  }

  state(disputeId: string, version: number): Dispute | undefined {
    const hit = this.#states.get(disputeId);
    if (hit === undefined || hit.version !== version) return undefined;
    this.#states.delete(disputeId);
    this.#states.set(disputeId, hit);
    return hit.dispute;
  }

  putState(dispute: Dispute, version: number): void {
    const known = this.#states.get(dispute.id);
    if (known !== undefined && known.version > version) return;
    this.#states.delete(dispute.id);
    this.#states.set(dispute.id, { version, dispute });
    if (this.#states.size > this.#maxStates) {
      const oldest = this.#states.keys().next().value;
      if (oldest !== undefined) this.#states.delete(oldest);
    }
  }
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether an If-None-Match header names this ETag (a list, weak or strong, or `*`). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

const caches = new WeakMap<Runtime, ViewCache>();

/** Bytes of rendered views kept per process (and decoded states, by count). */
export const VIEW_CACHE_BYTES = 16 * 1024 * 1024;
export const STATE_CACHE_ENTRIES = 256;

export function viewCache(runtime: Runtime): ViewCache {
  let cache = caches.get(runtime);
  if (cache === undefined) {
    cache = new ViewCache(VIEW_CACHE_BYTES, STATE_CACHE_ENTRIES);
    caches.set(runtime, cache);
  }
  return cache;
}
