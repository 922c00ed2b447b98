// `settle import orders FILE`: paid orders in bulk from CSV or JSON lines (docs/import.md).
// Refused records are told on stderr with their line and reasons (and all of them, duplicates
// too, in --rejects FILE); the summary goes to stdout. Exit 0 when every order is in (duplicates
// are in), 1 when some record was rejected, 2 when the file cannot be used at all.
import {
  closeSync,
  createReadStream,
  createWriteStream,
  openSync,
  statSync,
  type WriteStream,
} from 'node:fs';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { csvRecord } from '../http/csv.ts';
import { orderRecordChecker } from '../http/order-record.ts';
import type { Config } from '../service/config.ts';
import { csvOrders } from '../service/order-import/csv-orders.ts';
import { type FileRecord, ImportFileError } from '../service/order-import/file-record.ts';
import {
  type ImportCounts,
  importOrders,
  type RecordOutcome,
} from '../service/order-import/import-orders.ts';
import { jsonlOrders } from '../service/order-import/jsonl-orders.ts';
import { openStore } from '../service/runtime.ts';
import { migrate } from '../store/migrate.ts';
import type { Store } from '../store/store.ts';
import { progress, type TextOut } from './progress.ts';

export type ImportFormat = 'csv' | 'jsonl';

export interface ImportOrdersOptions {
  readonly format?: string;
  readonly rejects?: string;
  readonly batch?: string;
  readonly json?: boolean;
}

export interface ImportIo {
  readonly out: (text: string) => void;
  readonly err: TextOut;
}

/** Duplicates told one by one on stderr before only their count is: a re-run has thousands. */
const DUPLICATES_TOLD_MAX = 10;

const READERS: Readonly<Record<ImportFormat, (input: Readable) => AsyncIterable<FileRecord>>> = {
  csv: csvOrders,
  jsonl: jsonlOrders,
};

export async function importOrdersCommand(
  config: Config,
  file: string,
  options: ImportOrdersOptions,
): Promise<void> {
  // Every usage error before a database is opened.
  const format = formatOf(file, options.format);
  sizeOf(file);
  batchOf(options.batch);
  if (options.rejects !== undefined) closeSync(openRejects(options.rejects));
  const store = await openStore(config);
  try {
    await migrate(store);
    const counts = await importOrdersFile(
      store,
      file,
      { ...options, format },
      {
        out: (text) => process.stdout.write(`${text}\n`),
        err: process.stderr,
      },
    );
    if (counts.rejected > 0) process.exitCode = 1;
  } finally {
    await store.close();
  }
}

export async function importOrdersFile(
  store: Store,
  file: string,
  options: ImportOrdersOptions,
  io: ImportIo,
): Promise<ImportCounts> {
  const format = formatOf(file, options.format);
  const size = sizeOf(file);
  const batchOrders = batchOf(options.batch);
  const rejects = options.rejects === undefined ? undefined : rejectsWriter(options.rejects);
  const input = createReadStream(file);
  const bar = progress(io.err, 'orders');
  const started = performance.now();
  let duplicatesTold = 0;
  const onOutcome = (o: RecordOutcome) => {
    rejects?.write(o);
    if (o.outcome === 'rejected') bar.log(`rejected ${o.reason} [${o.code}]`);
    else if (duplicatesTold++ < DUPLICATES_TOLD_MAX) bar.log(`duplicate ${o.reason}`);
  };
  try {
    const counts = await importOrders({
      store,
      records: READERS[format](input),
      check: orderRecordChecker(),
      ...(batchOrders === undefined ? {} : { batchOrders }),
      onOutcome,
      onProgress: (c) =>
        bar.update({ done: c.read, fraction: size === 0 ? 1 : input.bytesRead / size }),
    });
    bar.finish();
    io.out(summary(counts, (performance.now() - started) / 1000, options, duplicatesTold));
    return counts;
  } finally {
    bar.finish();
    input.destroy();
    await rejects?.close();
  }
}

export function formatOf(file: string, format: string | undefined): ImportFormat {
  const chosen =
    format ?? { '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl' }[extname(file).toLowerCase()];
  if (chosen === 'csv' || chosen === 'jsonl') return chosen;
  if (format !== undefined)
    throw new ImportFileError(`--format must be csv or jsonl, got ${JSON.stringify(format)}`);
  throw new ImportFileError(
    `cannot tell the format of ${file} from its name: give --format csv or --format jsonl`,
  );
}

function sizeOf(file: string): number {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new ImportFileError(`${file} is not a file`);
    return stat.size;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportFileError(
      code === 'ENOENT'
        ? `no such file: ${file}`
        : `cannot read ${file}: ${(error as Error).message}`,
    );
  }
}

function batchOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1 || n > 50_000)
    throw new ImportFileError(`--batch must be a whole number from 1 to 50000, got ${raw}`);
  return n;
}

function summary(
  c: ImportCounts,
  seconds: number,
  options: ImportOrdersOptions,
  duplicatesTold: number,
): string {
  const rate = seconds > 0 ? Math.round(c.read / seconds) : c.read;
  if (options.json === true)
    return JSON.stringify({
      ...c,
      seconds: Math.round(seconds * 1000) / 1000,
      ordersPerSecond: rate,
    });
  const more =
    c.duplicates > duplicatesTold ? ` (${c.duplicates - duplicatesTold} not listed above)` : '';
  const where = options.rejects === undefined ? '' : `; every one in ${options.rejects}`;
  return (
    `imported ${c.imported} orders, ${c.duplicates} duplicates${more}, ${c.rejected} rejected` +
    `${where}: ${c.read} read in ${seconds.toFixed(1)} s (${rate} orders/s)`
  );
}

function openRejects(file: string): number {
  try {
    return openSync(file, 'w');
  } catch (error) {
    throw new ImportFileError(`cannot write ${file}: ${(error as Error).message}`);
  }
}

/** Refused records as CSV (line, order_id, outcome, code, reason), or JSON lines by extension. */
function rejectsWriter(file: string) {
  const jsonl = /\.(jsonl|ndjson)$/i.test(file);
  // Opened now, so a path that cannot be written stops the import before it starts.
  const stream: WriteStream = createWriteStream(file, { fd: openRejects(file) });
  let failed: Error | undefined;
  stream.on('error', (error) => {
    failed ??= error;
  });
  if (!jsonl) stream.write(csvRecord(['line', 'order_id', 'outcome', 'code', 'reason']));
  return {
    write(o: RecordOutcome) {
      stream.write(
        jsonl
          ? `${JSON.stringify(o)}\n`
          : csvRecord([o.line, o.orderId ?? '', o.outcome, o.code, o.reason]),
      );
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        stream.end((e?: Error | null) => {
          const error = e ?? failed;
          if (error === undefined || error === null) resolve();
          else reject(new ImportFileError(`cannot write ${file}: ${error.message}`));
        }),
      ),
  };
}
