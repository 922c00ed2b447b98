// Which files each kind of evidence may be: a "video" must be a video, a photo an image. The
// kind tells an arbitrator what they are about to open, and responsibility rules read findings
// off photo kinds, so a PDF filed as `video` or `item_photo` would mislead both. The one table;
// the upload checks the type sniffed from the bytes against it.
import type { EvidenceKind } from '../../domain/index.ts';
import { EvidenceFileError } from './errors.ts';
import { EVIDENCE_MEDIA_TYPES, type EvidenceMediaType } from './sniff.ts';

const IMAGES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const PAPERS = [...IMAGES, 'application/pdf'] as const;

export const KIND_MEDIA_TYPES: { readonly [K in EvidenceKind]: readonly EvidenceMediaType[] } = {
  item_photo: IMAGES,
  outer_packaging_photo: IMAGES,
  label_comparison_photo: IMAGES,
  // Proofs, chats and documents are screenshots, scans or PDFs.
  tracking_proof: PAPERS,
  chat_record: PAPERS,
  document: PAPERS,
  // A label to print: a carrier's PDF or a picture of it.
  return_label: PAPERS,
  video: ['video/mp4'],
  other: EVIDENCE_MEDIA_TYPES,
};

/** Throws `evidence.kind_mismatch` when a file of this type cannot be evidence of this kind. */
export function assertKindFits(kind: EvidenceKind, mediaType: EvidenceMediaType): void {
  const accepted = KIND_MEDIA_TYPES[kind];
  if (accepted.includes(mediaType)) return;
  throw new EvidenceFileError(
    'evidence.kind_mismatch',
    `evidence of kind ${kind} must be ${describe(accepted)}; this file is ${mediaType} (judged by its content)`,
    { kind, mediaType, accepted: accepted.join(', ') },
  );
}

function describe(types: readonly EvidenceMediaType[]): string {
  const words = new Set(
    types.map((t) =>
      t.startsWith('image/') ? 'an image' : t === 'video/mp4' ? 'an MP4 video' : 'a PDF',
    ),
  );
  return [...words].join(' or ');
}
