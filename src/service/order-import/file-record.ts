// What a reader hands the import: one order as written in the file, in the shape of the order
// API (an OrderRecord: the body of PUT /v1/orders/{id} with `orderId`), still unchecked, or the
// reason it could not be read at all.

import type { OrderInput } from '../marketplace.ts';

export interface FileRecord {
  /** The file line the order starts on (1-based, the header being line 1 in a CSV file). */
  readonly line: number;
  /** The order id, when the reader could see one: for the report. */
  readonly orderId?: string;
  /** The order as the API would take it; undefined when unreadable. */
  readonly record?: unknown;
  /** Why the order could not be read (not JSON, wrong number of columns…). */
  readonly unreadable?: string;
  /** Says where a field of the record sits in the file ("column unit_price_minor, line 14"). */
  readonly where: (path: string) => string;
}

/** One thing wrong with a record, found by the record checker. */
export interface RecordProblem {
  readonly code: string;
  /** JSON pointer of the field at fault ("" for the record as a whole). */
  readonly path: string;
  readonly message: string;
}

/** A record checked as the order API checks a body, references aside (the database does those). */
export type CheckedRecord =
  | { readonly ok: true; readonly order: OrderInput }
  | { readonly ok: false; readonly problems: readonly RecordProblem[] };

/** A problem with the whole file (no usable header, broken quoting): the import stops. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}
