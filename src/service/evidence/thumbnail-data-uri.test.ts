// Thumbnails inline as data: URIs for the printable case file; non-images and missing blobs
// give nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispute } from '../../domain/index.ts';
import { FsBlobStore } from './fs-blob-store.ts';
import { minimalPdf, plainPhoto } from './test-fixtures.ts';
import { thumbnailDataUri, thumbnailSource } from './thumbnail-data-uri.ts';
import { storeEvidenceFile } from './upload.ts';

const LIMITS = { bytesMax: 1024 * 1024, pixelsMax: 40_000_000 };
let root: string;
let blobs: FsBlobStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'settle-thumbs-'));
  blobs = new FsBlobStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('thumbnail data URIs', () => {
  it('inlines an image thumbnail; nothing for PDFs, unknown evidence or missing blobs', async () => {
    const photo = await storeEvidenceFile(blobs, await plainPhoto(), LIMITS);
    const pdf = await storeEvidenceFile(blobs, minimalPdf(), LIMITS);
    const uri = await thumbnailDataUri(blobs, photo.sha256);
    expect(uri).toMatch(/^data:image\/webp;base64,/);
    const decoded = Buffer.from(uri!.split(',')[1]!, 'base64');
    expect((await sharp(decoded).metadata()).format).toBe('webp');
    expect(await thumbnailDataUri(blobs, 'f'.repeat(64))).toBeUndefined();

    const evidence = [
      { id: 'p', by: 'buyer', sha256: photo.sha256, mediaType: photo.mediaType },
      { id: 'd', by: 'buyer', sha256: pdf.sha256, mediaType: pdf.mediaType },
      // Another uploader's file with the same id is another file.
      { id: 'd', by: 'seller', sha256: photo.sha256, mediaType: photo.mediaType },
    ];
    const service = {
      get: async () => ({ dispute: { evidence } as unknown as Dispute, version: 1 }),
    };
    const source = thumbnailSource(service, blobs);
    expect(await source('d1', 'p', 'buyer')).toBe(uri);
    expect(await source('d1', 'd', 'buyer')).toBeUndefined();
    expect(await source('d1', 'd', 'seller')).toBe(uri);
    expect(await source('d1', 'p', 'seller')).toBeUndefined();
    expect(await source('d1', 'nope', 'buyer')).toBeUndefined();
  });
});
