// CSV fields by RFC 4180 against values that break naive writers: commas, quotes, line breaks,
// formulas a spreadsheet would run, and negative numbers that must stay numbers.
import { expect, it } from 'vitest';
import { csvField, csvRecord } from './csv.ts';

it('leaves plain values bare and writes numbers as they are', () => {
  expect(csvField('order-1')).toBe('order-1');
  expect(csvField(-1250n)).toBe('-1250');
  expect(csvField(42)).toBe('42');
  expect(csvField(null)).toBe('');
  expect(csvField('')).toBe('');
});

it('quotes commas, quotes and line breaks, doubling quotes', () => {
  expect(csvField('a,b')).toBe('"a,b"');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField('two\nlines')).toBe('"two\nlines"');
  expect(csvField('cr\rlf')).toBe('"cr\rlf"');
  expect(csvField('"')).toBe('""""');
});

it('defuses text a spreadsheet would run as a formula', () => {
  expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  expect(csvField('+1')).toBe("'+1");
  expect(csvField('-order')).toBe("'-order");
  expect(csvField('@sum')).toBe("'@sum");
});

it('ends each record with CRLF and parses back field by field', () => {
  const record = csvRecord(['a,"b"', 'c\r\nd', -5n, null]);
  expect(record).toBe('"a,""b""","c\r\nd",-5,\r\n');
  expect(parse(record)).toEqual([['a,"b"', 'c\r\nd', '-5', '']]);
});

/** A strict RFC 4180 reader, to check that what we write reads back as written. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
    i += 1;
  }
  return rows;
}
