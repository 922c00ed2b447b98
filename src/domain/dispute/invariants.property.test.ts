// Property-based tests: random command sequences and clock moves against every invariant of
// domain.md. fast-check prints the seed and path of a failure; FC_SEED=<seed> replays it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DisputeWorld } from '../../../test/harness/dispute-world.ts';
import {
  arbitrator,
  arbitrator2,
  buyer,
  DISPUTE,
  evidence,
  orderFacts,
  seller,
  strangerBuyer,
  system,
  T0,
} from '../../../test/harness/fixtures.ts';
import { plainRecount, summariesMetrics } from '../../../test/harness/metrics-recount.ts';
import {
  type Actor,
  DAY_MS,
  DEADLINE_KINDS,
  type DisputeCommand,
  type DisputeEvent,
  EVIDENCE_KINDS,
  type EvidenceRequestId,
  evolve,
  FINDINGS,
  fold,
  HOUR_MS,
  instant,
  isListedTransition,
  type MessageId,
  money,
  nextDeadline,
  type OfferId,
  type OrderId,
  RESPONSIBILITIES,
  refundedTotal,
  resolvePolicy,
  type Status,
  sellerFundedRefund,
} from '../index.ts';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const SEED = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };

type Step =
  | { readonly advanceMs: number }
  | { readonly actor: Actor; readonly pick: (w: DisputeWorld) => DisputeCommand };

// Counterexamples print as "seller: accept_offer" rather than as source code.
function labelled(step: fc.Arbitrary<Step>): fc.Arbitrary<Step> {
  return step.map((x) => {
    if ('advanceMs' in x)
      return Object.assign(x, { [fc.toStringMethod]: () => `advance ${x.advanceMs / HOUR_MS}h` });
    const probe = x.pick;
    return Object.assign(x, {
      [fc.toStringMethod]: () => {
        const who = x.actor.role === 'system' ? 'system' : `${x.actor.role} ${x.actor.id}`;
        return `${who}: ${JSON.stringify(probe.length === 0 ? (probe as () => DisputeCommand)() : '(depends on state)', (_k, v) => (typeof v === 'bigint' ? Number(v) : v))}`;
      },
    });
  });
}

const party = fc.constantFrom(buyer, seller);
const anyone = fc.constantFrom(buyer, seller, arbitrator, arbitrator2, strangerBuyer, system);
const amount = fc.integer({ min: -5, max: 2_600 });
const offerId = fc.constantFrom('o1', 'o2', 'o3', 'o4').map((x) => x as OfferId);
const USD = (minor: number) => money(minor, 'USD');

const terms = fc.oneof(
  amount.map((a) => ({ kind: 'refund' as const, amount: USD(a) })),
  fc
    .tuple(amount, fc.constantFrom('buyer' as const, 'seller' as const))
    .map(([a, p]) => ({ kind: 'return_and_refund' as const, amount: USD(a), postagePaidBy: p })),
  fc.tuple(amount, fc.integer({ min: -1, max: 20 })).map(([v, d]) => ({
    kind: 'coupon' as const,
    value: USD(v),
    minSpend: USD(0),
    expiresAt: instant(T0 + d * DAY_MS),
  })),
  fc.constant({ kind: 'replacement' as const }),
);

function openOfferFromOtherSide(w: DisputeWorld, actor: Actor): OfferId {
  const other = w.state?.offers.filter((o) => o.status === 'open' && o.by !== actor.role) ?? [];
  return other.at(-1)?.id ?? ('none' as OfferId);
}

const ruling = fc.record({
  outcome: fc.oneof(
    amount.map((a) => ({ kind: 'refund' as const, amount: USD(a) })),
    amount.map((a) => ({
      kind: 'return_and_refund' as const,
      amount: USD(a),
      postagePaidBy: 'seller' as const,
    })),
    fc.constant({ kind: 'no_refund' as const }),
  ),
  responsibility: fc.constantFrom(...RESPONSIBILITIES),
  reasonCode: fc.constant('r'),
  note: fc.constant(''),
});

