// Files under <root>/sha256/ab/cdef…: written atomically, never overwritten, and only for keys
// that match their bytes.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BlobKey, contentKey, isBlobKey, thumbnailKey } from './blob-store.ts';
import { readBounded } from './bounded-read.ts';
import { FsBlobStore } from './fs-blob-store.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let root: string;
let store: FsBlobStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'settle-blobs-'));
  store = new FsBlobStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('FsBlobStore', () => {
  it('stores content-addressed and reads it back', async () => {
    const bytes = Buffer.from('evidence one');
    const key = contentKey(sha(bytes));
    expect(key).toMatch(/^sha256\/[a-f0-9]{2}\/[a-f0-9]{62}$/);
    expect(await store.has(key)).toBe(false);
    expect(await store.put(key, bytes, 'application/pdf')).toEqual({ created: true });
    const path = join(root, 'sha256', sha(bytes).slice(0, 2), sha(bytes).slice(2));
    expect(await readFile(path)).toEqual(bytes);
    const read = await store.get(key);
    expect(read?.bytes).toBe(bytes.length);
    expect(await readBounded(read!.body, 100)).toEqual(bytes);
    // No temp files are left behind.
    expect(await readdir(join(root, 'sha256', sha(bytes).slice(0, 2)))).toEqual([
      sha(bytes).slice(2),
    ]);
  });

  it('never overwrites: a second put of the same key writes nothing', async () => {
    const bytes = Buffer.from('evidence two');
    const key = contentKey(sha(bytes));
    await store.put(key, bytes, 'application/pdf');
    const path = join(root, ...key.split('/'));
    // Even a (hypothetically) different file already there is left alone.
    await writeFile(path, 'tampered');
    expect(await store.put(key, bytes, 'application/pdf')).toEqual({ created: false });
    expect(await readFile(path, 'utf8')).toBe('tampered');
  });

  it('concurrent writers of one blob: one creates it, the others find it', async () => {
    const bytes = Buffer.from('evidence three');
    const key = contentKey(sha(bytes));
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(key, bytes, 'x')));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await readFile(join(root, ...key.split('/')))).toEqual(bytes);
  });

  it('refuses bytes that do not hash to their content key', async () => {
    const key = contentKey(sha(Buffer.from('a')));
    await expect(store.put(key, Buffer.from('b'), 'x')).rejects.toThrow(/hash/);
  });

  it('thumbnail keys live apart and take any bytes', async () => {
    const key = thumbnailKey(sha(Buffer.from('source')));
    expect(key.startsWith('thumbnails/')).toBe(true);
    expect(await store.put(key, Buffer.from('thumb'), 'image/webp')).toEqual({ created: true });
  });

  it('answers undefined for a missing blob', async () => {
    expect(await store.get(contentKey('0'.repeat(64)))).toBeUndefined();
  });

  it('only well-formed keys reach the file system', async () => {
    expect(() => contentKey('../../etc/passwd')).toThrow();
    expect(isBlobKey('sha256/../../../etc/passwd')).toBe(false);
    await expect(store.get('sha256/../../x' as BlobKey)).rejects.toThrow(/not a blob key/);
  });
});
