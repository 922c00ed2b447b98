// `settle import orders`: records stream in from a reader, each is checked as the order API
// checks a body, and the good ones are loaded a batch at a time (store/order-bulk-load.ts).
// While the database writes, the next batch is read and checked; on PostgreSQL two batches are
// written at once. Every refused record is reported as it is known, with its line.
import { type BatchOutcome, loadOrderBatch, type Refusal } from '../../store/order-bulk-load.ts';
import type { Store } from '../../store/store.ts';
import { type CheckedRecord, type FileRecord, ImportFileError } from './file-record.ts';
import { StagedBatch } from './staged-batch.ts';

/** Orders per batch (one transaction): large enough that a statement's cost is spread thin. */
export const IMPORT_BATCH_ORDERS = 5_000;
/**
 * Batches written at once on PostgreSQL, each on its own connection: the database, not Node, is
 * the slower side (measured: Node idle most of an import), and a second backend uses the second
 * core. PGlite has one connection, so one.
 */
const BATCHES_IN_FLIGHT_POSTGRES = 2;
/** Progress is reported at least this often, in records read. */
const PROGRESS_EVERY = 1_000;

export interface ImportCounts {
  /** Orders read from the file, whatever became of them. */
  read: number;
  imported: number;
  /** Already recorded (by an earlier import or the API) or earlier in this file. */
  duplicates: number;
  rejected: number;
}

/** A record that was not imported and why; duplicates are reported too. */
export interface RecordOutcome {
  readonly line: number;
  readonly orderId?: string;
  readonly outcome: 'rejected' | 'duplicate';
  readonly code: string;
  readonly reason: string;
}

export interface ImportOrders {
  readonly store: Store;
  readonly records: AsyncIterable<FileRecord>;
  readonly check: (record: unknown) => CheckedRecord;
  readonly batchOrders?: number;
  readonly onOutcome: (o: RecordOutcome) => void;
  readonly onProgress?: (counts: Readonly<ImportCounts>) => void;
}

export async function importOrders(job: ImportOrders): Promise<ImportCounts> {
  const counts: ImportCounts = { read: 0, imported: 0, duplicates: 0, rejected: 0 };
  const report = (o: RecordOutcome) => {
    if (o.outcome === 'rejected') counts.rejected += 1;
    else counts.duplicates += 1;
    job.onOutcome(o);
  };
  const inFlight = new Set<Promise<void>>();
  const inFlightMax = job.store.dialect === 'postgres' ? BATCHES_IN_FLIGHT_POSTGRES : 1;
  let failure: { error: unknown } | undefined;
  let previousOrdersIn: Promise<void> = Promise.resolve();
  const flush = async (batch: StagedBatch) => {
    // Memory stays this many batches deep, plus the one being read.
    while (inFlight.size >= inFlightMax) await Promise.race(inFlight);
    let ordersIn = () => {};
    const after = previousOrdersIn;
    previousOrdersIn = new Promise<void>((resolve) => {
      ordersIn = resolve;
    });
    const load: Promise<void> = loadOrderBatch(job.store, batch, { after, ordersIn }).then(
      (outcome) => tally(outcome, batch, counts, report),
      (error: unknown) => {
        failure ??= { error };
      },
    );
    inFlight.add(load);
    void load.finally(() => inFlight.delete(load));
  };
  const settled = () => Promise.all(inFlight);
  let batch = new StagedBatch();
  try {
    for await (const r of job.records) {
      if (failure !== undefined) break;
      counts.read += 1;
      const checked = checkRecord(r, job.check, report);
      if (checked !== undefined) batch.add(r.line, checked);
      if (batch.size >= (job.batchOrders ?? IMPORT_BATCH_ORDERS)) {
        await flush(batch);
        batch = new StagedBatch();
      }
      if (counts.read % PROGRESS_EVERY === 0) job.onProgress?.(counts);
    }
  } catch (error) {
    // The file broke off (bad quoting): what was read before it still goes in, and is told.
    await settled();
    if (error instanceof ImportFileError && counts.read > 0)
      throw new ImportFileError(
        `${error.message} (stopped after ${counts.read} orders: ${counts.imported} imported ` +
          'before it; a re-run after the fix reports those as duplicates)',
        { cause: error },
      );
    throw error;
  }
  if (batch.size > 0) await flush(batch);
  await settled();
  if (failure !== undefined) throw failure.error;
  job.onProgress?.(counts);
  return counts;
}

function checkRecord(
  r: FileRecord,
  check: (record: unknown) => CheckedRecord,
  report: (o: RecordOutcome) => void,
) {
  const id = r.orderId === undefined ? {} : { orderId: r.orderId };
  if (r.record === undefined) {
    report({
      line: r.line,
      ...id,
      outcome: 'rejected',
      code: 'input.unreadable',
      reason: `${r.where('')}: ${r.unreadable ?? 'unreadable'}`,
    });
    return undefined;
  }
  const checked = check(r.record);
  if (checked.ok) return checked.order;
  report({
    line: r.line,
    ...id,
    outcome: 'rejected',
    code: checked.problems[0]?.code ?? 'input.invalid',
    reason: checked.problems.map((p) => `${r.where(p.path)}: ${p.message}`).join('; '),
  });
  return undefined;
}

const REFUSALS: Readonly<
  Record<
    Refusal,
    { outcome: RecordOutcome['outcome']; code: string; reason: (o: Staged) => string }
  >
> = {
  unknown_seller: {
    outcome: 'rejected',
    code: 'order.unknown_seller',
    reason: (o) => `no seller ${o.sellerId}: PUT /v1/sellers/{id} first`,
  },
  unknown_buyer: {
    outcome: 'rejected',
    code: 'order.unknown_buyer',
    reason: (o) => `no buyer ${o.buyerId}: PUT /v1/buyers/{id} first`,
  },
  exists: {
    outcome: 'duplicate',
    code: 'order.exists',
    reason: (o) => `order ${o.id} is already recorded; left as it is`,
  },
  repeated: {
    outcome: 'duplicate',
    code: 'order.repeated',
    reason: (o) => `order ${o.id} appears earlier in this file; the first one counts`,
  },
};

type Staged = StagedBatch['orders'][number];

function tally(
  outcome: BatchOutcome,
  batch: StagedBatch,
  counts: ImportCounts,
  report: (o: RecordOutcome) => void,
): void {
  counts.imported += outcome.inserted;
  const byRow = new Map(batch.orders.map((o) => [o.row, o]));
  for (const r of outcome.refused) {
    const order = byRow.get(r.row) as Staged;
    const refusal = REFUSALS[r.why];
    report({
      line: r.row,
      orderId: r.id,
      outcome: refusal.outcome,
      code: refusal.code,
      reason: `line ${r.row}: ${refusal.reason(order)}`,
    });
  }
}
