import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

// Each event's hash covers the previous hash and the event itself, so editing, removing or
// reordering any stored event breaks every later link. The dispute id and seq are hashed too,
// so an event copied into another dispute or position does not verify either.

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedEvent {
  disputeId: string;
  seq: number;
  type: string;
  /** Epoch milliseconds. */
  at: number;
  actorRole: string;
  actorId: string | null;
  payload: unknown;
}

export function eventHash(prevHash: string, event: HashedEvent): string {
  const body = canonicalJson({
    disputeId: event.disputeId,
    seq: event.seq,
    type: event.type,
    at: event.at,
    actorRole: event.actorRole,
    actorId: event.actorId,
    payload: event.payload,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
