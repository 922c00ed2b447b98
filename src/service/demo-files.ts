// The demo's evidence files, drawn in code so the repository carries no binaries: a label
// comparison photo (the parcel's top waybill peeled back beside the label underneath, naming
// different orders), an outer-packaging photo, a photo of a cracked lamp base, and a one-page
// PDF return-postage receipt. They go through the real upload pipeline (storeEvidenceFile), so
// downloads, thumbnails and hashes work exactly as for a buyer's upload.
import type { BlobStore } from './evidence/blob-store.ts';
import { EVIDENCE_DEFAULTS } from './evidence/config.ts';
import { loadSharp } from './evidence/load-sharp.ts';
import { type StoredEvidenceFile, storeEvidenceFile } from './evidence/upload.ts';

const WIDTH = 640;
const HEIGHT = 480;

/** A shipping label: address lines and a barcode whose bars come from the tracking number. */
function label(x: number, y: number, lines: readonly string[], tracking: string): string {
  const bars = [...tracking]
    .map((ch, i) => {
      const w = 1 + (ch.charCodeAt(0) % 4);
      return `<rect x="${x + 16 + i * 9}" y="${y + 120}" width="${w}" height="46" fill="#111"/>`;
    })
    .join('');
  const text = lines
    .map(
      (line, i) =>
        `<text x="${x + 16}" y="${y + 30 + i * 22}" font-family="DejaVu Sans, sans-serif" font-size="16" fill="#111">${line}</text>`,
    )
    .join('');
  return `<rect x="${x}" y="${y}" width="250" height="200" fill="#fdfdf8" stroke="#444" stroke-width="2"/>${text}${bars}<text x="${x + 16}" y="${y + 188}" font-family="DejaVu Sans Mono, monospace" font-size="13" fill="#111">${tracking}</text>`;
}

function svg(body: string, background: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="100%" height="100%" fill="${background}"/>${body}</svg>`,
  );
}

async function jpeg(picture: Buffer): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(picture).jpeg({ quality: 80 }).toBuffer();
}

/** Two labels on one cardboard box: the top one for this order, the one beneath for another. */
export function labelComparisonPhoto(): Promise<Buffer> {
  const top = label(
    40,
    120,
    ['SHIP TO: Alice Martin', 'Order demo-order-1', 'Portland OR, US'],
    'LP001CN',
  );
  const under = label(350, 150, ['SHIP TO: R. Okafor', 'Order X-88213', 'Lagos, NG'], 'LP774NG');
  const tape = '<rect x="0" y="60" width="640" height="40" fill="#c8b27a" opacity="0.8"/>';
  const arrow =
    '<path d="M300 220 L340 240 L300 260 Z" fill="#d22"/><text x="190" y="420" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#fff">top waybill peeled back: labels differ</text>';
  return jpeg(svg(`${tape}${top}${under}${arrow}`, '#a87b4f'));
}

/** The outer box, intact: no crush, no tear, tape unbroken. */
export function outerPackagingPhoto(): Promise<Buffer> {
  const box =
    '<polygon points="120,160 420,120 540,190 240,240" fill="#c4965f" stroke="#5a3d1e" stroke-width="3"/>' +
    '<polygon points="120,160 240,240 240,420 120,330" fill="#a87b4f" stroke="#5a3d1e" stroke-width="3"/>' +
    '<polygon points="240,240 540,190 540,370 240,420" fill="#b88a58" stroke="#5a3d1e" stroke-width="3"/>' +
    '<polygon points="170,150 470,110 490,125 190,165" fill="#d9c48f"/>' +
    '<rect x="300" y="260" width="150" height="90" fill="#fdfdf8" stroke="#444"/>' +
    '<text x="40" y="460" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#222">outer box as delivered</text>';
  return jpeg(svg(box, '#e8e4dc'));
}

/** A lamp base with a crack across it. */
export function crackedLampPhoto(): Promise<Buffer> {
  const lamp =
    '<ellipse cx="320" cy="380" rx="170" ry="45" fill="#5d6d7e"/>' +
    '<rect x="300" y="120" width="40" height="260" fill="#85929e"/>' +
    '<polygon points="220,120 420,120 380,40 260,40" fill="#f4d03f"/>' +
    '<path d="M180 370 L230 392 L260 372 L300 400 L330 378 L380 405" stroke="#111" stroke-width="4" fill="none"/>' +
    '<text x="40" y="460" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#222">crack across the base</text>';
  return jpeg(svg(lamp, '#f2f3f4'));
}

/**
 * A one-page PDF receipt for the return postage, written out by hand: objects, then a cross
 * reference table with each object's byte offset, as a PDF reader expects.
 */
export function returnReceiptPdf(tracking: string, date: string): Buffer {
  const lines = [
    'USPS Return Receipt',
    `Tracking number: ${tracking}`,
    `Accepted: ${date}`,
    'From: Alice Martin, Portland OR, US',
    'To: Shenzhen Gadget Store returns desk',
    'Postage paid by: seller (prepaid label)',
  ];
  const content = `BT /F1 14 Tf 72 760 Td 18 TL ${lines.map((l) => `(${l.replace(/[()\\]/g, '')}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Stores a demo file as an upload would be stored: sniffed, images rebuilt, thumbnailed. */
export function storeDemoFile(blobs: BlobStore, bytes: Buffer): Promise<StoredEvidenceFile> {
  return storeEvidenceFile(blobs, bytes, EVIDENCE_DEFAULTS);
}
