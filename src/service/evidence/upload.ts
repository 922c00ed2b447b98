// The upload pipeline: bytes in (already bounded by readBounded), a stored, content-addressed
// blob out. Nothing here trusts the client: the type comes from the bytes, images are rebuilt
// from their pixels, and the hash is of what we store, which is what we later serve.
//
// PDFs and MP4s are stored as uploaded, NOT sanitised: they may carry metadata, scripts or
// appended payloads. They are only ever served as downloads (Content-Disposition: attachment)
// with X-Content-Type-Options: nosniff and a sandboxing Content-Security-Policy, so a browser
// neither renders them in our origin nor guesses another type.
import { createHash } from 'node:crypto';
import type { EvidenceKind } from '../../domain/index.ts';
import { type BlobKey, type BlobStore, contentKey, thumbnailKey } from './blob-store.ts';
import { tooLarge } from './bounded-read.ts';
import { EVIDENCE_BYTES_CEILING } from './config.ts';
import { EvidenceFileError } from './errors.ts';
import { assertKindFits } from './kind-media.ts';
import { sanitizeImage, THUMBNAIL_MEDIA_TYPE } from './sanitize-image.ts';
import { type EvidenceMediaType, isImage, sniffMediaType } from './sniff.ts';

export interface EvidenceLimits {
  readonly bytesMax: number;
  readonly pixelsMax: number;
}

export interface StoredEvidenceFile {
  /** Of the stored bytes (after re-encoding), which is what the engine records and we serve. */
  readonly sha256: string;
  readonly mediaType: EvidenceMediaType;
  readonly bytes: number;
  readonly thumbnailKey?: BlobKey;
}

export async function storeEvidenceFile(
  blobs: BlobStore,
  upload: Uint8Array,
  limits: EvidenceLimits,
  /** When given, the file must fit it (kind-media.ts); checked before any decoding or storing. */
  kind?: EvidenceKind,
): Promise<StoredEvidenceFile> {
  if (upload.length > limits.bytesMax) throw tooLarge(limits.bytesMax);
  const mediaType = await sniffMediaType(upload);
  if (mediaType === undefined) {
    throw new EvidenceFileError(
      'evidence.unsupported_type',
      'only JPEG, PNG, WebP, PDF and MP4 files are accepted (judged by their content, not their name)',
    );
  }
  if (kind !== undefined) assertKindFits(kind, mediaType);
  const image = isImage(mediaType)
    ? await sanitizeImage(upload, mediaType, limits.pixelsMax)
    : undefined;
  const stored = image?.bytes ?? upload;
  // Re-encoding can grow a file; the engine refuses anything above its ceiling.
  if (stored.length > EVIDENCE_BYTES_CEILING) throw tooLarge(EVIDENCE_BYTES_CEILING);
  const sha256 = createHash('sha256').update(stored).digest('hex');
  await blobs.put(contentKey(sha256), stored, mediaType);
  if (image === undefined) return { sha256, mediaType, bytes: stored.length };
  const thumb = thumbnailKey(sha256);
  await blobs.put(thumb, image.thumbnail, THUMBNAIL_MEDIA_TYPE);
  return { sha256, mediaType, bytes: stored.length, thumbnailKey: thumb };
}
