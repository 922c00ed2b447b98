// What the people in a dispute do next, given what the dispute looks like now (pure: no store,
// no clock). The driver calls it whenever the dispute's agent wakes; it answers with commands to
// send now and when to look again. Timing comes from the persona, the rules from the engine:
// a move the engine refuses (too late, out of turn) is counted, never forced.
import {
  type Actor,
  type BuyerId,
  DAY_MS,
  type Dispute,
  type DisputeCommand,
  type EvidenceId,
  type Instant,
  money,
  nextDeadline,
  type OfferId,
  type Responsibility,
  type RulingInput,
  type SellerId,
  type StaffId,
  suggestResponsibility,
  type Terms,
} from '../domain/index.ts';
import type { Persona } from './persona.ts';

export type Move =
  | { readonly kind: 'command'; readonly actor: Actor; readonly command: AgentCommand }
  /** The carrier reports the return or the replacement delivered (the tracking feed). */
  | { readonly kind: 'delivered'; readonly what: 'return' | 'replacement' };

export type AgentCommand = Exclude<DisputeCommand, { type: 'open' }>;

/** Evidence as the model describes it; the driver makes the file and its hash. */
export interface EvidenceSpec {
  readonly id: string;
  readonly kind: 'item_photo' | 'outer_packaging_photo' | 'label_comparison_photo' | 'document';
  readonly findings: readonly (
    | 'labels_mismatch'
    | 'packaging_damaged'
    | 'packaging_intact'
    | 'item_damaged'
    | 'item_differs_from_listing'
  )[];
}

export interface Next {
  readonly moves: readonly Move[];
  /** When to look again; absent: nothing more will happen to this dispute. */
  readonly wakeAt?: Instant;
}

export interface Cast {
  readonly buyer: Actor;
  readonly seller: Actor;
  readonly arbitrator: Actor;
  readonly appealArbitrator: Actor;
}

export function castOf(buyerId: string, sellerId: string, orderIndex: number, pool: number): Cast {
  const staff = (n: number): Actor => ({
    role: 'arbitrator',
    id: `sim-arbitrator-${(n % pool) + 1}` as StaffId,
  });
  return {
    buyer: { role: 'buyer', id: buyerId as BuyerId },
    seller: { role: 'seller', id: sellerId as SellerId },
    arbitrator: staff(orderIndex),
    appealArbitrator: staff(orderIndex + 1),
  };
}

const cmd = (actor: Actor, command: AgentCommand): Move => ({ kind: 'command', actor, command });
const SECOND_MS = 1_000;

/** Waits for the engine's next deadline, or for `at` if sooner. */
function waitFor(d: Dispute, at?: number): Next {
  const due = nextDeadline(d)?.dueAt;
  const candidates = [at, due === undefined ? undefined : due + SECOND_MS].filter(
    (t): t is number => t !== undefined,
  );
  if (candidates.length === 0) return { moves: [] };
  return { moves: [], wakeAt: Math.min(...candidates) as Instant };
}

/** `at` reached: act; otherwise wait for it (or an earlier deadline). */
function when(d: Dispute, now: Instant, at: number, act: () => Next): Next {
  return now >= at ? act() : waitFor(d, at);
}

export function nextMoves(p: Persona, cast: Cast, d: Dispute, now: Instant): Next {
  switch (d.status) {
    case 'negotiating':
      return negotiating(p, cast, d, now);
    case 'awaiting_return_label':
      return when(d, now, stageStart(d) + p.seller.replyAfterMs, () =>
        p.seller.suppliesLabel
          ? {
              moves: [
                cmd(cast.seller, {
                  type: 'supply_return_label',
                  carrier: 'PosteItaliane',
                  trackingNumber: `RL${d.id.slice(-7)}IT`,
                }),
              ],
              wakeAt: (now + SECOND_MS) as Instant,
            }
          : waitFor(d),
      );
    case 'awaiting_return_shipment':
      return when(d, now, stageStart(d) + p.buyer.shipAfterMs, () =>
        p.buyer.shipsReturn
          ? {
              moves: [
                cmd(cast.buyer, {
                  type: 'ship_return',
                  carrier: 'Cainiao',
                  trackingNumber: `RT${d.id.slice(-7)}`,
                }),
              ],
              wakeAt: (now + SECOND_MS) as Instant,
            }
          : waitFor(d),
      );
    case 'return_in_transit':
      return returnInTransit(p, cast, d, now);
    case 'awaiting_replacement':
      return replacement(p, cast, d, now);
    case 'in_arbitration':
      return when(d, now, (d.escalation?.at ?? now) + p.arbitrator.ruleAfterMs, () => ({
        moves: [cmd(cast.arbitrator, { type: 'rule', ruling: ruling(p, d) })],
        wakeAt: (now + SECOND_MS) as Instant,
      }));
    case 'resolved':
      return resolved(p, cast, d, now);
    case 'appealed':
      return when(d, now, (d.appeal?.at ?? now) + Math.ceil(p.arbitrator.ruleAfterMs / 2), () => ({
        moves: [cmd(cast.appealArbitrator, appealDecision(p, d))],
        wakeAt: (now + SECOND_MS) as Instant,
      }));
    case 'cancelled':
      return waitFor(d);
    default: {
      const never: never = d.status;
      throw new Error(`unknown status ${String(never)}`);
    }
  }
}

