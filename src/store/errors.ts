// Typed errors the store raises for conditions a caller is expected to handle. Bugs stay plain
// `Error`s (failed assertions); these are the infrastructure outcomes that deserve a name.

/** Another writer appended to the same stream first: reload and retry (bounded). */
export class ConcurrencyConflict extends Error {
  override readonly name = 'ConcurrencyConflict';
  readonly disputeId: string;
  readonly expectedSeq: number;
  constructor(disputeId: string, expectedSeq: number, options?: { cause?: unknown }) {
    super(`dispute ${disputeId} moved past seq ${expectedSeq}: reload and retry`, options);
    this.disputeId = disputeId;
    this.expectedSeq = expectedSeq;
  }
}

/** The configured data directory cannot safely be opened as a database. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
  readonly dataDir: string;
  constructor(dataDir: string, message: string) {
    super(message);
    this.dataDir = dataDir;
  }
}

/** PostgreSQL's SQLSTATE for unique_violation, raised by both pg and PGlite. */
const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === UNIQUE_VIOLATION;
}

/** PostgreSQL's DETAIL ("Key (id)=(…) already exists."), which pg and PGlite both carry. */
export function detailOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'detail' in error ? error.detail : '';
}

export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** A ledger transaction with this id exists: the money effect already happened. */
export class DuplicateLedgerTransaction extends Error {
  override readonly name = 'DuplicateLedgerTransaction';
  readonly transactionId: string;
  constructor(transactionId: string, options?: { cause?: unknown }) {
    super(`ledger transaction ${transactionId} was already written`, options);
    this.transactionId = transactionId;
  }
}
