// Escalation to arbitration, its withdrawal, and the buyer's cancellation.
import type { Party } from '../actor.ts';
import { later } from '../instant.ts';
import type { ReturnEscalationReason } from '../reasons.ts';
import { type Rejection, rejection } from '../rejections.ts';
import type { DisputeCommand } from './commands.ts';
import type { Draft } from './draft.ts';
import type { Dispute, ResumePoint } from './state.ts';
import { checkText, NOTE_CHARS_MAX } from './text.ts';

type Cmd<T extends DisputeCommand['type']> = Extract<DisputeCommand, { type: T }>;

export function escalate(draft: Draft, cmd: Cmd<'escalate'>): Rejection | undefined {
  const d = draft.dispute;
  const by = draft.actor.role as Party;
  const refused = checkText('note', cmd.note, { maxChars: NOTE_CHARS_MAX, required: false });
  if (refused !== undefined) return refused;
  if (d.status === 'return_in_transit') return escalateReturn(draft, cmd);
  if (cmd.goodsProblem !== undefined) {
    return rejection('input.invalid', 'a goods problem is only named when escalating a return', {
      field: 'goodsProblem',
    });
  }
  draft.emit({
    type: 'dispute_escalated',
    by,
    reason: `${by}_escalated`,
    note: cmd.note,
    resume: resumePoint(d, draft.now),
  });
  return undefined;
}

// From the return stage the reason is fixed by the system: the seller only picks what was wrong
// with goods that did arrive, and writes a note.
function escalateReturn(draft: Draft, cmd: Cmd<'escalate'>): Rejection | undefined {
  const d = draft.dispute;
  const arrived = d.returnPlan?.deliveredAt !== undefined;
  let reason: ReturnEscalationReason;
  if (!arrived) {
    if (cmd.goodsProblem !== undefined) {
      return rejection(
        'return.goods_not_arrived',
        'the return has not been delivered: it can only be escalated as not received',
      );
    }
    reason = 'return_not_received';
  } else if (cmd.goodsProblem === undefined) {
    return rejection(
      'return.goods_problem_required',
      'the return was delivered: say whether the goods came back wrong or damaged',
    );
  } else {
    reason = cmd.goodsProblem === 'wrong_item' ? 'return_wrong_item' : 'return_damaged';
  }
  draft.emit({
    type: 'dispute_escalated',
    by: 'seller',
    reason,
    note: cmd.note,
    resume: resumePoint(d, draft.now),
  });
  return undefined;
}

function resumePoint(d: Dispute, now: number): ResumePoint {
  const dueAt = d.status === 'negotiating' ? d.negotiationDueAt : d.stageDueAt;
  if (dueAt === undefined) throw new Error(`no running countdown to pause in ${d.status}`);
  return { status: d.status, remainingMs: Math.max(0, dueAt - now) };
}

export function withdrawEscalation(draft: Draft): Rejection | undefined {
  const d = draft.dispute;
  const escalation = d.escalation;
  // The guard admits only the escalating party, and a party's escalation always has a resume point.
  if (escalation?.resume === undefined) throw new Error('party escalation without a resume point');
  const by = draft.actor.role as Party;
  draft.emit({
    type: 'escalation_withdrawn',
    by,
    status: escalation.resume.status,
    // The countdown resumes with the time it had left when the dispute was escalated.
    dueAt: later(draft.now, escalation.resume.remainingMs),
  });
  return undefined;
}

export function cancel(draft: Draft, cmd: Cmd<'cancel'>): Rejection | undefined {
  const refused = checkText('reason', cmd.reason, { maxChars: NOTE_CHARS_MAX, required: false });
  if (refused !== undefined) return refused;
  draft.emit({ type: 'dispute_cancelled', reason: cmd.reason, how: 'buyer' });
  return undefined;
}
