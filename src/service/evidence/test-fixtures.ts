// Files for the upload tests, all made in code: photos carrying GPS EXIF and a rotation, a
// decompression bomb, renamed executables, polyglots, and minimal PDF and MP4 headers. Used only
// by tests (evidence/*.test.ts and routes/evidence.api.test.ts).
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

export const PAYLOAD_MARKER = 'PAYLOAD-MARKER-7f3c';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const GPS_EXIF = {
  IFD0: { Copyright: 'Ana' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '45/1 27/1 0/1',
    GPSLongitudeRef: 'E',
    GPSLongitude: '9/1 11/1 0/1',
  },
};

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="45,27.0N"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/**
 * A 60x30 photo (wider than tall) with EXIF orientation 6 (rotate 90° to view), GPS tags, an
 * XMP packet and a Display P3 ICC profile: stored upright it is 30x60 with none of them.
 */
export async function photoWithGps(format: 'jpeg' | 'png' | 'webp'): Promise<Buffer> {
  const image = sharp({ create: { width: 60, height: 30, channels: 3, background: '#c03030' } });
  return image[format]()
    .withMetadata({ orientation: 6 })
    .withExifMerge(GPS_EXIF)
    .withXmp(XMP)
    .withIccProfile('p3')
    .toBuffer();
}

export async function plainPhoto(width = 64, height = 48, background = '#20a040'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } })
    .jpeg()
    .toBuffer();
}

/** Does this EXIF block (as sharp's metadata().exif returns it) point to a GPS IFD (tag 0x8825)? */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (exif === undefined) return false;
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const little = tiff.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const ifd0 = little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  for (let i = 0; i < u16(ifd0); i += 1) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

/**
 * A valid PNG of width x height 1-bit grey pixels, all zero: 20000x20000 declares 400 MP (and
 * would decode to 400 MB of pixels) in about 50 KB, so a limit on file size alone lets it in.
 */
export function pngBomb(width = 20_000, height = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

export function elfExecutable(): Buffer {
  return Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
    Buffer.alloc(120, 0x90),
  ]);
}

export function windowsExecutable(): Buffer {
  const pe = Buffer.alloc(256);
  pe.write('MZ', 0, 'latin1');
  pe.writeUInt32LE(0x80, 0x3c);
  pe.write('PE\0\0', 0x80, 'latin1');
  return pe;
}

/** A real image with something after its end: a ZIP entry or an HTML page with a script. */
export function withTail(image: Buffer, kind: 'zip' | 'html'): Buffer {
  const tail =
    kind === 'zip'
      ? Buffer.concat([
          Buffer.from([0x50, 0x4b, 0x03, 0x04]),
          Buffer.from(`evil.html ${PAYLOAD_MARKER}`),
        ])
      : Buffer.from(`<html><script>alert(document.cookie)</script>${PAYLOAD_MARKER}</html>`);
  return Buffer.concat([image, tail]);
}

/** An HTML page behind a PNG signature and nothing else of a PNG. */
export function htmlBehindPngSignature(): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    Buffer.from(`<html><script>alert(1)</script>${PAYLOAD_MARKER}</html>`),
  ]);
}

/** A PNG signature and a plausible IHDR, then HTML: sniffs as PNG, cannot be decoded. */
export function htmlBehindPngHeader(): Buffer {
  const header = Buffer.from([0, 0, 0, 16, 0, 0, 0, 16, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    Buffer.from(`<html><script>alert(1)</script>${PAYLOAD_MARKER}</html>`),
  ]);
}

export function minimalPdf(padToBytes = 0): Buffer {
  const body =
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n';
  const pad = Math.max(0, padToBytes - body.length - 6);
  return Buffer.concat([Buffer.from(body), Buffer.alloc(pad, 0x20), Buffer.from('%%EOF\n')]);
}

/** An `ftyp` box with the isom brand, then an empty `mdat`: enough to be sniffed as MP4. */
export function minimalMp4(): Buffer {
  const ftyp = Buffer.alloc(32);
  ftyp.writeUInt32BE(32, 0);
  ftyp.write('ftypisom', 4, 'latin1');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isomiso2avc1mp41', 16, 'latin1');
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(8, 0);
  mdat.write('mdat', 4, 'latin1');
  return Buffer.concat([ftyp, mdat]);
}
