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

/** The reference definition: the hash of the previous hash and the event's canonical JSON. */
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

/**
 * eventHash for a writer that already made the payload's canonical JSON (it stores that same
 * text, so each event is serialised once). The envelope is spelled out in canonical key order;
 * a property test holds it byte-equal to eventHash.
 */
export function eventHashWithPayload(
  prevHash: string,
  event: Omit<HashedEvent, 'payload'>,
  payloadJson: string,
): string {
  const body =
    `{"actorId":${JSON.stringify(event.actorId)},"actorRole":${JSON.stringify(event.actorRole)}` +
    `,"at":${canonicalJson(event.at)},"disputeId":${JSON.stringify(event.disputeId)}` +
    `,"payload":${payloadJson},"seq":${canonicalJson(event.seq)}` +
    `,"type":${JSON.stringify(event.type)}}`;
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
