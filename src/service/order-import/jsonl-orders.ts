// Orders from JSON lines: one order per line, each the body of PUT /v1/orders/{id} with its id
// as `orderId` (docs/import.md). Lines are read as they stream in; blank lines are skipped.

import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { FileRecord } from './file-record.ts';

export async function* jsonlOrders(input: Readable): AsyncGenerator<FileRecord> {
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line += 1;
    if (text.trim() === '') continue;
    const at = line;
    const where = (path: string) =>
      path === '' ? `line ${at}` : `field ${path.slice(1).replaceAll('/', '.')}, line ${at}`;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      yield { line: at, unreadable: `not JSON: ${(error as Error).message}`, where };
      continue;
    }
    const orderId = (record as { orderId?: unknown } | null)?.orderId;
    yield {
      line: at,
      ...(typeof orderId === 'string' ? { orderId } : {}),
      record,
      where,
    };
  }
}
