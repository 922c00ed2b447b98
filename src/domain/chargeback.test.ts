// A chargeback freezes escrow, takes the order's seller's defence before its due date, and the processor's outcome moves balanced money.
import { describe, expect, it } from 'vitest';
import {
  admin,
  BUYER,
  buyer,
  orderFacts,
  SELLER,
  seller,
  strangerSeller,
  system,
  T0,
} from '../../test/harness/fixtures.ts';
import type { Actor } from './actor.ts';
import {
  type Chargeback,
  type ChargebackCommand,
  type ChargebackDecision,
  type ChargebackEvent,
  chargebackTaken,
  chargebackTransactions,
  decideChargeback,
  defenceFiles,
  evolveChargeback,
  isFrozen,
  stageOf,
} from './chargeback.ts';
import type { OrderFacts } from './dispute/state.ts';
import type { ChargebackId, EvidenceId, OrderId } from './ids.ts';
import { DAY_MS, type Instant, instant } from './instant.ts';
import { accounts, balanceOf, capture, isBalanced, sumsByCurrency } from './ledger.ts';
import { type Money, money } from './money.ts';
import { DEFAULT_POLICY } from './policy.ts';

const integration: Actor = { role: 'integration', id: 'marketplace-backend' };
const CB = 'cb-1' as ChargebackId;
const order: OrderFacts = orderFacts(); // 2000 USD paid, all of it in escrow
const USD = (minor: number) => money(minor, 'USD');
const DUE = instant(T0 + DEFAULT_POLICY.chargebackDefenceMs);
const escrow = accounts.escrow('order-1' as OrderId);
const sellerBalance = accounts.sellerBalance(SELLER);

/** A tiny harness: decide, then fold accepted events into the state. */
class ChargebackCase {
  state: Chargeback | undefined;
  readonly events: ChargebackEvent[] = [];

  send(
    cmd: ChargebackCommand,
    actor: Actor,
    now: Instant = T0,
    escrowHeld: Money = order.escrowHeld,
    recovered: Money = USD(0),
  ): ChargebackDecision {
    const decision = decideChargeback(
      cmd,
      this.state,
      actor,
      now,
      DEFAULT_POLICY,
      escrowHeld,
      recovered,
    );
    if (decision.ok) {
      for (const e of decision.events) {
        this.state = evolveChargeback(this.state, e);
        this.events.push(e);
      }
    }
    return decision;
  }

  get current(): Chargeback {
    if (this.state === undefined) throw new Error('no chargeback');
    return this.state;
  }
}

function opened(amount = USD(2_000)): ChargebackCase {
  const c = new ChargebackCase();
  const d = c.send({ type: 'open_chargeback', chargebackId: CB, order, amount }, integration);
  expect(d.ok).toBe(true);
  return c;
}

