// Whether an actor may take an action on a dispute right now, judged from the state alone (no
// command payload). decide() runs this first; allowedActions() lists the actions it lets through,
// so the buttons a client shows and the commands the server accepts can never disagree.
import type { Actor, Party } from '../actor.ts';
import type { Instant } from '../instant.ts';
import { type Rejection, rejection } from '../rejections.ts';
import type { Dispute } from './state.ts';
import { partyOf } from './state.ts';
import { ACTION_RULES, type ActionName } from './transitions.ts';

const AFTER_RULING_REFUSED: ReadonlySet<ActionName> = new Set(['withdraw_escalation', 'cancel']);

export function checkAction(
  action: ActionName,
  d: Dispute,
  actor: Actor,
  now: Instant,
): Rejection | undefined {
  const statuses = ACTION_RULES[action][actor.role];
  if (statuses === undefined) {
    return rejection('actor.role_not_allowed', `a ${actor.role} cannot ${words(action)}`);
  }
  if ((actor.role === 'buyer' || actor.role === 'seller') && !partyOf(d, actor.role, actor.id)) {
    return rejection('actor.not_party', 'no such dispute for this account');
  }
  if (AFTER_RULING_REFUSED.has(action) && d.ruling !== undefined) {
    return rejection(
      'dispute.already_ruled',
      `the dispute was ruled on ${new Date(d.ruling.at).toISOString()}: it can no longer be ${action === 'cancel' ? 'cancelled' : 'withdrawn from arbitration'}`,
    );
  }
  if (!statuses.includes(d.status)) {
    return rejection(
      'dispute.wrong_state',
      `cannot ${words(action)} while the dispute is ${words(d.status)}`,
      {
        status: d.status,
      },
    );
  }
  return checkSituation(action, d, actor, now);
}

function checkSituation(
  action: ActionName,
  d: Dispute,
  actor: Actor,
  now: Instant,
): Rejection | undefined {
  const party: Party | undefined =
    actor.role === 'buyer' || actor.role === 'seller' ? actor.role : undefined;
  switch (action) {
    case 'accept_offer':
    case 'reject_offer':
      return d.offers.some((o) => o.status === 'open' && o.by !== party)
        ? undefined
        : rejection('offer.not_found', 'there is no open offer from the other side');
    case 'propose_offer':
    case 'escalate':
      return party === 'buyer' && d.status === 'negotiating' && d.sellerRespondedAt === undefined
        ? rejection(
            action === 'escalate'
              ? 'escalation.not_yet_allowed'
              : 'offer.seller_must_respond_first',
            'the seller has not responded to the request yet',
          )
        : undefined;
    case 'withdraw_escalation':
      return d.escalation?.by === party
        ? undefined
        : rejection(
            'escalation.not_yours',
            'only the side that escalated can withdraw the escalation',
          );
    case 'add_evidence':
    case 'post_message':
      return d.status === 'resolved' &&
        (d.final || d.appealDueAt === undefined || now >= d.appealDueAt)
        ? rejection('dispute.wrong_state', 'the dispute is closed')
        : undefined;
    case 'appeal':
      return checkAppealable(d, party, now);
    case 'decide_appeal':
      return actor.role === 'arbitrator' && d.ruling?.by === actor.id
        ? rejection(
            'ruling.own_ruling',
            'an appeal is decided by a different arbitrator than the ruling',
          )
        : undefined;
    default:
      return undefined;
  }
}

function checkAppealable(
  d: Dispute,
  party: Party | undefined,
  now: Instant,
): Rejection | undefined {
  if (d.ruling === undefined) {
    return rejection('appeal.no_ruling', 'only a ruling can be appealed');
  }
  if (d.appeal !== undefined) {
    return rejection('appeal.already_used', `the ${d.appeal.by} already appealed this ruling`);
  }
  if (d.final || d.appealDueAt === undefined || now >= d.appealDueAt) {
    return rejection('appeal.window_closed', 'the appeal window has closed', {
      closedAt: d.appealDueAt === undefined ? '' : new Date(d.appealDueAt).toISOString(),
    });
  }
  return party === undefined
    ? rejection('actor.role_not_allowed', 'only a party can appeal')
    : undefined;
}

function words(identifier: string): string {
  return identifier.replaceAll('_', ' ');
}
