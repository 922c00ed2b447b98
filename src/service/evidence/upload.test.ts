// The upload attack suite at the pipeline: every hostile file is refused, or stored as a clean
// image with no metadata; what is stored is what the returned hash names.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentKey, thumbnailKey } from './blob-store.ts';
import { readBounded } from './bounded-read.ts';
import { EvidenceFileError } from './errors.ts';
import { FsBlobStore } from './fs-blob-store.ts';
import {
  elfExecutable,
  exifHasGps,
  htmlBehindPngHeader,
  htmlBehindPngSignature,
  minimalMp4,
  minimalPdf,
  PAYLOAD_MARKER,
  photoWithGps,
  plainPhoto,
  pngBomb,
  windowsExecutable,
  withTail,
} from './test-fixtures.ts';
import { type EvidenceLimits, storeEvidenceFile } from './upload.ts';

const LIMITS: EvidenceLimits = { bytesMax: 1024 * 1024, pixelsMax: 40_000_000 };
let root: string;
let blobs: FsBlobStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'settle-upload-'));
  blobs = new FsBlobStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function refusal(bytes: Buffer, limits = LIMITS): Promise<string> {
  try {
    await storeEvidenceFile(blobs, bytes, limits);
  } catch (error) {
    if (error instanceof EvidenceFileError) return error.code;
    throw error;
  }
  return 'stored';
}

async function storedBytes(sha256: string): Promise<Buffer> {
  return readFile(join(root, ...contentKey(sha256).split('/')));
}

describe('images are rebuilt from their pixels', () => {
  for (const format of ['jpeg', 'png', 'webp'] as const) {
    it(`${format}: EXIF with GPS, XMP and ICC removed, orientation applied, thumbnail made`, async () => {
      const input = await photoWithGps(format);
      const before = await sharp(input).metadata();
      // The fixture really carries what we strip, or the test proves nothing.
      expect([before.orientation, exifHasGps(before.exif)]).toEqual([6, true]);
      expect([before.xmp === undefined, before.icc === undefined]).toEqual([false, false]);

      const stored = await storeEvidenceFile(blobs, input, LIMITS);
      expect(stored.mediaType).toBe(`image/${format}`);
      const bytes = await storedBytes(stored.sha256);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored.sha256);
      expect(stored.bytes).toBe(bytes.length);
      const after = await sharp(bytes).metadata();
      expect(after.format).toBe(format);
      expect({ w: after.width, h: after.height }).toEqual({ w: 30, h: 60 });
      expect([after.exif, after.xmp, after.iptc, after.icc, after.orientation]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(stored.thumbnailKey).toBe(thumbnailKey(stored.sha256));
      expect(await blobs.has(thumbnailKey(stored.sha256))).toBe(true);
    });
  }

  it('thumbnails fit in 320px and are WebP', async () => {
    const stored = await storeEvidenceFile(blobs, await plainPhoto(1200, 800), LIMITS);
    const read = await blobs.get(thumbnailKey(stored.sha256));
    const thumb = await readBounded(read!.body, 1024 * 1024);
    const meta = await sharp(thumb).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 213]);
  });

  it('a polyglot tail (ZIP or HTML after the image) is not stored', async () => {
    for (const kind of ['zip', 'html'] as const) {
      const input = withTail(await plainPhoto(), kind);
      expect(input.includes(PAYLOAD_MARKER)).toBe(true);
      const stored = await storeEvidenceFile(blobs, input, LIMITS);
      expect((await storedBytes(stored.sha256)).includes(PAYLOAD_MARKER)).toBe(false);
    }
    const png = withTail(
      await sharp(await plainPhoto())
        .png()
        .toBuffer(),
      'html',
    );
    const stored = await storeEvidenceFile(blobs, png, LIMITS);
    expect((await storedBytes(stored.sha256)).includes(PAYLOAD_MARKER)).toBe(false);
  });
});

describe('hostile files are refused', () => {
  it('a decompression bomb by its declared pixels, without decoding it', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(100_000);
    const rssBefore = process.memoryUsage().rss;
    expect(await refusal(bomb)).toBe('evidence.too_many_pixels');
    // Decoding it would take 400 MB; refusing it takes next to nothing.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it('the pixel limit is configurable', async () => {
    expect(await refusal(await plainPhoto(100, 100), { ...LIMITS, pixelsMax: 9_999 })).toBe(
      'evidence.too_many_pixels',
    );
  });

  it('renamed executables and other unknown types, whatever they are called', async () => {
    expect(await refusal(elfExecutable())).toBe('evidence.unsupported_type');
    expect(await refusal(windowsExecutable())).toBe('evidence.unsupported_type');
    expect(await refusal(Buffer.from('<html><body>hi</body></html>'))).toBe(
      'evidence.unsupported_type',
    );
    expect(await refusal(Buffer.alloc(0))).toBe('evidence.unsupported_type');
  });

  it('HTML behind a PNG signature', async () => {
    expect(await refusal(htmlBehindPngSignature())).toBe('evidence.unsupported_type');
    expect(await refusal(htmlBehindPngHeader())).toBe('evidence.undecodable');
  });

  it('a truncated image is refused, not stored half-grey', async () => {
    const photo = await plainPhoto(200, 200);
    expect(await refusal(photo.subarray(0, photo.length / 2))).toBe('evidence.undecodable');
  });

  it('a file over the limit', async () => {
    expect(await refusal(minimalPdf(2000), { ...LIMITS, bytesMax: 1000 })).toBe(
      'evidence.too_large',
    );
  });
});

describe('PDF and MP4 are recognised by their bytes and stored as they are', () => {
  it.each([
    ['application/pdf', minimalPdf()],
    ['video/mp4', minimalMp4()],
  ])('%s', async (mediaType, input) => {
    const stored = await storeEvidenceFile(blobs, input, LIMITS);
    expect(stored).toEqual({
      sha256: createHash('sha256').update(input).digest('hex'),
      mediaType,
      bytes: input.length,
    });
    expect(await storedBytes(stored.sha256)).toEqual(input);
  });
});

describe('readBounded', () => {
  async function* chunks(sizes: number[]) {
    for (const size of sizes) yield new Uint8Array(size);
  }

  it('reads up to the limit and refuses one byte more, without reading further', async () => {
    expect((await readBounded(chunks([4, 6]), 10)).length).toBe(10);
    let pulled = 0;
    const counting = (async function* () {
      for (const size of [6, 5, 100, 100]) {
        pulled += 1;
        yield new Uint8Array(size);
      }
    })();
    await expect(readBounded(counting, 10)).rejects.toMatchObject({ code: 'evidence.too_large' });
    expect(pulled).toBe(2);
  });
});
