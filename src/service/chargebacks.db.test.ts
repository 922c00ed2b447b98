// Goal: a chargeback freezes its order's escrow (a ruled dispute whose appeal window closes
// releases nothing) until the processor decides; lost moves the money to processor_chargebacks,
// from escrow first and then the seller's balance, in the transaction that records it; won moves
// nothing and lifts the hold; the defence window closes by the runner; every write balanced.
import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { type ServiceWorld, serviceWorld } from '../../test/support/service-world.ts';
import {
  type Actor,
  type ChargebackId,
  DAY_MS,
  DEFAULT_POLICY,
  type DisputeId,
  type EvidenceId,
  money,
  type OfferId,
  type OrderId,
} from '../domain/index.ts';
import { accountBalance, checkLedger } from '../store/ledger-store.ts';
import type { Store } from '../store/store.ts';
import { ChargebackService } from './chargebacks.ts';
import { checkProjections } from './projection-check.ts';

const USD = (minor: number) => money(minor, 'USD');
const integration: Actor = { role: 'integration', id: 'marketplace' };
const PROCESSOR = 'processor_chargebacks';
const why = (r: { ok: boolean; rejection?: unknown }) => (r.ok ? '' : JSON.stringify(r.rejection));

interface World extends ServiceWorld {
  readonly store: Store;
  readonly chargebacks: ChargebackService;
  balance(account: string): Promise<bigint>;
  open(orderId: OrderId, amount: number): Promise<ChargebackId>;
}

