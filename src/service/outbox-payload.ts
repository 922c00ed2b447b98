// What leaves the building with a dispute event: the event as the parties may see it. Content a
// party marked for the arbitrator only (a message's body; an evidence file's name, note, hash
// and findings) stays inside: webhook receivers are the marketplace's systems, which may pass a
// notification on to the other party. Receivers still learn that something was added, by whom
// and when, so their dispute timeline stays complete.
import type { DisputeEvent, Status } from '../domain/index.ts';

export interface OutboxPayload {
  readonly disputeId: string;
  readonly seq: number;
  readonly status: Status;
  readonly event: unknown;
}

export function outboxPayload(
  disputeId: string,
  seq: number,
  status: Status,
  e: DisputeEvent,
): OutboxPayload {
  return { disputeId, seq, status, event: publicEvent(e) };
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
