// Offers between buyer and seller: propose, accept, reject (with a counter-offer).
import type { Party } from '../actor.ts';
import { type Rejection, rejection } from '../rejections.ts';
import { checkTerms } from './amounts.ts';
import type { CounterOffer, DisputeCommand } from './commands.ts';
import type { Draft } from './draft.ts';
import { carryOutAgreement } from './settlement.ts';
import { checkText, NOTE_CHARS_MAX } from './text.ts';

type Cmd<T extends DisputeCommand['type']> = Extract<DisputeCommand, { type: T }>;

function partyOf(draft: Draft): Party {
  const role = draft.actor.role;
  if (role === 'buyer' || role === 'seller') return role;
  throw new Error(`${role} is not a party`);
}

export function proposeOffer(draft: Draft, cmd: CounterOffer): Rejection | undefined {
  const d = draft.dispute;
  const by = partyOf(draft);
  const existing = d.offers.find((o) => o.id === cmd.offerId);
  if (existing !== undefined) {
    // The same offer sent twice (a retry) changes nothing; reusing its id for other terms is refused.
    return existing.by === by && sameJson(existing.terms, cmd.terms)
      ? undefined
      : rejection('offer.id_reused', 'this offer id is already used for another offer');
  }
  if (cmd.terms.kind === 'coupon' && by !== 'seller') {
    return rejection('offer.kind_not_allowed', 'only the seller can offer a store coupon');
  }
  if (d.offers.length >= d.policy.values.offersMax) {
    return rejection(
      'offer.limit_reached',
      `a dispute holds at most ${d.policy.values.offersMax} offers`,
    );
  }
  const refused =
    checkText('note', cmd.note, { maxChars: NOTE_CHARS_MAX, required: false }) ??
    checkTerms(d, cmd.terms, draft.now);
  if (refused !== undefined) return refused;
  draft.emit({
    type: 'offer_proposed',
    offer: { id: cmd.offerId, by, terms: cmd.terms, note: cmd.note, at: draft.now, status: 'open' },
  });
  return undefined;
}

export function acceptOffer(draft: Draft, cmd: Cmd<'accept_offer'>): Rejection | undefined {
  const by = partyOf(draft);
  const offer = draft.dispute.offers.find((o) => o.id === cmd.offerId);
  const refused = checkAnswerable(offer, by);
  if (refused !== undefined || offer === undefined) return refused;
  // Amounts were checked when proposed and nothing refunds during negotiation, so they still hold.
  draft.emit({ type: 'offer_accepted', offerId: offer.id, by });
  draft.emit({
    type: 'agreement_reached',
    offerId: offer.id,
    terms: offer.terms,
    how: 'negotiation',
  });
  carryOutAgreement(draft, offer.terms, offer.id);
  return undefined;
}

export function rejectOffer(draft: Draft, cmd: Cmd<'reject_offer'>): Rejection | undefined {
  const d = draft.dispute;
  const by = partyOf(draft);
  const offer = d.offers.find((o) => o.id === cmd.offerId);
  const refused =
    checkAnswerable(offer, by) ??
    checkText('reason', cmd.reason, { maxChars: NOTE_CHARS_MAX, required: true });
  if (refused !== undefined) return refused;
  // domain.md: the seller's first answer rejects the request only together with a counter-offer.
  if (by === 'seller' && d.sellerRespondedAt === undefined && cmd.counter === undefined) {
    return rejection('offer.counter_required', 'reject the buyer’s request with a counter-offer');
  }
  if (cmd.counter !== undefined) {
    const counterRefused = checkTerms(d, cmd.counter.terms, draft.now);
    if (counterRefused !== undefined) return counterRefused;
  }
  draft.emit({ type: 'offer_rejected', offerId: cmd.offerId, by, reason: cmd.reason });
  return cmd.counter === undefined ? undefined : proposeOffer(draft, cmd.counter);
}

function checkAnswerable(offer: { by: Party; status: string } | undefined, by: Party) {
  if (offer === undefined) return rejection('offer.not_found', 'no such offer on this dispute');
  if (offer.by === by)
    return rejection('offer.own_offer', 'an offer is answered by the other side');
  if (offer.status !== 'open') return rejection('offer.not_open', `the offer is ${offer.status}`);
  return undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  return (
    JSON.stringify(a, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ===
    JSON.stringify(b, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))
  );
}