let counter = 0;
function next(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

function mk(s: {
  readonly actor: Actor;
  readonly pick: (w: DisputeWorld) => DisputeCommand;
}): Step {
  return s;
}

const step: fc.Arbitrary<Step> = labelled(
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.integer({ min: 0, max: 48 }).map((h) => ({ advanceMs: h * HOUR_MS })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 0, max: 12 * 24 }).map((h) => ({ advanceMs: h * HOUR_MS })),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(party, offerId, terms).map(([actor, id, t]) =>
        mk({
          actor,
          pick: () => ({ type: 'propose_offer', offerId: id, terms: t, note: '' }),
        }),
      ),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(anyone).map(([actor]) =>
        mk({
          actor,
          pick: (w: DisputeWorld) => ({
            type: 'accept_offer',
            offerId: openOfferFromOtherSide(w, actor),
          }),
        }),
      ),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(party, fc.option(fc.tuple(offerId, terms))).map(([actor, counterOffer]) =>
        mk({
          actor,
          pick: (w: DisputeWorld) => ({
            type: 'reject_offer',
            offerId: openOfferFromOtherSide(w, actor),
            reason: 'no',
            ...(counterOffer === null
              ? {}
              : { counter: { offerId: counterOffer[0], terms: counterOffer[1], note: '' } }),
          }),
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          anyone,
          fc.constantFrom('buyer' as const, 'seller' as const),
          fc.constantFrom(...EVIDENCE_KINDS),
        )
        .map(([actor, from, kind]) =>
          mk({
            actor,
            pick: () => ({
              type: 'request_evidence',
              requestId: next('req') as EvidenceRequestId,
              from,
              kinds: [kind],
              note: '',
            }),
          }),
        ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(anyone, fc.constantFrom(...EVIDENCE_KINDS), fc.subarray([...FINDINGS]))
        .map(([actor, kind, findings]) =>
          mk({
            actor,
            pick: () => ({ type: 'add_evidence', evidence: evidence({ kind, findings }) }),
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: anyone.map((actor) =>
        mk({
          actor,
          pick: () => ({
            type: 'post_message',
            messageId: next('m') as MessageId,
            body: 'hello',
            arbitratorOnly: false,
          }),
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: anyone.map((actor) => mk({ actor, pick: () => ({ type: 'cancel', reason: '' }) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(anyone, fc.constantFrom(undefined, 'wrong_item' as const, 'damaged' as const))
        .map(([actor, goodsProblem]) =>
          mk({
            actor,
            pick: () => ({
              type: 'escalate',
              note: '',
              ...(goodsProblem === undefined ? {} : { goodsProblem }),
            }),
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: anyone.map((actor) =>
        mk({ actor, pick: () => ({ type: 'withdraw_escalation' }) }),
      ),
    },
    {
      weight: 1,
      arbitrary: anyone.map((actor) =>
        mk({
          actor,
          pick: () => ({ type: 'supply_return_label', carrier: 'c', trackingNumber: 't' }),
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: anyone.map((actor) =>
        mk({
          actor,
          pick: () => ({ type: 'ship_return', carrier: 'c', trackingNumber: 't' }),
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constant(
        mk({
          actor: system,
          pick: (w: DisputeWorld) => ({
            type: 'record_return_delivered',
            deliveredAt: w.clock.now(),
          }),
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: anyone.map((actor) => mk({ actor, pick: () => ({ type: 'confirm_receipt' }) })),
    },
    {
      weight: 1,
      arbitrary: anyone.map((actor) =>
        mk({
          actor,
          pick: () => ({ type: 'ship_replacement', carrier: 'c', trackingNumber: 't' }),
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constant(
        mk({
          actor: system,
          pick: (w: DisputeWorld) => ({
            type: 'record_replacement_delivered',
            deliveredAt: w.clock.now(),
          }),
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constant(
        mk({
          actor: system,
          pick: (w: DisputeWorld) => ({
            type: 'record_order_completed',
            completedAt: w.clock.now(),
          }),
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.boolean().map((frozen) =>
        mk({
          actor: system,
          pick: () => ({ type: 'record_escrow_hold', frozen, chargebackId: 'cb' }),
        }),
      ),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(arbitrator, arbitrator2, seller), ruling)
        .map(([actor, r]) => mk({ actor, pick: () => ({ type: 'rule', ruling: r }) })),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(party, fc.boolean()).map(([actor, fresh]) =>
        mk({
          actor,
          pick: (w: DisputeWorld) => {
            // An appeal "with new evidence" uploads it first, as a person would.
            if (fresh)
              w.try(actor, {
                type: 'add_evidence',
                evidence: evidence({ kind: 'document', mediaType: 'application/pdf' }),
              });
            const mine = w.state?.evidence.filter((e) => e.by === actor.role) ?? [];
            const ids = fresh ? mine.slice(-1).map((e) => e.id) : [];
            return { type: 'appeal', note: 'new evidence', evidenceIds: ids };
          },
        }),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(arbitrator, arbitrator2), fc.boolean(), ruling)
        .map(([actor, upheld, r]) =>
          mk({
            actor,
            pick: () =>
              upheld
                ? { type: 'decide_appeal', decision: 'upheld' }
                : { type: 'decide_appeal', decision: 'overturned', ruling: r },
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(anyone, fc.constantFrom(...DEADLINE_KINDS))
        .map(([actor, deadline]) =>
          mk({ actor, pick: () => ({ type: 'fire_deadline', deadline }) }),
        ),
    },
    {
      weight: 2,
      arbitrary: fc.constant(
        mk({
          actor: system,
          pick: (w: DisputeWorld) => {
            // The runner's worst case: the clock stands one millisecond before the next deadline.
            const due = w.state === undefined ? undefined : nextDeadline(w.state);
            if (due === undefined) return { type: 'fire_deadline', deadline: 'seller_response' };
            if (due.dueAt - 1 > w.clock.now()) w.clock.advance(due.dueAt - 1 - w.clock.now());
            return {
              type: 'fire_deadline',
              deadline: due.kind,
              ...(due.key === undefined ? {} : { key: due.key }),
            };
          },
        }),
      ),
    },
  ),
);

const world = fc
  .record({
    channel: fc.constantFrom('platform' as const, 'seller' as const),
    completed: fc.boolean(),
    protection: fc.constantFrom(false, false, false, true),
    localReturn: fc.boolean(),
    releasedBefore: fc.constantFrom(0, 500, 2_000),
    refundedBefore: fc.constantFrom(0, 300),
    reason: fc.constantFrom(
      'damaged' as const,
      'wrong_item' as const,
      'not_as_described' as const,
      'changed_mind' as const,
    ),
    request: fc.tuple(fc.integer({ min: 1, max: 1_700 }), fc.boolean()),
  })
  .map((o) => Object.assign(o, { [fc.toStringMethod]: () => JSON.stringify(o) }));

function buildWorld(o: typeof world extends fc.Arbitrary<infer T> ? T : never): DisputeWorld {
  {
    const order = orderFacts({
      outboundChannel: o.channel,
      protectionEnrolled: o.protection,
      refundedBefore: USD(o.refundedBefore),
      escrowHeld: USD(2_000 - Math.max(o.releasedBefore, o.refundedBefore)),
      ...(o.completed ? { completedAt: instant(T0 - DAY_MS) } : {}),
    });
    const policy = resolvePolicy(
      o.localReturn ? [{ id: 'pv', market: '*', version: 1, values: { localReturn: true } }] : [],
      order,
    );
    const w = new DisputeWorld(order, policy);
    const [requested, isReturn] = o.request;
    w.do(buyer, {
      type: 'open',
      disputeId: DISPUTE,
      order,
      reason: o.reason,
      request: isReturn
        ? { kind: 'return_and_refund', amount: USD(requested), postagePaidBy: 'seller' }
        : { kind: 'refund', amount: USD(requested) },
      description: 'problem',
    });
    return w;
  }
}

/** Runs the steps, checking after each one the invariants that hold between two states. */
function run(w: DisputeWorld, steps: readonly Step[]): void {
  for (const s of steps) {
    const before = w.state;
    const eventsBefore = w.events.length;
    if ('advanceMs' in s) w.advance(s.advanceMs);
    else w.try(s.actor, s.pick(w));
    const added = w.events.slice(eventsBefore);
    checkStep(w, before?.status, added, before);
  }
}

function checkStep(
  w: DisputeWorld,
  statusBefore: Status | undefined,
  added: readonly DisputeEvent[],
  before: DisputeWorld['state'],
): void {
  const d = w.dispute;
  // Every transaction balances, the ledger as a whole sums to zero, escrow never goes negative.
  for (const sum of w.ledgerSums()) expect(sum).toBe(0n);
  expect(w.balance(`order_escrow:${'order-1' as OrderId}`)).toBeGreaterThanOrEqual(0n);
  // Total refunded never above what was paid (less earlier disputes' refunds).
  expect(refundedTotal(d)).toBeLessThanOrEqual(d.order.paid.minor - d.order.refundedBefore.minor);
  // The platform reimburses a seller at most what the seller paid out.
  expect(d.reimbursedMinor).toBeLessThanOrEqual(sellerFundedRefund(d));
  if (statusBefore === undefined || before === undefined) return;
  // `cancelled` never changes.
  if (statusBefore === 'cancelled') expect(added).toEqual([]);
  // `resolved` changes only by an appeal inside its window.
  if (statusBefore === 'resolved' && d.status !== 'resolved') {
    expect(d.status).toBe('appealed');
    expect(added.some((e) => e.type === 'appeal_filed' && e.at < (before.appealDueAt ?? 0))).toBe(
      true,
    );
  }
  if (statusBefore === 'resolved') {
    const changedResolution = added.some((e) => e.type === 'dispute_resolved');
    expect(changedResolution).toBe(false);
  }
  // Every status change is a listed transition (the state diagram is generated from that list).
  let status = statusBefore;
  let state = before;
  for (const e of added) {
    state = evolve(state, e);
    expect(
      isListedTransition(status, state.status),
      `${status} -> ${state.status} on ${e.type}`,
    ).toBe(true);
    status = state.status;
  }
}

function checkHistory(w: DisputeWorld): void {
  // Each deadline has its effect at most once, and never before it is due.
  const fired = w.events.filter((e) => e.type === 'deadline_fired');
  const keys = fired.map((e) => `${e.deadline}|${e.key ?? ''}|${e.dueAt}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const e of fired) expect(e.at).toBeGreaterThanOrEqual(e.dueAt);
  // Replaying the events rebuilds the state.
  expect(fold(w.events)).toEqual(w.state);
  // Metrics from the event-folded summaries equal a plain recount over the raw events.
  expect(summariesMetrics(w.events, w.clock.now())).toEqual(plainRecount(w.events, w.clock.now()));
}

describe('dispute invariants under random commands and clock moves', () => {
  it('hold for every sequence', () => {
    fc.assert(
      fc.property(
        world,
        fc.array(step, { minLength: 10, maxLength: 60, size: 'max' }),
        (params, steps) => {
          const w = buildWorld(params);
          run(w, steps);
          checkHistory(w);
        },
      ),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('a refused command changes nothing', () => {
    fc.assert(
      fc.property(
        world,
        fc.array(step, { minLength: 5, maxLength: 30, size: 'max' }),
        (params, steps) => {
          const w = buildWorld(params);
          for (const s of steps) {
            if ('advanceMs' in s) {
              w.advance(s.advanceMs);
              continue;
            }
            const command = s.pick(w);
            const before = w.state;
            const count = w.events.length;
            const decision = w.try(s.actor, command);
            if (!decision.ok) {
              expect(w.state).toBe(before);
              expect(w.events.length).toBe(count);
            }
          }
        },
      ),
      { numRuns: Math.ceil(RUNS / 3), ...SEED },
    );
  });
});