/** When the current stage began: the last event that set its countdown. */
function stageStart(d: Dispute): number {
  return d.returnPlan?.label?.at ?? d.resolution?.at ?? d.ruling?.at ?? d.openedAt;
}

function negotiating(p: Persona, cast: Cast, d: Dispute, now: Instant): Next {
  if (d.sellerRespondedAt === undefined) return sellerAnswers(p, cast, d, now);
  const counter = d.offers.findLast((o) => o.by === 'seller' && o.status === 'open');
  const reactAt = d.sellerRespondedAt + p.buyer.replyAfterMs;
  if (counter === undefined) return waitFor(d);
  return when(d, now, reactAt, () => {
    if (p.buyer.cancels)
      return { moves: [cmd(cast.buyer, { type: 'cancel', reason: 'No longer needed.' })] };
    if (p.buyer.acceptsCounter)
      return {
        moves: [cmd(cast.buyer, { type: 'accept_offer', offerId: counter.id })],
        wakeAt: (now + SECOND_MS) as Instant,
      };
    if (p.buyer.escalatesAtOnce)
      return {
        moves: [cmd(cast.buyer, { type: 'escalate', note: 'The offer does not cover it.' })],
        wakeAt: (now + SECOND_MS) as Instant,
      };
    return waitFor(d);
  });
}

function sellerAnswers(p: Persona, cast: Cast, d: Dispute, now: Instant): Next {
  if (p.seller.silent) return waitFor(d);
  const answerAt = p.seller.late
    ? d.sellerResponseDueAt + p.seller.replyAfterMs
    : Math.min(d.openedAt + p.seller.replyAfterMs, d.sellerResponseDueAt - SECOND_MS);
  return when(d, now, answerAt, () => {
    const again = (now + SECOND_MS) as Instant;
    if (p.seller.accepts)
      return {
        moves: [cmd(cast.seller, { type: 'accept_offer', offerId: d.requestOfferId })],
        wakeAt: again,
      };
    if (p.seller.escalates)
      return {
        moves: [cmd(cast.seller, { type: 'escalate', note: 'The buyer has not shown a problem.' })],
        wakeAt: again,
      };
    return {
      moves: [
        cmd(cast.seller, {
          type: 'reject_offer',
          offerId: d.requestOfferId,
          reason: 'We would like to settle this another way.',
          counter: {
            offerId: `${d.id}.counter` as OfferId,
            terms: counterTerms(p, d, now),
            note: '',
          },
        }),
      ],
      wakeAt: again,
    };
  });
}

function requested(d: Dispute) {
  const request = d.offers.find((o) => o.id === d.requestOfferId);
  const terms = request?.terms;
  return terms !== undefined && 'amount' in terms ? terms.amount : d.order.paid;
}

function counterTerms(p: Persona, d: Dispute, now: Instant): Terms {
  const asked = requested(d);
  const part = (percent: number) =>
    money((asked.minor * BigInt(percent)) / 100n || 1n, asked.currency);
  switch (p.seller.counter) {
    case 'refund':
      return { kind: 'refund', amount: part(p.seller.counterPercent) };
    case 'return_and_refund':
      return { kind: 'return_and_refund', amount: asked, postagePaidBy: 'seller' };
    case 'coupon':
      return {
        kind: 'coupon',
        value: part(p.seller.counterPercent),
        minSpend: part(200),
        expiresAt: (now + 90 * DAY_MS) as Instant,
      };
    case 'replacement':
      return { kind: 'replacement' };
  }
}

