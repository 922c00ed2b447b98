// File names are the uploader's words, kept for people ("IMG_2041.jpg"), never used to decide
// anything. When serving, the extension is the real type's, so a download saved as
// "invoice.pdf.exe" arrives as "invoice.pdf.pdf", not as something the desktop would run.
import { type EvidenceMediaType, EXTENSIONS } from './sniff.ts';

export const FILE_NAME_CHARS_MAX = 200;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
const CONTROL = /[\u0000-\u001F\u007F]/g;

/** The name to record: no directories, no control characters, bounded; a default if empty. */
export function cleanFileName(raw: string | undefined, mediaType: EvidenceMediaType): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base.replace(CONTROL, '').trim()].slice(0, FILE_NAME_CHARS_MAX).join('');
  return clean === '' || clean === '.' || clean === '..'
    ? `evidence.${EXTENSIONS[mediaType]}`
    : clean;
}

/** `inline` or `attachment`, with an ASCII fallback name and the UTF-8 name (RFC 6266). */
export function contentDisposition(
  disposition: 'inline' | 'attachment',
  fileName: string,
  mediaType: string,
): string {
  const stem = fileName.replace(/\.[A-Za-z0-9]{1,8}$/, '') || 'evidence';
  const extension = EXTENSIONS[mediaType as EvidenceMediaType] ?? 'bin';
  const name = `${stem}.${extension}`;
  const ascii = name.replace(/[^A-Za-z0-9._ -]/g, '_');
  const utf8 = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
