// Thumbnails inlined as data: URIs, for documents that must stand alone (the printable case
// file, whose Content-Security-Policy allows images only from data:).
import type { DisputeService } from '../dispute-service.ts';
import { type BlobStore, thumbnailKey } from './blob-store.ts';
import { readBounded } from './bounded-read.ts';
import { THUMBNAIL_MEDIA_TYPE } from './sanitize-image.ts';

/** A 320px WebP is tens of kilobytes; anything bigger is not one of ours. */
const THUMBNAIL_BYTES_MAX = 1024 * 1024;

export async function thumbnailDataUri(
  blobs: BlobStore,
  sha256: string,
): Promise<string | undefined> {
  const blob = await blobs.get(thumbnailKey(sha256));
  if (blob === undefined) return undefined;
  if (blob.bytes > THUMBNAIL_BYTES_MAX) {
    blob.body.destroy();
    return undefined;
  }
  const bytes = await readBounded(blob.body, THUMBNAIL_BYTES_MAX);
  return `data:${THUMBNAIL_MEDIA_TYPE};base64,${bytes.toString('base64')}`;
}

/**
 * The `(disputeId, evidenceId, uploader) => data URI` shape caseFileRoutes takes. It does not check
 * visibility: the case file shows only the evidence its viewer may see.
 */
export function thumbnailSource(service: Pick<DisputeService, 'get'>, blobs: BlobStore) {
  return async (disputeId: string, evidenceId: string, by: string): Promise<string | undefined> => {
    // Uploader and id together name a file: two parties may use the same id.
    const evidence = (await service.get(disputeId))?.dispute.evidence.find(
      (e) => e.id === evidenceId && e.by === by,
    );
    if (evidence === undefined || !evidence.mediaType.startsWith('image/')) return undefined;
    return thumbnailDataUri(blobs, evidence.sha256);
  };
}
