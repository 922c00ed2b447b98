// Deadlines are data derived from the state: the runner asks for the next one and sends
// fire_deadline with its kind when the database clock passes it. Once fired, the state no longer
// yields it, so a second firing is refused and has no effect.
import type { Instant } from '../instant.ts';
import type { Dispute } from './state.ts';

export const DEADLINE_KINDS = [
  'seller_response',
  'negotiation_end',
  'return_label',
  'return_shipment',
  'confirm_receipt',
  'replacement_delivery',
  'evidence_request',
  'appeal_window',
  /** A failed refund payment is asked for again (key: the refund id). */
  'refund_retry',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly dueAt: Instant;
  /** Which one, when a kind can be pending several times at once (evidence requests). */
  readonly key?: string;
}

export function pendingDeadlines(d: Dispute): Deadline[] {
  const due: Deadline[] = [];
  const stage = stageDeadline(d);
  if (stage !== undefined) due.push(stage);
  if (d.status !== 'cancelled' && d.status !== 'resolved') {
    for (const r of d.evidenceRequests) {
      if (r.status === 'open') due.push({ kind: 'evidence_request', dueAt: r.dueAt, key: r.id });
    }
  }
  // Money owed to the buyer is chased whatever the dispute's status: it may be long resolved.
  for (const p of d.refundPayments ?? []) {
    if (p.status === 'retry_scheduled' && p.retryAt !== undefined) {
      due.push({ kind: 'refund_retry', dueAt: p.retryAt, key: p.id });
    }
  }
  return due.sort((a, b) => a.dueAt - b.dueAt);
}

function stageDeadline(d: Dispute): Deadline | undefined {
  switch (d.status) {
    case 'negotiating':
      if (d.sellerRespondedAt === undefined) {
        return { kind: 'seller_response', dueAt: d.sellerResponseDueAt };
      }
      return d.negotiationDueAt === undefined
        ? undefined
        : { kind: 'negotiation_end', dueAt: d.negotiationDueAt };
    case 'awaiting_return_label':
      return withDue('return_label', d.stageDueAt);
    case 'awaiting_return_shipment':
      return withDue('return_shipment', d.stageDueAt);
    case 'return_in_transit':
      return withDue('confirm_receipt', d.stageDueAt);
    case 'awaiting_replacement':
      return withDue('replacement_delivery', d.stageDueAt);
    case 'resolved':
      return d.final ? undefined : withDue('appeal_window', d.appealDueAt);
    case 'in_arbitration':
    case 'appealed':
    case 'cancelled':
      return undefined;
    default:
      return assertNever(d.status);
  }
}

function withDue(kind: DeadlineKind, dueAt: Instant | undefined): Deadline | undefined {
  return dueAt === undefined ? undefined : { kind, dueAt };
}

export function nextDeadline(d: Dispute): Deadline | undefined {
  return pendingDeadlines(d)[0];
}

export function findPending(d: Dispute, kind: DeadlineKind, key?: string): Deadline | undefined {
  return pendingDeadlines(d).find((x) => x.kind === kind && (key === undefined || x.key === key));
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}

export function isDue(deadline: Deadline, now: Instant): boolean {
  return now >= deadline.dueAt;
}
