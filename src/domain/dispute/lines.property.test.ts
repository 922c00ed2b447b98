// Property: however disputes on one order's lines open, negotiate, get ruled, appealed and time
// out, one after another or side by side, no line is refunded more than its total and the order
// no more than was paid. The order is simulated the way the service runs it: each dispute opens
// with the order's facts as the others left them, and catches up with them (record_escrow_hold)
// before every command, as the service does under the order lock before a money write.
// fast-check prints the seed; FC_SEED=<seed> replays it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DisputeWorld } from '../../../test/harness/dispute-world.ts';
import {
  arbitrator,
  arbitrator2,
  buyer,
  evidence,
  seller,
  T0,
  twoLineOrder,
} from '../../../test/harness/fixtures.ts';
import {
  type Actor,
  type DisputeCommand,
  type DisputedLine,
  type DisputeId,
  type EvidenceId,
  HOUR_MS,
  instant,
  type LineRefund,
  lineRefunds,
  money,
  nextDeadline,
  type OfferId,
  type OrderFacts,
  refundedTotal,
  SYSTEM,
} from '../index.ts';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const SEED = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };
const USD = (minor: number) => money(minor, 'USD');
// Two mugs at 500 (line m), a teapot at 1 000 (line t), and a third line so overlaps vary.
const ORDER: OrderFacts = (() => {
  const base = twoLineOrder({ paid: USD(2_300), escrowHeld: USD(2_300) });
  return {
    ...base,
    lines: [
      ...(base.lines ?? []),
      {
        lineId: 's',
        sku: 'SP',
        title: 'Spoons',
        quantity: 3,
        unitPrice: USD(100),
        total: USD(300),
      },
    ],
  };
})();
const LINE_IDS = ['m', 't', 's'] as const;

class OrderSim {
  readonly disputes: DisputeWorld[] = [];
  now: number = T0;

  private others(except: DisputeWorld) {
    const refunded = this.disputes
      .filter((w) => w !== except && w.state !== undefined)
      .map((w) => ({ d: w.dispute, total: refundedTotal(w.dispute) }));
    const perLine = new Map<string, bigint>();
    for (const { d, total } of refunded)
      for (const [line, minor] of lineRefunds(d.order, d.lines, total))
        perLine.set(line, (perLine.get(line) ?? 0n) + minor);
    const lines: LineRefund[] = [...perLine].map(([lineId, minor]) => ({ lineId, minor }));
    return { minor: refunded.reduce((s, r) => s + r.total, 0n), lines, perLine };
  }

  escrowMinor(): bigint {
    let out = 0n;
    for (const w of this.disputes) {
      if (w.state === undefined) continue;
      out += w.dispute.refunds.escrow + w.dispute.releasedMinor;
    }
    return ORDER.paid.minor - out;
  }

  open(named: readonly DisputedLine[], amount: number): void {
    const others = this.others(new DisputeWorld(ORDER));
    const held = new Map<string, DisputeId>();
    for (const w of this.disputes) {
      const d = w.state;
      if (d === undefined || d.status === 'resolved' || d.status === 'cancelled') continue;
      for (const l of d.lines ?? []) held.set(l.lineId, d.id);
    }
    const order: OrderFacts = {
      ...ORDER,
      refundedBefore: USD(Number(others.minor)),
      escrowHeld: USD(Number(this.escrowMinor())),
      lines: (ORDER.lines ?? []).map((l) => {
        const refunded = others.perLine.get(l.lineId);
        const holder = held.get(l.lineId);
        return {
          ...l,
          ...(refunded === undefined ? {} : { refundedBefore: USD(Number(refunded)) }),
          ...(holder === undefined ? {} : { openDisputeId: holder }),
        };
      }),
    };
    const w = new DisputeWorld(order, undefined, instant(this.now));
    const opened = w.try(buyer, {
      type: 'open',
      disputeId: `dsp-${this.disputes.length}` as DisputeId,
      order,
      reason: 'damaged',
      request: { kind: 'refund', amount: USD(amount) },
      description: 'broken',
      lines: named,
    });
    if (opened.ok) this.disputes.push(w);
  }

  /** The service's catch-up, then the command, on dispute `i`. */
  send(i: number, actor: Actor, pick: (w: DisputeWorld) => DisputeCommand): void {
    const w = this.disputes[i % Math.max(1, this.disputes.length)];
    if (w === undefined) return;
    this.catchUp(w);
    w.try(actor, pick(w));
  }

  private catchUp(w: DisputeWorld): void {
    const others = this.others(w);
    w.do(SYSTEM, {
      type: 'record_escrow_hold',
      frozen: w.dispute.escrowFrozen,
      escrowHeldMinor: this.escrowMinor(),
      refundedByOthersMinor: others.minor,
      lineRefundsByOthers: others.lines,
    });
  }

  advance(ms: number): void {
    this.now += ms;
    for (const w of this.disputes) {
      for (let guard = 0; guard < 50; guard += 1) {
        const due = nextDeadline(w.dispute);
        if (due === undefined || due.dueAt > this.now) break;
        w.clock.advance(Math.max(0, due.dueAt - w.clock.now()));
        this.catchUp(w);
        w.try(SYSTEM, {
          type: 'fire_deadline',
          deadline: due.kind,
          ...(due.key === undefined ? {} : { key: due.key }),
        });
      }
      w.clock.advance(Math.max(0, this.now - w.clock.now()));
    }
  }

