// What a file is, from its bytes alone: the name and the Content-Type a client sends are
// claims, and a renamed executable makes both say "photo.jpg".

export const EVIDENCE_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'video/mp4',
] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];
export type ImageMediaType = Extract<EvidenceMediaType, `image/${string}`>;

/** file-type's extension → what we accept it as. Anything else is refused. */
const ACCEPTED: Readonly<Record<string, EvidenceMediaType>> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  // An animated PNG is re-encoded to a still PNG (its first frame), like any other PNG.
  apng: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  // Only plain ISO MP4 brands: file-type names QuickTime, M4V, F4V, 3GP… separately.
  mp4: 'video/mp4',
};

export const EXTENSIONS: Readonly<Record<EvidenceMediaType, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'video/mp4': 'mp4',
};

export async function sniffMediaType(bytes: Uint8Array): Promise<EvidenceMediaType | undefined> {
  // Loaded with the first upload, not at start-up (like sharp: load-sharp.ts).
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(bytes);
  return found === undefined ? undefined : ACCEPTED[found.ext];
}

export function isImage(mediaType: EvidenceMediaType): mediaType is ImageMediaType {
  return mediaType.startsWith('image/');
}
