// Blobs as files under `<dataDir>/blobs`, one per key (`sha256/ab/cdef…`). A write goes to a
// temp file in the same directory, is flushed, then hard-linked into place: link() fails when
// the name exists where rename() would replace it, so a blob is never overwritten, and a
// reader never sees a half-written file. A crash can leave a `.tmp-*` file behind, never a
// truncated blob; those are safe to delete.
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  assertContentMatches,
  type BlobKey,
  type BlobRead,
  type BlobStore,
  isBlobKey,
} from './blob-store.ts';

export class FsBlobStore implements BlobStore {
  readonly kind = 'fs';

  readonly root: string;
  constructor(root: string) {
    this.root = root;
  }

  /** The media type is not kept: the engine records it with the evidence. */
  async put(
    key: BlobKey,
    bytes: Uint8Array,
    _mediaType: string,
  ): Promise<{ readonly created: boolean }> {
    assertContentMatches(key, bytes);
    const path = this.#path(key);
    if (await this.has(key)) return { created: false };
    const dir = dirname(path);
    await mkdir(dir, { recursive: true, mode: 0o750 });
    const temp = join(dir, `.tmp-${randomUUID()}`);
    try {
      const file = await open(temp, 'wx', 0o640);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      const created = await linkOnce(temp, path);
      // The database records the evidence after this returns: the new name must be durable.
      if (created) await syncDirectory(dir);
      return { created };
    } finally {
      await rm(temp, { force: true });
    }
  }

  async get(key: BlobKey): Promise<BlobRead | undefined> {
    let file: Awaited<ReturnType<typeof open>>;
    try {
      file = await open(this.#path(key), 'r');
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return undefined;
      throw error;
    }
    try {
      // Size from the open handle, not the path: both describe the same file.
      const { size } = await file.stat();
      return { body: file.createReadStream(), bytes: size };
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  async has(key: BlobKey): Promise<boolean> {
    try {
      return (await stat(this.#path(key))).isFile();
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return false;
      throw error;
    }
  }

  #path(key: BlobKey): string {
    // Keys are typed, but a path is the one place a forged string would do harm: check again.
    if (!isBlobKey(key)) throw new Error(`not a blob key: ${JSON.stringify(key)}`);
    return join(this.root, ...key.split('/'));
  }
}

/** Links temp to path; false when path already exists (a concurrent writer of the same blob). */
async function linkOnce(temp: string, path: string): Promise<boolean> {
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    const code = codeOf(error);
    if (code === 'EEXIST') return false;
    // Some file systems have no hard links; there, check then rename. Two racing writers of a
    // content key write identical bytes, so the narrow race overwrites nothing that differs.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    if (await exists(path)) return false;
    await rename(temp, path);
    return true;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms cannot fsync a directory; the file itself is already flushed.
    if (codeOf(error) !== 'EINVAL' && codeOf(error) !== 'EISDIR') throw error;
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String(error.code) : undefined;
}
