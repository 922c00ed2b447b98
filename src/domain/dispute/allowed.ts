// What a viewer may do now and what is due when: the server computes it, clients only render it.
import type { Actor, Party } from '../actor.ts';
import type { Instant } from '../instant.ts';
import { later } from '../instant.ts';
import { type Deadline, pendingDeadlines } from './deadlines.ts';
import { checkAction } from './guards.ts';
import type { Dispute } from './state.ts';
import { type ActionName, PERSON_ACTIONS } from './transitions.ts';

export interface DueDate extends Deadline {
  /** Who has to act before it falls; `both` when either side's action stops it. */
  readonly owner: Party | 'both';
}

export interface ViewerActions {
  readonly actions: readonly ActionName[];
  readonly dueDates: readonly DueDate[];
  readonly nextDueAt?: Instant;
  /** Arbitration queue target: shown to staff, never acted on automatically. */
  readonly rulingTargetAt?: Instant;
}

export function allowedActions(d: Dispute, actor: Actor, now: Instant): ActionName[] {
  return PERSON_ACTIONS.filter((a) => checkAction(a, d, actor, now) === undefined);
}

export function viewerActions(d: Dispute, actor: Actor, now: Instant): ViewerActions {
  // Both sides see every countdown of their dispute (domain.md: the return countdown is shown to both).
  const dueDates = pendingDeadlines(d).map((x) => ({ ...x, owner: ownerOf(d, x) }));
  const first = dueDates[0];
  const rulingTargetAt =
    d.status === 'in_arbitration' && d.escalation !== undefined
      ? later(d.escalation.at, d.policy.values.rulingTargetMs)
      : undefined;
  return {
    actions: allowedActions(d, actor, now),
    dueDates,
    ...(first === undefined ? {} : { nextDueAt: first.dueAt }),
    ...(rulingTargetAt === undefined ? {} : { rulingTargetAt }),
  };
}

function ownerOf(d: Dispute, x: Deadline): Party | 'both' {
  switch (x.kind) {
    case 'seller_response':
    case 'return_label':
    case 'confirm_receipt':
    case 'replacement_delivery':
      return 'seller';
    case 'return_shipment':
      return 'buyer';
    case 'evidence_request':
      return d.evidenceRequests.find((r) => r.id === x.key)?.from ?? 'both';
    case 'negotiation_end':
    case 'appeal_window':
    // Nobody's action: the marketplace is asked again. Shown so both sides see when.
    case 'refund_retry':
      return 'both';
  }
}
