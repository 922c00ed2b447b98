// Images are never stored as uploaded: decoded under a pixel limit, turned upright, and
// re-encoded in the same format. Re-encoding writes only pixels, so EXIF (GPS, camera serial),
// XMP, IPTC, ICC profiles, PNG text chunks and anything appended after the image (a ZIP or HTML
// polyglot tail) are gone: sharp keeps metadata only when asked (withMetadata/keep*), and we
// never ask. Animated images keep their first frame.
// Memory: sharp runs on libuv's thread pool (UV_THREADPOOL_SIZE, default 4), so at most that many
// images decode at once, each bounded by pixelsMax (40 MP x 4 bytes = 160 MB of pixels).
import type { Metadata, Sharp, SharpOptions } from 'sharp';
import { EvidenceFileError } from './errors.ts';
import { loadSharp } from './load-sharp.ts';
import type { ImageMediaType } from './sniff.ts';

export const THUMBNAIL_SIZE_PX = 320;
export const THUMBNAIL_MEDIA_TYPE = 'image/webp';
/** A pathological image must not hold a thread for long. */
const ENCODE_TIMEOUT_S = 30;
const QUALITY = 92;

const FORMAT: Readonly<Record<ImageMediaType, string>> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export interface SanitizedImage {
  readonly bytes: Buffer;
  readonly thumbnail: Buffer;
}

export async function sanitizeImage(
  input: Uint8Array,
  mediaType: ImageMediaType,
  pixelsMax: number,
): Promise<SanitizedImage> {
  const sharp = await loadSharp();
  await checkHeader(input, mediaType, pixelsMax);
  const bytes = await run(
    encode(sharp(input, decodeOptions(pixelsMax)).rotate(), mediaType),
    pixelsMax,
  );
  const thumbnail = await run(
    sharp(bytes, decodeOptions(pixelsMax))
      .resize(THUMBNAIL_SIZE_PX, THUMBNAIL_SIZE_PX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 }),
    pixelsMax,
  );
  return { bytes, thumbnail };
}

/**
 * Reads the header only (no pixels are decoded) to refuse a decompression bomb with its real
 * dimensions, and to make sure the decoder libvips picked is the format we sniffed.
 */
async function checkHeader(
  input: Uint8Array,
  mediaType: ImageMediaType,
  pixelsMax: number,
): Promise<void> {
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw undecodable();
  }
  if (meta.format !== FORMAT[mediaType]) throw undecodable();
  const { width = 0, height = 0 } = meta;
  if (width * height > pixelsMax) {
    throw new EvidenceFileError(
      'evidence.too_many_pixels',
      `images may have at most ${pixelsMax} pixels; this one has ${width}x${height}`,
      { width, height, pixelsMax },
    );
  }
}

function decodeOptions(pixelsMax: number): SharpOptions {
  // limitInputPixels again, should the header check ever be bypassed; the default failOn
  // ('warning') refuses truncated and corrupt files instead of storing half an image.
  return { limitInputPixels: pixelsMax, sequentialRead: true };
}

function encode(image: Sharp, mediaType: ImageMediaType): Sharp {
  switch (mediaType) {
    case 'image/jpeg':
      return image.jpeg({ quality: QUALITY });
    case 'image/png':
      return image.png();
    case 'image/webp':
      return image.webp({ quality: QUALITY });
  }
}

async function run(image: Sharp, pixelsMax: number): Promise<Buffer> {
  try {
    return await image.timeout({ seconds: ENCODE_TIMEOUT_S }).toBuffer();
  } catch (error) {
    if (String(error).includes('pixel limit')) {
      throw new EvidenceFileError(
        'evidence.too_many_pixels',
        `images may have at most ${pixelsMax} pixels`,
        { pixelsMax },
      );
    }
    throw undecodable();
  }
}

function undecodable(): EvidenceFileError {
  return new EvidenceFileError(
    'evidence.undecodable',
    'the file looks like an image but cannot be decoded',
  );
}