describeEachDatabase('chargeback service', (getStore) => {
  let n = 0;

  async function world(): Promise<World> {
    const w = await serviceWorld(getStore());
    const store = getStore();
    const chargebacks = new ChargebackService(store, w.clock, w.service);
    return {
      ...w,
      store,
      chargebacks,
      balance: (account) => accountBalance(store.db, account, 'USD'),
      async open(orderId, amount) {
        n += 1;
        const chargebackId = `cb-${w.sellerId}-${n}` as ChargebackId;
        const opened = await chargebacks.open(integration, {
          chargebackId,
          orderId,
          amount: USD(amount),
        });
        expect(opened.ok, why(opened)).toBe(true);
        return chargebackId;
      },
    };
  }

  /** A dispute the arbitrator ruled (500 refunded from escrow), its appeal window open. */
  async function ruled(w: World, orderId: OrderId): Promise<DisputeId> {
    const id = w.disputeId();
    const opened = await w.service.open(w.buyer, {
      disputeId: id,
      orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: USD(500) },
      description: 'cracked',
    });
    expect(opened.ok).toBe(true);
    await w.service.handle(id, w.seller, {
      type: 'reject_offer',
      offerId: `${id}.request` as OfferId,
      reason: 'packed well',
      counter: {
        offerId: `${id}.c` as OfferId,
        terms: { kind: 'refund', amount: USD(100) },
        note: '',
      },
    });
    await w.service.handle(id, w.buyer, { type: 'escalate', note: 'no' });
    const ruling = await w.service.handle(id, w.arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(500) },
        responsibility: 'seller',
        reasonCode: 'damaged',
        note: '',
      },
    });
    expect(ruling.ok && ruling.dispute.status).toBe('resolved');
    return id;
  }

  const frozen = async (w: World, id: DisputeId) => (await w.service.get(id))?.dispute.escrowFrozen;

  afterEach(async () => {
    expect(await checkProjections(getStore())).toEqual([]);
    const ledger = await checkLedger(getStore().db);
    expect(ledger.ok).toBe(true);
    // No escrow is ever overdrawn, whatever took from it.
    const overdrawn = ledger.balances.filter(
      (b) => b.account.startsWith('order_escrow:') && b.balanceMinor < 0n,
    );
    expect(overdrawn).toEqual([]);
  });

  it('freezes escrow: the appeal window closing releases nothing until the processor decides', async () => {
    const w = await world();
    const orderId = await w.newOrder();
    const disputeId = await ruled(w, orderId);
    const escrow = `order_escrow:${orderId}`;
    expect(await w.balance(escrow)).toBe(1_500n);
    const cb = await w.open(orderId, 1_000);
    expect(await frozen(w, disputeId)).toBe(true);
    w.clock.advance(DEFAULT_POLICY.appealMs + DAY_MS);
    await w.runner.drain();
    expect((await w.service.get(disputeId))?.dispute.final).toBe(true);
    expect(await w.balance(escrow)).toBe(1_500n); // held despite the closed appeal window
    const won = await w.chargebacks.recordOutcome(integration, cb, 'won');
    expect(won.ok && won.chargeback.status).toBe('won');
    // Won moves nothing to the processor; lifting the hold releases what was due.
    expect(await frozen(w, disputeId)).toBe(false);
    expect(await w.balance(PROCESSOR)).toBe(0n);
    expect(await w.balance(escrow)).toBe(0n);
    expect(await w.balance(`seller_balance:${w.sellerId}`)).toBe(1_500n);
  });

  it('holds the escrow of a dispute opened while a chargeback is undecided', async () => {
    const w = await world();
    const orderId = await w.newOrder();
    const cb = await w.open(orderId, 1_000);
    // Opened after the chargeback: the chargeback's own hold never reached it.
    const disputeId = await ruled(w, orderId);
    expect(await frozen(w, disputeId)).toBe(true);
    const events = (await w.service.events(disputeId)).map((e) => e.type);
    expect(events.slice(0, 2)).toEqual(['dispute_opened', 'escrow_hold_changed']);
    w.clock.advance(DEFAULT_POLICY.appealMs + DAY_MS);
    await w.runner.drain();
    expect(await w.balance(`order_escrow:${orderId}`)).toBe(1_500n);
    expect((await w.chargebacks.recordOutcome(integration, cb, 'won')).ok).toBe(true);
    expect(await frozen(w, disputeId)).toBe(false);
    expect(await w.balance(`order_escrow:${orderId}`)).toBe(0n);
  });

  it('converges when two chargebacks of one order are decided at once', async () => {
    const w = await world();
    const orderId = await w.newOrder();
    const disputeId = await ruled(w, orderId);
    const [first, second] = [await w.open(orderId, 400), await w.open(orderId, 300)];
    expect(await frozen(w, disputeId)).toBe(true);
    const outcomes = await Promise.all([
      w.chargebacks.recordOutcome(integration, first, 'won'),
      w.chargebacks.recordOutcome(integration, second, 'lost'),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    // Neither is undecided any more, whichever hold was worked out last.
    expect(await frozen(w, disputeId)).toBe(false);
  });

  it('lost takes the amount from escrow into processor_chargebacks, in one transaction', async () => {
    const w = await world();
    const orderId = await w.newOrder();
    const cb = await w.open(orderId, 1_200);
    const lost = await w.chargebacks.recordOutcome(integration, cb, 'lost');
    expect(lost.ok && lost.chargeback.status).toBe('lost');
    expect(await w.balance(`order_escrow:${orderId}`)).toBe(800n);
    const before = await w.balance(PROCESSOR);
    expect(before).toBeGreaterThanOrEqual(1_200n);
    const tx = await w.store.db
      .selectFrom('ledger_transactions')
      .select(['id', 'kind', 'order_id'])
      .where('id', '=', `chargeback:${cb}:lost`)
      .executeTakeFirst();
    expect(tx).toEqual({ id: `chargeback:${cb}:lost`, kind: 'chargeback', order_id: orderId });
    // The row and its events moved in the same write.
    const row = await w.store.db
      .selectFrom('chargebacks')
      .select(['status', 'version', 'events'])
      .where('id', '=', cb)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('lost');
    expect(row.version).toBe(2);
    expect((row.events as { event: { type: string } }[]).map((e) => e.event.type)).toEqual([
      'chargeback_opened',
      'chargeback_lost',
    ]);
  });

  it('lost after the escrow was released takes the rest from the seller balance', async () => {
    const w = await world();
    const orderId = await w.newOrder();
    const disputeId = w.disputeId();
    await w.service.open(w.buyer, {
      disputeId,
      orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: USD(500) },
      description: 'cracked',
    });
    // The seller agrees at once: final, so the rest of escrow (1500) goes to the seller.
    await w.service.handle(disputeId, w.seller, {
      type: 'accept_offer',
      offerId: `${disputeId}.request` as OfferId,
    });
    const sellerBalance = `seller_balance:${w.sellerId}`;
    expect(await w.balance(`order_escrow:${orderId}`)).toBe(0n);
    expect(await w.balance(sellerBalance)).toBe(1_500n);
    const processorBefore = await w.balance(PROCESSOR);
    const cb = await w.open(orderId, 1_500);
    expect(await frozen(w, disputeId)).toBe(true);
    expect((await w.chargebacks.recordOutcome(integration, cb, 'lost')).ok).toBe(true);
    expect(await w.balance(`order_escrow:${orderId}`)).toBe(0n);
    expect(await w.balance(sellerBalance)).toBe(0n);
    expect((await w.balance(PROCESSOR)) - processorBefore).toBe(1_500n);
    // Nothing was left in escrow, so lifting the hold is safe and releases nothing.
    expect(await frozen(w, disputeId)).toBe(false);
  });

  it('lifts the hold after a loss without releasing the money the processor took', async () => {
    const w = await world();
    const orderId = await w.newOrder();
    const disputeId = await ruled(w, orderId);
    const cb = await w.open(orderId, 1_500);
    expect((await w.chargebacks.recordOutcome(integration, cb, 'lost')).ok).toBe(true);
    w.clock.advance(DEFAULT_POLICY.appealMs + DAY_MS);
    await w.runner.drain();
    // The dispute re-bases its escrow on the ledger when the hold lifts: the 1500 is gone.
    expect(await frozen(w, disputeId)).toBe(false);
    expect(await w.balance(`order_escrow:${orderId}`)).toBe(0n);
    expect(await w.balance(`seller_balance:${w.sellerId}`)).toBe(0n);
  });

  it('takes the defence before the due date, and lapses it by the runner after', async () => {
    const w = await world();
    const orderId = await w.newOrder();
    const disputeId = await ruled(w, orderId);
    const evidence = {
      id: 'ev-seller-1' as EvidenceId,
      kind: 'tracking_proof' as const,
      findings: [],
      sha256: 'b'.repeat(64),
      mediaType: 'image/jpeg',
      bytes: 2_048,
      fileName: 'pod.jpg',
      note: '',
      arbitratorOnly: false,
    };
    // Evidence added while the appeal is possible; the appeal flow does not matter here.
    const added = await w.service.handle(disputeId, w.seller, { type: 'add_evidence', evidence });
    expect(added.ok, why(added)).toBe(true);
    const defended = await w.open(orderId, 100);
    const unknown = await w.chargebacks.submitDefence(w.seller, defended, {
      evidenceIds: [evidence.id, 'ev-nope' as EvidenceId],
      note: 'signed for',
    });
    expect(!unknown.ok && unknown.rejection).toMatchObject({
      code: 'chargeback.evidence_unknown',
      detail: { unknown: 'ev-nope' },
    });
    const stranger: Actor = { role: 'seller', id: 'someone-else' as never };
    const foreign = await w.chargebacks.submitDefence(stranger, defended, {
      evidenceIds: [evidence.id],
      note: '',
    });
    expect(!foreign.ok && foreign.rejection.code).toBe('actor.not_party');
    const ok = await w.chargebacks.submitDefence(w.seller, defended, {
      evidenceIds: [evidence.id],
      note: 'signed for',
    });
    expect(ok.ok && ok.chargeback.status).toBe('defended');
    expect(ok.ok && ok.chargeback.defence?.evidenceIds).toEqual([evidence.id]);

    const late = await w.open(orderId, 100);
    w.clock.advance(DEFAULT_POLICY.chargebackDefenceMs);
    const closed = await w.chargebacks.submitDefence(w.seller, late, {
      evidenceIds: [evidence.id],
      note: '',
    });
    expect(!closed.ok && closed.rejection.code).toBe('deadline.not_pending');
    expect(await w.runner.drain()).toBeGreaterThanOrEqual(1);
    expect((await w.chargebacks.get(late))?.chargeback.status).toBe('defence_lapsed');
    expect((await w.chargebacks.get(defended))?.chargeback.status).toBe('defended');
    // A lapsed defence still waits for the processor: the escrow stays frozen.
    expect(await frozen(w, disputeId)).toBe(true);
    expect(await w.chargebacks.fireDue(w.clock.current())).toBe(0);
  });

  it('refuses a second outcome, and amounts above what was paid and not refunded', async () => {
    const w = await world();
    const orderId = await w.newOrder();
    await ruled(w, orderId); // 500 of 2000 refunded
    const tooMuch = await w.chargebacks.open(integration, {
      chargebackId: 'cb-too-much' as ChargebackId,
      orderId,
      amount: USD(1_501),
    });
    expect(!tooMuch.ok && tooMuch.rejection.code).toBe('money.exceeds_refundable');
    const cb = await w.open(orderId, 1_000);
    // An earlier chargeback claims its part too.
    const second = await w.chargebacks.open(integration, {
      chargebackId: 'cb-second' as ChargebackId,
      orderId,
      amount: USD(501),
    });
    expect(!second.ok && second.rejection.code).toBe('money.exceeds_refundable');
    const again = await w.chargebacks.open(integration, {
      chargebackId: cb,
      orderId,
      amount: USD(10),
    });
    expect(!again.ok && again.rejection.code).toBe('chargeback.already_exists');
    expect((await w.chargebacks.recordOutcome(integration, cb, 'won')).ok).toBe(true);
    const twice = await w.chargebacks.recordOutcome(integration, cb, 'lost');
    expect(!twice.ok && twice.rejection.code).toBe('chargeback.wrong_state');
    const missing = await w.chargebacks.recordOutcome(integration, 'cb-x' as ChargebackId, 'won');
    expect(!missing.ok && missing.rejection.code).toBe('chargeback.not_found');
    const noOrder = await w.chargebacks.open(integration, {
      chargebackId: 'cb-no-order' as ChargebackId,
      orderId: 'order-none' as OrderId,
      amount: USD(1),
    });
    expect(!noOrder.ok && noOrder.rejection.code).toBe('order.not_found');
  });

  it('enqueues chargeback.updated for every change', async () => {
    const w = await world();
    const orderId = await w.newOrder();
    const cb = await w.open(orderId, 300);
    await w.chargebacks.recordOutcome(integration, cb, 'won');
    const messages = await w.store.db
      .selectFrom('outbox')
      .select(['topic', 'payload'])
      .where('aggregate_id', '=', cb)
      .orderBy('id')
      .execute();
    expect(messages.map((m) => m.topic)).toEqual(['chargeback.updated', 'chargeback.updated']);
    expect(messages.map((m) => (m.payload as { status: string }).status)).toEqual([
      'awaiting_defence',
      'won',
    ]);
  });
});