function refusedWith(d: ChargebackDecision): string {
  if (d.ok) throw new Error(`expected a refusal, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection.code;
}

const defence = {
  type: 'submit_defence',
  evidenceIds: ['ev-proof' as EvidenceId],
  note: 'delivered with signature',
} as const;

describe('open_chargeback', () => {
  it('opens awaiting defence, due after the policy window, and freezes escrow', () => {
    const c = opened(USD(1_500));
    expect(c.events).toEqual([
      {
        type: 'chargeback_opened',
        at: T0,
        chargebackId: CB,
        order,
        amount: USD(1_500),
        defenceDueAt: DUE,
      },
    ]);
    expect(c.current).toEqual({
      id: CB,
      order,
      amount: USD(1_500),
      status: 'awaiting_defence',
      openedAt: T0,
      defenceDueAt: DUE,
    });
    expect(isFrozen(c.current)).toBe(true);
  });

  it('accepts exactly the amount paid', () => {
    expect(opened(USD(2_000)).current.amount).toEqual(USD(2_000));
  });

  it('comes only from the integration', () => {
    for (const actor of [buyer, seller, admin, system]) {
      const d = new ChargebackCase().send(
        { type: 'open_chargeback', chargebackId: CB, order, amount: USD(100) },
        actor,
      );
      expect(refusedWith(d)).toBe('actor.role_not_allowed');
    }
  });

  it('refuses a currency other than the order was paid in', () => {
    const d = new ChargebackCase().send(
      { type: 'open_chargeback', chargebackId: CB, order, amount: money(100, 'EUR') },
      integration,
    );
    expect(refusedWith(d)).toBe('money.currency_mismatch');
  });

  it('refuses a zero or negative amount', () => {
    for (const amount of [USD(0), USD(-1)]) {
      const d = new ChargebackCase().send(
        { type: 'open_chargeback', chargebackId: CB, order, amount },
        integration,
      );
      expect(refusedWith(d)).toBe('money.not_positive');
    }
  });

  it('refuses more than was paid', () => {
    const d = new ChargebackCase().send(
      { type: 'open_chargeback', chargebackId: CB, order, amount: USD(2_001) },
      integration,
    );
    expect(refusedWith(d)).toBe('money.exceeds_refundable');
  });

  it('refuses an id that is already taken, changing nothing', () => {
    const c = opened();
    const before = c.state;
    const d = c.send(
      { type: 'open_chargeback', chargebackId: CB, order, amount: USD(5) },
      integration,
    );
    expect(refusedWith(d)).toBe('dispute.already_exists');
    expect(c.state).toBe(before);
  });

  it('every other command on an unknown chargeback is not found', () => {
    const commands: ChargebackCommand[] = [
      defence,
      { type: 'fire_defence_deadline' },
      { type: 'record_processor_outcome', outcome: 'lost' },
    ];
    for (const cmd of commands) {
      expect(refusedWith(new ChargebackCase().send(cmd, integration))).toBe('dispute.not_found');
    }
  });
});

describe('submit_defence', () => {
  it("records the order's seller's evidence and note before the due date", () => {
    const c = opened();
    const at = instant(DUE - 1);
    const d = c.send(defence, seller, at);
    expect(d.ok).toBe(true);
    expect(c.current.status).toBe('defended');
    expect(c.current.defence).toEqual({
      evidenceIds: ['ev-proof'],
      note: 'delivered with signature',
      at,
      stage: 'chargeback',
    });
    expect(isFrozen(c.current)).toBe(true); // still waiting for the processor
  });

  it('is refused to anyone but a seller', () => {
    for (const actor of [buyer, integration, admin, system]) {
      expect(refusedWith(opened().send(defence, actor))).toBe('actor.role_not_allowed');
    }
  });

  it('is refused to another seller as not a party', () => {
    expect(refusedWith(opened().send(defence, strangerSeller))).toBe('actor.not_party');
  });

  it('is refused at and after the due date', () => {
    expect(refusedWith(opened().send(defence, seller, DUE))).toBe('deadline.not_pending');
    expect(refusedWith(opened().send(defence, seller, instant(DUE + DAY_MS)))).toBe(
      'deadline.not_pending',
    );
  });

  it('is refused without evidence', () => {
    const d = opened().send({ type: 'submit_defence', evidenceIds: [], note: 'trust me' }, seller);
    expect(refusedWith(d)).toBe('input.invalid');
  });

  it('is refused a second time', () => {
    const c = opened();
    c.send(defence, seller);
    expect(refusedWith(c.send(defence, seller))).toBe('dispute.wrong_state');
  });

  it('is refused once the deadline lapsed or the processor decided', () => {
    const lapsed = opened();
    lapsed.send({ type: 'fire_defence_deadline' }, system, DUE);
    expect(refusedWith(lapsed.send(defence, seller, T0))).toBe('dispute.wrong_state');

    const won = opened();
    won.send({ type: 'record_processor_outcome', outcome: 'won' }, integration);
    expect(refusedWith(won.send(defence, seller))).toBe('dispute.wrong_state');
  });
});

describe('fire_defence_deadline', () => {
  it('is refused before the due date', () => {
    const c = opened();
    expect(refusedWith(c.send({ type: 'fire_defence_deadline' }, system, instant(DUE - 1)))).toBe(
      'deadline.not_due',
    );
    expect(c.current.status).toBe('awaiting_defence');
  });

  it('lapses the defence when due, keeping escrow frozen', () => {
    const c = opened();
    const d = c.send({ type: 'fire_defence_deadline' }, system, DUE);
    expect(d.ok && d.events).toEqual([{ type: 'defence_lapsed', at: DUE }]);
    expect(c.current.status).toBe('defence_lapsed');
    expect(isFrozen(c.current)).toBe(true);
  });

  it('is refused the second time, with no effect', () => {
    const c = opened();
    c.send({ type: 'fire_defence_deadline' }, system, DUE);
    const before = c.state;
    expect(refusedWith(c.send({ type: 'fire_defence_deadline' }, system, DUE))).toBe(
      'deadline.not_pending',
    );
    expect(c.state).toBe(before);
    expect(c.events).toHaveLength(2);
  });

  it('is fired only by the system', () => {
    for (const actor of [buyer, seller, integration, admin]) {
      expect(refusedWith(opened().send({ type: 'fire_defence_deadline' }, actor, DUE))).toBe(
        'actor.role_not_allowed',
      );
    }
  });

  it('is refused once the seller defended', () => {
    const c = opened();
    c.send(defence, seller);
    expect(refusedWith(c.send({ type: 'fire_defence_deadline' }, system, DUE))).toBe(
      'deadline.not_pending',
    );
  });
});

describe('record_processor_outcome', () => {
  it('comes only from the integration', () => {
    for (const actor of [seller, buyer, admin, system]) {
      const d = opened().send({ type: 'record_processor_outcome', outcome: 'won' }, actor);
      expect(refusedWith(d)).toBe('actor.role_not_allowed');
    }
  });

  it('won: nothing moves and escrow is unfrozen', () => {
    const c = opened();
    c.send(defence, seller);
    const d = c.send({ type: 'record_processor_outcome', outcome: 'won' }, integration);
    expect(d.ok && d.events).toEqual([{ type: 'chargeback_won', at: T0 }]);
    expect(c.current.status).toBe('won');
    expect(isFrozen(c.current)).toBe(false);
    for (const e of c.events) expect(chargebackTransactions(e, order)).toEqual([]);
  });

  it('lost with enough in escrow: escrow alone pays the processor', () => {
    const c = opened(USD(1_200));
    const d = c.send({ type: 'record_processor_outcome', outcome: 'lost' }, integration);
    expect(d.ok && d.events).toEqual([
      { type: 'chargeback_lost', at: T0, fromEscrow: USD(1_200), fromSellerBalance: USD(0) },
    ]);
    expect(c.current.status).toBe('lost');
    expect(isFrozen(c.current)).toBe(false);

    const txs = chargebackTransactions(c.events.at(-1) as ChargebackEvent, order);
    expect(txs).toHaveLength(1);
    expect(txs[0]?.kind).toBe('chargeback');
    expect(txs[0]?.postings).toEqual([
      { account: escrow, amount: USD(-1_200) },
      { account: 'processor_chargebacks', amount: USD(1_200) },
    ]);
    for (const tx of txs) expect(isBalanced(tx)).toBe(true);

    const ledger = [capture(order), ...txs];
    expect(balanceOf(ledger, escrow, 'USD')).toBe(800n);
    expect(balanceOf(ledger, sellerBalance, 'USD')).toBe(0n);
  });

  it('lost with escrow partly released: escrow first, then the seller balance (a debt)', () => {
    const c = opened(USD(2_000));
    c.send({ type: 'fire_defence_deadline' }, system, DUE);
    c.send({ type: 'record_processor_outcome', outcome: 'lost' }, integration, DUE, USD(700));
    const lost = c.events.at(-1) as ChargebackEvent;
    expect(lost).toMatchObject({ fromEscrow: USD(700), fromSellerBalance: USD(1_300) });

    const txs = chargebackTransactions(lost, order);
    expect(txs[0]?.postings).toEqual([
      { account: escrow, amount: USD(-700) },
      { account: sellerBalance, amount: USD(-1_300) },
      { account: 'processor_chargebacks', amount: USD(2_000) },
    ]);
    for (const tx of txs) {
      expect(isBalanced(tx)).toBe(true);
      for (const sum of sumsByCurrency(tx.postings).values()) expect(sum).toBe(0n);
    }
  });

  it('lost after refunds takes at most what the buyer has not recovered (paid − recovered)', () => {
    // Order of 2000; the full 2000 charged back while a dispute refunded 500 from escrow.
    const c = opened(USD(2_000));
    c.send(
      { type: 'record_processor_outcome', outcome: 'lost' },
      integration,
      T0,
      USD(1_500),
      USD(500),
    );
    const lost = c.events.at(-1) as ChargebackEvent;
    expect(lost).toEqual({
      type: 'chargeback_lost',
      at: T0,
      fromEscrow: USD(1_500),
      fromSellerBalance: USD(0),
      alreadyRecovered: USD(500),
    });
    expect(chargebackTaken(lost)).toBe(1_500n);
    expect(chargebackTransactions(lost, order)[0]?.postings).toEqual([
      { account: escrow, amount: USD(-1_500) },
      { account: 'processor_chargebacks', amount: USD(1_500) },
    ]);
  });

  it('lost when the buyer already recovered everything takes nothing and moves no money', () => {
    const c = opened(USD(700));
    c.send(
      { type: 'record_processor_outcome', outcome: 'lost' },
      integration,
      T0,
      USD(0),
      USD(2_000),
    );
    const lost = c.events.at(-1) as ChargebackEvent;
    expect(lost).toMatchObject({
      fromEscrow: USD(0),
      fromSellerBalance: USD(0),
      alreadyRecovered: USD(700),
    });
    expect(c.current.status).toBe('lost');
    expect(chargebackTransactions(lost, order)).toEqual([]);
  });

  it('lost with an empty escrow: the seller balance pays everything', () => {
    const c = opened(USD(500));
    c.send({ type: 'record_processor_outcome', outcome: 'lost' }, integration, T0, USD(0));
    const lost = c.events.at(-1) as ChargebackEvent;
    expect(lost).toMatchObject({ fromEscrow: USD(0), fromSellerBalance: USD(500) });
    const txs = chargebackTransactions(lost, order);
    expect(txs[0]?.postings).toEqual([
      { account: sellerBalance, amount: USD(-500) },
      { account: 'processor_chargebacks', amount: USD(500) },
    ]);
    expect(txs.every(isBalanced)).toBe(true);
  });

  it('the ledger balances across capture and a lost chargeback in another currency', () => {
    const eurOrder = orderFacts({
      paid: money(4_990, 'EUR'),
      escrowHeld: money(4_990, 'EUR'),
      refundedBefore: money(0, 'EUR'),
    });
    const d = decideChargeback(
      { type: 'open_chargeback', chargebackId: CB, order: eurOrder, amount: money(4_990, 'EUR') },
      undefined,
      integration,
      T0,
      DEFAULT_POLICY,
      eurOrder.escrowHeld,
      money(0, 'EUR'),
    );
    if (!d.ok) throw new Error(d.rejection.message);
    const state = evolveChargeback(undefined, d.events[0] as ChargebackEvent);
    const lost = decideChargeback(
      { type: 'record_processor_outcome', outcome: 'lost' },
      state,
      integration,
      T0,
      DEFAULT_POLICY,
      eurOrder.escrowHeld,
      money(0, 'EUR'),
    );
    if (!lost.ok) throw new Error(lost.rejection.message);
    const ledger = [capture(eurOrder), ...chargebackTransactions(lost.events[0]!, eurOrder)];
    expect(ledger.every(isBalanced)).toBe(true);
    expect(balanceOf(ledger, escrow, 'EUR')).toBe(0n);
    expect(balanceOf(ledger, accounts.buyerPayments(BUYER), 'EUR')).toBe(-4_990n);
    expect(balanceOf(ledger, 'processor_chargebacks', 'EUR')).toBe(4_990n);
  });

  it('a second outcome is refused, whichever came first', () => {
    for (const first of ['won', 'lost'] as const) {
      const c = opened();
      c.send({ type: 'record_processor_outcome', outcome: first }, integration);
      for (const second of ['won', 'lost'] as const) {
        const d = c.send({ type: 'record_processor_outcome', outcome: second }, integration);
        expect(refusedWith(d)).toBe('dispute.wrong_state');
      }
      expect(c.current.status).toBe(first);
      expect(c.events).toHaveLength(2);
    }
  });
});

describe('evolveChargeback', () => {
  it('refuses an event before the chargeback was opened', () => {
    expect(() => evolveChargeback(undefined, { type: 'defence_lapsed', at: T0 })).toThrow(
      'defence_lapsed before chargeback_opened',
    );
  });

  it('only a lost chargeback produces transactions', () => {
    const events: ChargebackEvent[] = [
      {
        type: 'chargeback_opened',
        at: T0,
        chargebackId: CB,
        order,
        amount: USD(10),
        defenceDueAt: DUE,
      },
      { type: 'defence_submitted', at: T0, evidenceIds: [], note: '' },
      { type: 'defence_lapsed', at: T0 },
      { type: 'chargeback_won', at: T0 },
    ];
    for (const e of events) expect(chargebackTransactions(e, order)).toEqual([]);
  });
});

describe('as processors report them: reason code, stages, fee, partial outcomes, conceding', () => {
  const openWith = (extra: Partial<Extract<ChargebackCommand, { type: 'open_chargeback' }>>) => {
    const c = new ChargebackCase();
    const d = c.send(
      { type: 'open_chargeback', chargebackId: CB, order, amount: USD(2_000), ...extra },
      integration,
    );
    return { c, d };
  };

  it("keeps the network's reason code and the stage it was reported at", () => {
    const { c } = openWith({ reasonCode: '13.1', network: 'visa', stage: 'inquiry' });
    expect(c.current).toMatchObject({ reasonCode: '13.1', network: 'visa', stage: 'inquiry' });
    expect(stageOf(opened().current)).toBe('chargeback');
  });

  it('moves stages forward only, each with a fresh defence window', () => {
    const { c } = openWith({ stage: 'inquiry' });
    c.send(defence, seller, instant(T0 + DAY_MS));
    expect(c.current.status).toBe('defended');
    const later = instant(T0 + 3 * DAY_MS);
    const d = c.send({ type: 'record_stage', stage: 'chargeback' }, integration, later);
    expect(d.ok).toBe(true);
    expect(c.current).toMatchObject({
      stage: 'chargeback',
      status: 'awaiting_defence',
      defenceDueAt: later + DEFAULT_POLICY.chargebackDefenceMs,
    });
    // The earlier defence stays on record, naming the stage it answered.
    expect(c.current.defence?.stage).toBe('inquiry');
    for (const stage of ['inquiry', 'chargeback'] as const)
      expect(refusedWith(c.send({ type: 'record_stage', stage }, integration, later))).toBe(
        'dispute.wrong_state',
      );
    expect(refusedWith(c.send({ type: 'record_stage', stage: 'pre_arbitration' }, seller))).toBe(
      'actor.role_not_allowed',
    );
    expect(c.send({ type: 'record_stage', stage: 'pre_arbitration' }, integration, later).ok).toBe(
      true,
    );
  });

  it('refuses a stage once the processor decided', () => {
    const c = opened();
    c.send({ type: 'record_processor_outcome', outcome: 'won' }, integration);
    const d = c.send({ type: 'record_stage', stage: 'pre_arbitration' }, integration);
    expect(refusedWith(d)).toBe('dispute.wrong_state');
  });

  it('an inquiry is won or escalated, never lost or conceded', () => {
    const { c } = openWith({ stage: 'inquiry' });
    const lost = c.send({ type: 'record_processor_outcome', outcome: 'lost' }, integration);
    expect(refusedWith(lost)).toBe('dispute.wrong_state');
    expect(refusedWith(c.send({ type: 'concede_chargeback' }, seller))).toBe('dispute.wrong_state');
  });

  it("posts the processor's fee when reported, from the seller by default", () => {
    const { c } = openWith({ fee: USD(1_500), reasonCode: '4853' });
    const [opening] = c.events;
    const txs = chargebackTransactions(opening as ChargebackEvent, order);
    expect(txs).toEqual([
      {
        kind: 'chargeback_fee',
        postings: [
          { account: sellerBalance, amount: USD(-1_500) },
          { account: 'processor_fees', amount: USD(1_500) },
        ],
      },
    ]);
    expect(txs.every(isBalanced)).toBe(true);
    expect(c.current.feeBearer).toBe('seller');
  });

  it('posts the fee from platform fees when the policy has the platform bear it', () => {
    const d = decideChargeback(
      { type: 'open_chargeback', chargebackId: CB, order, amount: USD(100), fee: USD(20) },
      undefined,
      integration,
      T0,
      { ...DEFAULT_POLICY, chargebackFeeBearer: 'platform' },
      order.escrowHeld,
      USD(0),
    );
    expect(d.ok).toBe(true);
    const e = (d.ok ? d.events[0] : undefined) as ChargebackEvent;
    expect(chargebackTransactions(e, order)[0]?.postings[0]?.account).toBe('platform_fees');
  });

  it('refuses a fee in another currency or below zero; a zero fee posts nothing', () => {
    expect(refusedWith(openWith({ fee: money(10, 'EUR') }).d)).toBe('money.currency_mismatch');
    expect(refusedWith(openWith({ fee: USD(-1) }).d)).toBe('money.not_positive');
    const { c } = openWith({ fee: USD(0) });
    expect(chargebackTransactions(c.events[0] as ChargebackEvent, order)).toEqual([]);
  });

  it('a partial loss takes only the part lost, escrow first', () => {
    const c = opened(USD(1_000));
    const d = c.send(
      { type: 'record_processor_outcome', outcome: 'lost', amountLost: USD(400) },
      integration,
    );
    expect(d.ok).toBe(true);
    const lost = c.events.at(-1) as ChargebackEvent;
    expect(lost).toMatchObject({ amountLost: USD(400), fromEscrow: USD(400) });
    expect(chargebackTaken(lost)).toBe(400n);
    expect(c.current).toMatchObject({ status: 'lost', amountLost: USD(400) });
  });

  it('refuses a part lost above the amount, of nothing, or with a win', () => {
    for (const amountLost of [USD(1_001), USD(0), money(5, 'EUR')]) {
      const d = opened(USD(1_000)).send(
        { type: 'record_processor_outcome', outcome: 'lost', amountLost },
        integration,
      );
      expect(d.ok).toBe(false);
    }
    const won = opened().send(
      { type: 'record_processor_outcome', outcome: 'won', amountLost: USD(1) },
      integration,
    );
    expect(refusedWith(won)).toBe('input.invalid');
  });

  it('the seller conceding loses at once; the processor confirming it changes nothing', () => {
    const c = opened(USD(700));
    expect(refusedWith(c.send({ type: 'concede_chargeback' }, strangerSeller))).toBe(
      'actor.not_party',
    );
    expect(refusedWith(c.send({ type: 'concede_chargeback' }, buyer))).toBe(
      'actor.role_not_allowed',
    );
    const d = c.send({ type: 'concede_chargeback' }, seller);
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['chargeback_conceded', 'chargeback_lost']);
    expect(c.current).toMatchObject({ status: 'lost', conceded: true });
    expect(isFrozen(c.current)).toBe(false);
    const confirmed = c.send({ type: 'record_processor_outcome', outcome: 'lost' }, integration);
    expect(confirmed.ok && confirmed.events).toEqual([]);
    const won = c.send({ type: 'record_processor_outcome', outcome: 'won' }, integration);
    expect(refusedWith(won)).toBe('dispute.wrong_state');
    expect(refusedWith(c.send({ type: 'concede_chargeback' }, seller))).toBe('dispute.wrong_state');
  });

  it('takes structured defence evidence; its files count as the defence naming evidence', () => {
    const c = opened();
    const d = c.send(
      {
        type: 'submit_defence',
        evidenceIds: [],
        note: '',
        evidence: {
          shippingDocumentation: ['ev-waybill' as EvidenceId],
          shippingCarrier: 'Cainiao',
          shippingTrackingNumber: 'LP0001',
          refundPolicyDisclosure: 'shown at checkout',
        },
      },
      seller,
    );
    expect(d.ok).toBe(true);
    expect(c.current.defence?.evidence?.shippingTrackingNumber).toBe('LP0001');
    expect(defenceFiles([], c.current.defence?.evidence)).toEqual(['ev-waybill']);
    const bare = opened().send(
      { type: 'submit_defence', evidenceIds: [], note: '', evidence: { shippingCarrier: 'x' } },
      seller,
    );
    expect(refusedWith(bare)).toBe('input.invalid');
  });
});
