// Uploaders' file names are kept for people but cleaned; downloads carry the real type's
// extension, so a name can never turn a PDF into something a desktop would run.
import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition } from './file-name.ts';

describe('file names', () => {
  it('drops directories and control characters, bounds the length, defaults when empty', () => {
    expect(cleanFileName('C:\\Users\\ana\\IMG_2041.jpg', 'image/jpeg')).toBe('IMG_2041.jpg');
    expect(cleanFileName('../../etc/passwd', 'application/pdf')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.pdf', 'application/pdf')).toBe('abc.pdf');
    expect(cleanFileName('x'.repeat(500), 'video/mp4')).toHaveLength(200);
    expect(cleanFileName(undefined, 'video/mp4')).toBe('evidence.mp4');
    expect(cleanFileName('..', 'image/png')).toBe('evidence.png');
  });

  it('Content-Disposition uses the real extension and encodes the name both ways', () => {
    expect(contentDisposition('attachment', 'invoice.exe', 'application/pdf')).toBe(
      `attachment; filename="invoice.pdf"; filename*=UTF-8''invoice.pdf`,
    );
    expect(contentDisposition('inline', 'fotó "1".png', 'image/png')).toBe(
      `inline; filename="fot_ _1_.png"; filename*=UTF-8''fot%C3%B3%20%221%22.png`,
    );
    expect(contentDisposition('attachment', 'x', 'text/html')).toBe(
      `attachment; filename="x.bin"; filename*=UTF-8''x.bin`,
    );
  });
});
