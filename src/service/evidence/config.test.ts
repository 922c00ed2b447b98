// Evidence settings: defaults, bounds, and S3 only with everything it needs.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { EVIDENCE_DEFAULTS, loadEvidenceConfig } from './config.ts';
import { FsBlobStore } from './fs-blob-store.ts';
import { openBlobStore } from './open-blob-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';

const S3_ENV = {
  SETTLE_BLOB_STORE: 's3',
  SETTLE_S3_ENDPOINT: 'https://s3.eu-west-1.amazonaws.com/',
  SETTLE_S3_BUCKET: 'settle-evidence',
  SETTLE_S3_ACCESS_KEY_ID: 'AKID',
  SETTLE_S3_SECRET_ACCESS_KEY: 'secret',
};

describe('loadEvidenceConfig', () => {
  it('defaults: 10 MiB, 40 MP, files under the data directory', () => {
    expect(loadEvidenceConfig({})).toEqual({
      bytesMax: 10_485_760,
      pixelsMax: 40_000_000,
      blobStore: 'fs',
    });
    expect(EVIDENCE_DEFAULTS).toEqual(loadEvidenceConfig({}));
    const store = openBlobStore(loadEvidenceConfig({}), '/var/settle');
    expect(store).toBeInstanceOf(FsBlobStore);
    expect((store as FsBlobStore).root).toBe('/var/settle/blobs');
  });

  it('reads the limits, within bounds', () => {
    expect(
      loadEvidenceConfig({ SETTLE_EVIDENCE_BYTES_MAX: '2048', SETTLE_EVIDENCE_PIXELS_MAX: '1000' }),
    ).toMatchObject({
      bytesMax: 2048,
      pixelsMax: 1000,
    });
    // Above the engine's own 100 MiB ceiling, or not a number: refused at start-up.
    expect(() =>
      loadEvidenceConfig({ SETTLE_EVIDENCE_BYTES_MAX: String(200 * 1024 * 1024) }),
    ).toThrow(ConfigError);
    expect(() => loadEvidenceConfig({ SETTLE_EVIDENCE_PIXELS_MAX: '40MP' })).toThrow(
      /SETTLE_EVIDENCE_PIXELS_MAX/,
    );
    expect(() => loadEvidenceConfig({ SETTLE_BLOB_STORE: 'gcs' })).toThrow(/fs or s3/);
  });

  it('s3 needs its endpoint, bucket and keys; the region defaults to us-east-1', () => {
    const config = loadEvidenceConfig(S3_ENV);
    expect(config.s3).toEqual({
      endpoint: 'https://s3.eu-west-1.amazonaws.com',
      bucket: 'settle-evidence',
      region: 'us-east-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
    });
    expect(openBlobStore(config, '/data')).toBeInstanceOf(S3BlobStore);
    expect(() => loadEvidenceConfig({ ...S3_ENV, SETTLE_S3_SECRET_ACCESS_KEY: '' })).toThrow(
      /SETTLE_S3_SECRET_ACCESS_KEY is required/,
    );
    expect(() => loadEvidenceConfig({ ...S3_ENV, SETTLE_S3_ENDPOINT: 'ftp://x' })).toThrow(
      /SETTLE_S3_ENDPOINT/,
    );
    expect(() => loadEvidenceConfig({ ...S3_ENV, SETTLE_S3_BUCKET: '../x' })).toThrow(
      /SETTLE_S3_BUCKET/,
    );
    expect(() => openBlobStore({ ...EVIDENCE_DEFAULTS, blobStore: 's3' }, '/data')).toThrow(
      /not configured/,
    );
  });
});
