// The dispute row keeps a JSON snapshot of the folded state so reads need no replay. Bigints go
// through the store's codec; the snapshot is checked against the fold of the events in tests.
import type { Dispute } from '../domain/index.ts';
import { reviveBigints } from '../store/json-codec.ts';

export function decodeDispute(stored: unknown): Dispute {
  return reviveBigints(stored) as Dispute;
}
