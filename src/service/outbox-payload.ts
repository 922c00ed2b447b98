// What leaves the building with a dispute event: the event as the parties may see it. Content a
// party marked for the arbitrator only (a message's body; an evidence file's name, note, hash
// and findings) stays inside: webhook receivers are the marketplace's systems, which may pass a
// notification on to the other party. Receivers still learn that something was added, by whom
// and when, so their dispute timeline stays complete.
//
// Each payload also carries the audit chain's head right after its event (docs/audit.md): the
// stored event count and the last event's hash. A receiver that keeps them holds a copy of the
// chain head outside our database, so a later rewrite, truncation or reordering of the events up
// to there no longer matches what was sent. The count includes events hidden from the parties:
// webhooks go to the marketplace, a trusted integration, not to the parties.
import type { DisputeEvent, Status } from '../domain/index.ts';

/** The hash chain's head after an event: how many events the dispute has, and the last hash. */
export interface ChainHead {
  readonly seq: number;
  readonly headHash: string;
}

export interface OutboxPayload {
  readonly disputeId: string;
  readonly seq: number;
  readonly status: Status;
  readonly event: unknown;
  readonly chain: ChainHead;
}

export function outboxPayload(
  disputeId: string,
  status: Status,
  e: DisputeEvent,
  chain: ChainHead,
): OutboxPayload {
  return { disputeId, seq: chain.seq, status, event: publicEvent(e), chain };
}

export function publicEvent(e: DisputeEvent): unknown {
  if (e.type === 'message_posted' && e.message.arbitratorOnly) {
    const { id, by, at, arbitratorOnly } = e.message;
    return { ...e, message: { id, by, at, arbitratorOnly } };
  }
  if (e.type === 'evidence_added' && e.evidence.arbitratorOnly) {
    const { id, by, kind, at, arbitratorOnly, supersedes } = e.evidence;
    return {
      ...e,
      evidence: {
        id,
        by,
        kind,
        at,
        arbitratorOnly,
        ...(supersedes === undefined ? {} : { supersedes }),
      },
    };
  }
  return e;
}
