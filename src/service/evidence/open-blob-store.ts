// Picks the blob store the configuration names. Files under `<dataDir>/blobs` by default.
import { join } from 'node:path';
import { type BlobStore, BlobStoreError } from './blob-store.ts';
import type { EvidenceConfig } from './config.ts';
import { FsBlobStore } from './fs-blob-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';

export function openBlobStore(config: EvidenceConfig, dataDir: string): BlobStore {
  if (config.blobStore === 'fs') return new FsBlobStore(join(dataDir, 'blobs'));
  // loadEvidenceConfig refuses s3 without its settings; this guards a hand-built config.
  if (config.s3 === undefined)
    throw new BlobStoreError('SETTLE_BLOB_STORE=s3 but S3 is not configured');
  return new S3BlobStore(config.s3);
}