  check(): void {
    const perLine = new Map<string, bigint>();
    let total = 0n;
    for (const w of this.disputes) {
      const d = w.dispute;
      total += refundedTotal(d);
      for (const [line, minor] of lineRefunds(d.order, d.lines, refundedTotal(d)))
        perLine.set(line, (perLine.get(line) ?? 0n) + minor);
    }
    expect(total).toBeLessThanOrEqual(ORDER.paid.minor);
    for (const l of ORDER.lines ?? [])
      expect(perLine.get(l.lineId) ?? 0n, `line ${l.lineId}`).toBeLessThanOrEqual(l.total.minor);
    expect(this.escrowMinor()).toBeGreaterThanOrEqual(0n);
  }
}

type Step = (sim: OrderSim) => void;

const amount = fc.integer({ min: 1, max: 2_400 });
const which = fc.nat({ max: 5 });
const named = fc
  .subarray([...LINE_IDS], { minLength: 1 })
  .chain((ids) =>
    fc
      .tuple(...ids.map((id) => fc.integer({ min: 1, max: id === 'm' ? 2 : id === 's' ? 3 : 1 })))
      .map((qs) => ids.map((lineId, k) => ({ lineId, quantity: qs[k] ?? 1 }))),
  );
const ruling = fc.tuple(
  amount,
  fc.constantFrom('seller' as const, 'logistics' as const, 'none' as const),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.tuple(named, amount).map(
    ([lines, a]): Step =>
      (sim) =>
        sim.open(lines, a),
  ),
  fc.integer({ min: 1, max: 24 * 12 }).map(
    (h): Step =>
      (sim) =>
        sim.advance(h * HOUR_MS),
  ),
  which.map(
    (i): Step =>
      (sim) =>
        sim.send(i, seller, (w) => ({ type: 'accept_offer', offerId: w.dispute.requestOfferId })),
  ),
  fc.tuple(which, amount).map(
    ([i, a]): Step =>
      (sim) => {
        const id = `o-${a}` as OfferId;
        sim.send(i, seller, () => ({
          type: 'propose_offer',
          offerId: id,
          terms: { kind: 'refund', amount: USD(a) },
          note: '',
        }));
        sim.send(i, buyer, () => ({ type: 'accept_offer', offerId: id }));
      },
  ),
  which.map(
    (i): Step =>
      (sim) =>
        sim.send(i, seller, () => ({ type: 'escalate', note: '' })),
  ),
  fc.tuple(which, ruling).map(
    ([i, [a, responsibility]]): Step =>
      (sim) =>
        sim.send(i, arbitrator, () => ({
          type: 'rule',
          ruling: {
            outcome: { kind: 'refund', amount: USD(a) },
            responsibility,
            reasonCode: 'r',
            note: '',
          },
        })),
  ),
  fc.tuple(which, ruling).map(
    ([i, [a, responsibility]]): Step =>
      (sim) => {
        sim.send(i, buyer, () => ({
          type: 'add_evidence',
          evidence: evidence({ kind: 'document', mediaType: 'application/pdf' }),
        }));
        sim.send(i, buyer, (w) => ({
          type: 'appeal',
          note: 'more',
          evidenceIds: w.dispute.evidence
            .filter((e) => e.by === 'buyer')
            .slice(-1)
            .map((e) => e.id),
        }));
        sim.send(i, arbitrator2, () => ({
          type: 'decide_appeal',
          decision: 'overturned',
          ruling: {
            outcome: { kind: 'refund', amount: USD(a) },
            responsibility,
            reasonCode: 'r',
            note: '',
          },
        }));
      },
  ),
  which.map(
    (i): Step =>
      (sim) =>
        sim.send(i, buyer, () => ({ type: 'cancel', reason: 'x' })),
  ),
);

describe('order lines under random disputes', () => {
  it('never refund a line more than its total, nor the order more than was paid', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
        const sim = new OrderSim();
        for (const s of steps) {
          s(sim);
          sim.check();
        }
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('hold when an earlier dispute’s appeal refunds after a later one refunded the same line', () => {
    const sim = new OrderSim();
    const refund = (a: number): DisputeCommand => ({
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(a) },
        responsibility: 'seller',
        reasonCode: 'r',
        note: '',
      },
    });
    sim.open([{ lineId: 'm', quantity: 2 }], 1_000);
    sim.send(0, seller, () => ({ type: 'escalate', note: '' }));
    sim.send(0, arbitrator, () => refund(100));
    // Resolved, appeal window open: the line is free again, and a second dispute refunds it.
    sim.open([{ lineId: 'm', quantity: 2 }], 900);
    sim.send(1, seller, (w) => ({ type: 'accept_offer', offerId: w.dispute.requestOfferId }));
    sim.send(0, buyer, () => ({
      type: 'add_evidence',
      evidence: evidence({
        id: 'late' as EvidenceId,
        kind: 'document',
        mediaType: 'application/pdf',
      }),
    }));
    sim.send(0, buyer, () => ({
      type: 'appeal',
      note: 'more',
      evidenceIds: ['late' as EvidenceId],
    }));
    sim.send(0, arbitrator2, () => {
      const { ruling } = refund(1_000) as Extract<DisputeCommand, { type: 'rule' }>;
      return { type: 'decide_appeal', decision: 'overturned', ruling };
    });
    expect(sim.disputes.map((w) => refundedTotal(w.dispute))).toEqual([100n, 900n]);
    sim.check();
  });

  it('keep one open dispute per line', () => {
    const sim = new OrderSim();
    sim.open([{ lineId: 'm', quantity: 1 }], 100);
    sim.open([{ lineId: 'm', quantity: 1 }], 100);
    sim.open([{ lineId: 't', quantity: 1 }], 100);
    expect(sim.disputes.map((w) => w.dispute.lines)).toEqual([
      [{ lineId: 'm', quantity: 1 }],
      [{ lineId: 't', quantity: 1 }],
    ]);
    expect(instant(sim.now)).toBe(T0);
  });
});
