// Orders from CSV, one row per order line as marketplaces export them: the order's columns are
// repeated on each of its rows, which follow one another; an order without lines is one row
// with the line columns empty. Every amount is an integer of minor units in the row's currency
// (docs/import.md). Rows are read as they stream in; only the current order is held.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { type FileRecord, ImportFileError } from './file-record.ts';

export const ORDER_COLUMNS = [
  'order_id',
  'seller_id',
  'buyer_id',
  'buyer_country',
  'currency',
  'amount_paid_minor',
  'paid_at',
  'promised_delivery_at',
] as const;
export const LINE_COLUMNS = [
  'line_id',
  'sku',
  'title',
  'quantity',
  'unit_price_minor',
  'line_total_minor',
] as const;
const OPTIONAL: ReadonlySet<string> = new Set([
  'promised_delivery_at',
  'line_id',
  'line_total_minor',
]);
const KNOWN: ReadonlySet<string> = new Set([...ORDER_COLUMNS, ...LINE_COLUMNS]);

/** Where each field of an OrderRecord comes from. */
const COLUMN_OF: Readonly<Record<string, string>> = {
  orderId: 'order_id',
  sellerId: 'seller_id',
  buyerId: 'buyer_id',
  buyerCountry: 'buyer_country',
  'amountPaid/minor': 'amount_paid_minor',
  'amountPaid/currency': 'currency',
  paidAt: 'paid_at',
  promisedDeliveryAt: 'promised_delivery_at',
  lineId: 'line_id',
  sku: 'sku',
  title: 'title',
  quantity: 'quantity',
  'unitPrice/minor': 'unit_price_minor',
  'unitPrice/currency': 'currency',
  'lineTotal/minor': 'line_total_minor',
  'lineTotal/currency': 'currency',
};

type Row = Readonly<Record<string, string>>;

interface Group {
  readonly line: number;
  readonly first: Row;
  readonly rows: { line: number; row: Row }[];
}

export async function* csvOrders(input: Readable): AsyncGenerator<FileRecord> {
  const parser = input.pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }),
  );
  let header: readonly string[] | undefined;
  let group: Group | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (header === undefined) {
        header = checkHeader(record);
        continue;
      }
      if (record.length !== header.length) {
        if (group !== undefined) yield recordOf(group);
        group = undefined;
        yield {
          line: info.lines,
          unreadable: `has ${record.length} columns, the header ${header.length}`,
          where: () => `line ${info.lines}`,
        };
        continue;
      }
      const row = rowOf(header, record);
      if (group !== undefined && group.first.order_id === row.order_id) {
        group.rows.push({ line: info.lines, row });
        continue;
      }
      if (group !== undefined) yield recordOf(group);
      group = { line: info.lines, first: row, rows: [{ line: info.lines, row }] };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`not valid CSV: ${(error as Error).message}`, { cause: error });
  }
  if (header === undefined) throw new ImportFileError('the file is empty: no header row');
  if (group !== undefined) yield recordOf(group);
}

function checkHeader(names: readonly string[]): readonly string[] {
  const trimmed = names.map((n) => n.trim());
  const unknown = trimmed.filter((n) => !KNOWN.has(n));
  if (unknown.length > 0)
    throw new ImportFileError(
      `unknown column(s) ${unknown.join(', ')} in the header; the columns are ${[...KNOWN].join(', ')}`,
    );
  const missing = [...KNOWN].filter((n) => !OPTIONAL.has(n) && !trimmed.includes(n));
  if (missing.length > 0)
    throw new ImportFileError(`the header lacks the column(s) ${missing.join(', ')}`);
  const twice = trimmed.find((n, i) => trimmed.indexOf(n) !== i);
  if (twice !== undefined) throw new ImportFileError(`the header names ${twice} twice`);
  return trimmed;
}

function rowOf(header: readonly string[], record: readonly string[]): Row {
  const row: Record<string, string> = {};
  for (let i = 0; i < header.length; i++) row[header[i] as string] = record[i] as string;
  return row;
}

/** An optional cell: absent when empty. */
function cell(row: Row, name: string): string | undefined {
  const value = row[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Digits become a number, so the schema sees an integer; anything else stays text it refuses. */
function integerOrText(value: string | undefined): number | string | undefined {
  return value !== undefined && /^[0-9]{1,9}$/.test(value) ? Number(value) : value;
}

function recordOf(group: Group): FileRecord {
  const { first, rows, line } = group;
  const currency = first.currency as string;
  const differing: string[] = [];
  // Every row after the first repeats the order's columns: they must say the same.
  for (let r = 1; r < rows.length; r++) {
    const { line: at, row } = rows[r] as { line: number; row: Row };
    for (const c of ORDER_COLUMNS) if (row[c] !== first[c]) differing.push(`${c} on line ${at}`);
  }
  const where = (path: string) => describe(path, group);
  const orderId = first.order_id as string;
  if (differing.length > 0)
    return {
      line,
      orderId,
      unreadable: `the order's rows disagree with its first row: ${differing.join(', ')}`,
      where,
    };
  const withLines = !(rows.length === 1 && LINE_COLUMNS.every((c) => cell(first, c) === undefined));
  const promised = cell(first, 'promised_delivery_at');
  const record = {
    orderId,
    sellerId: first.seller_id,
    buyerId: first.buyer_id,
    buyerCountry: first.buyer_country,
    amountPaid: { minor: first.amount_paid_minor, currency },
    paidAt: first.paid_at,
    ...(promised === undefined ? {} : { promisedDeliveryAt: promised }),
    items: withLines ? rows.map(({ row }) => itemOf(row, currency)) : [],
  };
  return { line, orderId, record, where };
}

function itemOf(row: Row, currency: string) {
  const lineId = cell(row, 'line_id');
  const lineTotal = cell(row, 'line_total_minor');
  return {
    ...(lineId === undefined ? {} : { lineId }),
    sku: row.sku,
    title: row.title,
    quantity: integerOrText(row.quantity),
    unitPrice: { minor: row.unit_price_minor, currency },
    ...(lineTotal === undefined ? {} : { lineTotal: { minor: lineTotal, currency } }),
  };
}

/** "/items/2/unitPrice/minor" → "column unit_price_minor, line 14". */
function describe(path: string, group: Group): string {
  const item = /^\/items\/(\d+)(?:\/(.*))?$/.exec(path);
  if (item !== null) {
    const at = group.rows[Number(item[1])]?.line ?? group.line;
    const column = item[2] === undefined ? undefined : COLUMN_OF[item[2]];
    return column === undefined ? `the row on line ${at}` : `column ${column}, line ${at}`;
  }
  const column = COLUMN_OF[path.slice(1)];
  if (path === '/items') return `the order's rows from line ${group.line}`;
  return column === undefined ? `line ${group.line}` : `column ${column}, line ${group.line}`;
}
