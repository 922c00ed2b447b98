// The case file as JSON that a third party verifies offline with the public key alone: every
// event with its hashes, and the signed checkpoint of the chain's head. Staff only: the chain
// covers every event, arbitrator-only ones included, so a party's copy could not verify
// without showing them what is hidden from them (docs/audit.md).
import type { KeyObject } from 'node:crypto';
import { type CheckpointRow, loadCheckpoint } from '../../store/chain-checkpoints.ts';
import { eventHash, GENESIS_HASH } from '../../store/event-hash.ts';
import { loadEvents, type StoredEvent } from '../../store/event-log.ts';
import { decodeJson, encodeJson } from '../../store/json-codec.ts';
import type { Store } from '../../store/store.ts';
import { checkSignature, keyIdOf } from './checkpoint.ts';

export const EXPORT_FORMAT = 'settle-case-file/1';

export interface CaseFileExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly disputeId: string;
  readonly events: readonly StoredEvent[];
  readonly checkpoint: CheckpointRow | null;
}

/** The export as JSON text (bigints tagged as the event hashes tag them). */
export async function exportCaseFile(store: Store, disputeId: string): Promise<string> {
  const body: CaseFileExport = {
    format: EXPORT_FORMAT,
    disputeId,
    events: await loadEvents(store.db, disputeId),
    checkpoint: (await loadCheckpoint(store.db, disputeId)) ?? null,
  };
  return encodeJson(body);
}

export type ExportCheck =
  | {
      readonly ok: true;
      readonly disputeId: string;
      readonly events: number;
      readonly keyId: string;
    }
  | { readonly ok: false; readonly problem: string };

/** Verifies an export offline: every link, then the head against the signed checkpoint. */
export function verifyExport(text: string, publicKey: KeyObject): ExportCheck {
  let body: CaseFileExport;
  try {
    body = decodeJson(text) as CaseFileExport;
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  if (body?.format !== EXPORT_FORMAT || !Array.isArray(body.events))
    return { ok: false, problem: `not a ${EXPORT_FORMAT} export` };
  let prev = GENESIS_HASH;
  for (const [i, e] of body.events.entries()) {
    if (e.disputeId !== body.disputeId || e.seq !== i + 1)
      return { ok: false, problem: `event ${i + 1}: out of place` };
    if (e.prevHash !== prev || eventHash(prev, e) !== e.hash)
      return { ok: false, problem: `event ${e.seq}: hash does not match its content` };
    prev = e.hash;
  }
  const c = body.checkpoint;
  if (c === null || c === undefined) return { ok: false, problem: 'no signed checkpoint' };
  if (c.disputeId !== body.disputeId)
    return { ok: false, problem: 'checkpoint of another dispute' };
  const keyId = keyIdOf(publicKey);
  if (checkSignature(c, new Map([[keyId, publicKey]])) !== 'valid')
    return { ok: false, problem: `checkpoint signature does not verify with key ${keyId}` };
  if (c.seq !== body.events.length || c.headHash !== prev)
    return {
      ok: false,
      problem: `signed head is event ${c.seq} ${c.headHash}; the export ends at event ${body.events.length} ${prev}`,
    };
  return { ok: true, disputeId: body.disputeId, events: body.events.length, keyId };
}