function returnInTransit(p: Persona, cast: Cast, d: Dispute, now: Instant): Next {
  const shippedAt = d.returnPlan?.shipment?.at ?? now;
  const deliveredAt = d.returnPlan?.deliveredAt;
  if (deliveredAt === undefined && !p.carrier.returnLost)
    return when(d, now, shippedAt + p.carrier.returnTransitMs, () => ({
      moves: [{ kind: 'delivered', what: 'return' }],
      wakeAt: (now + SECOND_MS) as Instant,
    }));
  // Arrived: the seller confirms or stays silent. Lost: the seller may escalate it as missing.
  const actAt = (deliveredAt ?? shippedAt + 20 * DAY_MS) + p.seller.confirmAfterMs;
  return when(d, now, actAt, () => {
    if (deliveredAt !== undefined && p.seller.confirmsReturn)
      return {
        moves: [cmd(cast.seller, { type: 'confirm_receipt' })],
        wakeAt: (now + SECOND_MS) as Instant,
      };
    if (deliveredAt === undefined && !p.seller.silent)
      return {
        moves: [cmd(cast.seller, { type: 'escalate', note: 'The return has not arrived.' })],
        wakeAt: (now + SECOND_MS) as Instant,
      };
    return waitFor(d);
  });
}

function replacement(p: Persona, cast: Cast, d: Dispute, now: Instant): Next {
  const shipment = d.replacement?.shipment;
  if (shipment === undefined)
    return when(d, now, stageStart(d) + DAY_MS, () => ({
      moves: [
        cmd(cast.seller, {
          type: 'ship_replacement',
          carrier: 'Cainiao',
          trackingNumber: `RP${d.id.slice(-7)}`,
        }),
      ],
      wakeAt: (now + SECOND_MS) as Instant,
    }));
  if (p.carrier.replacementLate) return waitFor(d);
  return when(d, now, shipment.at + p.carrier.replacementTransitMs, () => ({
    moves: [{ kind: 'delivered', what: 'replacement' }],
    wakeAt: (now + SECOND_MS) as Instant,
  }));
}

function resolved(p: Persona, cast: Cast, d: Dispute, now: Instant): Next {
  const ruling = d.ruling;
  // Nothing to do but let the engine's deadlines run out (the appeal window releases escrow).
  if (ruling === undefined || d.appeal !== undefined || d.appealDueAt === undefined || d.final)
    return waitFor(d);
  if (!p.buyer.appeals) return waitFor(d);
  const loser = ruling.outcome.kind === 'no_refund' ? cast.buyer : cast.seller;
  return when(d, now, ruling.at + 2 * DAY_MS, () => {
    const evidenceId = `${d.id}.appeal` as EvidenceId;
    return {
      moves: [
        cmd(loser, { type: 'add_evidence', evidence: appealEvidence(evidenceId) }),
        cmd(loser, { type: 'appeal', note: 'Please look again.', evidenceIds: [evidenceId] }),
      ],
      wakeAt: (now + SECOND_MS) as Instant,
    };
  });
}

/** The file itself is made by the driver (its hash): a document with the party's statement. */
export const appealEvidence = (id: EvidenceId) => ({
  id,
  kind: 'document' as const,
  findings: [],
  sha256: '',
  mediaType: 'application/pdf',
  bytes: 0,
  fileName: 'statement.pdf',
  note: 'Statement for the appeal.',
  arbitratorOnly: false,
});

const WRONG: Readonly<Record<Responsibility, Responsibility>> = {
  seller: 'buyer',
  buyer: 'seller',
  logistics: 'seller',
  none: 'seller',
};

/** The arbitrator: the engine's suggestion when the evidence gives one, else the facts; sometimes wrong. */
export function ruling(p: Persona, d: Dispute): RulingInput {
  const believed = suggestResponsibility(d).responsibility ?? p.truth;
  const responsibility = p.arbitrator.errs ? WRONG[believed] : believed;
  return rulingFor(d, responsibility);
}

function rulingFor(d: Dispute, responsibility: Responsibility): RulingInput {
  const amount = requested(d);
  const returnFirst = d.policy.values.localReturn && d.reason !== 'not_received';
  return {
    outcome:
      responsibility === 'buyer'
        ? { kind: 'no_refund' }
        : returnFirst
          ? { kind: 'return_and_refund', amount, postagePaidBy: 'seller' }
          : { kind: 'refund', amount },
    responsibility,
    reasonCode: d.reason,
    note: 'Ruled on the evidence.',
  };
}

function appealDecision(p: Persona, d: Dispute): AgentCommand {
  const wrong = d.ruling !== undefined && d.ruling.responsibility !== p.truth;
  if (!wrong || !p.arbitrator.overturnsWrong) return { type: 'decide_appeal', decision: 'upheld' };
  const corrected = rulingFor(d, p.truth);
  const outcome =
    corrected.outcome.kind === 'no_refund'
      ? corrected.outcome
      : { kind: 'refund' as const, amount: requested(d) };
  return { type: 'decide_appeal', decision: 'overturned', ruling: { ...corrected, outcome } };
}
