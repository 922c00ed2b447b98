// Evidence settings, read once from the environment like the rest of Config: limits on uploads
// and where the files live. Bad values stop start-up with a message naming the setting.
import { ConfigError } from '../config.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** The engine refuses evidence above 100 MiB (decide-evidence.ts); no setting may exceed it. */
export const EVIDENCE_BYTES_CEILING = 100 * 1024 * 1024;
/** sharp's own default ceiling (0x3FFF squared); a larger limit would be a bomb's invitation. */
export const EVIDENCE_PIXELS_CEILING = 268_402_689;

export interface S3Settings {
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface EvidenceConfig {
  readonly bytesMax: number;
  readonly pixelsMax: number;
  readonly blobStore: 'fs' | 's3';
  readonly s3?: S3Settings;
}

export const EVIDENCE_DEFAULTS: EvidenceConfig = {
  bytesMax: 10 * 1024 * 1024,
  pixelsMax: 40_000_000,
  blobStore: 'fs',
};

export function loadEvidenceConfig(env: Env = process.env): EvidenceConfig {
  const bytesMax = whole(
    env,
    'SETTLE_EVIDENCE_BYTES_MAX',
    EVIDENCE_DEFAULTS.bytesMax,
    1,
    EVIDENCE_BYTES_CEILING,
  );
  const pixelsMax = whole(
    env,
    'SETTLE_EVIDENCE_PIXELS_MAX',
    EVIDENCE_DEFAULTS.pixelsMax,
    1,
    EVIDENCE_PIXELS_CEILING,
  );
  const kind = env.SETTLE_BLOB_STORE || 'fs';
  if (kind === 'fs') return { bytesMax, pixelsMax, blobStore: 'fs' };
  if (kind !== 's3')
    throw new ConfigError(`SETTLE_BLOB_STORE must be fs or s3, got ${JSON.stringify(kind)}`);
  return { bytesMax, pixelsMax, blobStore: 's3', s3: s3Settings(env) };
}

function s3Settings(env: Env): S3Settings {
  const endpoint = required(env, 'SETTLE_S3_ENDPOINT');
  if (!/^https?:\/\/[^/?#]+\/?$/.test(endpoint)) {
    throw new ConfigError(
      'SETTLE_S3_ENDPOINT must be an http(s) origin such as https://s3.eu-west-1.amazonaws.com',
    );
  }
  const bucket = required(env, 'SETTLE_S3_BUCKET');
  // Path-style addressing puts the bucket in the URL path: keep it to S3's own naming rules.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError('SETTLE_S3_BUCKET must be a valid S3 bucket name');
  }
  return {
    endpoint: endpoint.replace(/\/$/, ''),
    bucket,
    region: env.SETTLE_S3_REGION || 'us-east-1',
    accessKeyId: required(env, 'SETTLE_S3_ACCESS_KEY_ID'),
    secretAccessKey: required(env, 'SETTLE_S3_SECRET_ACCESS_KEY'),
  };
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new ConfigError(`${name} is required when SETTLE_BLOB_STORE=s3`);
  }
  return value;
}

function whole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(
      `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}
