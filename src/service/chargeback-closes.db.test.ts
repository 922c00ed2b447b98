// Goal: a chargeback decided against the seller (lost, partly lost, conceded) closes each open
// dispute of its order: resolved by 'chargeback', no refund moved by the dispute, escrow left as
// the ledger has it (what is left goes to the seller on a completed order), dispute.resolved
// enqueued. A won chargeback only lifts the hold; a dispute past its ruling only takes the hold.
import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { type ServiceWorld, serviceWorld } from '../../test/support/service-world.ts';
import {
  type Actor,
  type ChargebackId,
  type DisputeId,
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
const why = (r: { ok: boolean; rejection?: unknown }) => (r.ok ? '' : JSON.stringify(r.rejection));

interface World extends ServiceWorld {
  readonly store: Store;
  readonly chargebacks: ChargebackService;
  open(orderId: OrderId, amount: number): Promise<ChargebackId>;
  dispute(orderId: OrderId, amount: number): Promise<DisputeId>;
  eventTypes(id: DisputeId): Promise<string[]>;
  topics(id: DisputeId): Promise<string[]>;
}

describeEachDatabase('a chargeback closing disputes', (getStore) => {
  let n = 0;

  async function world(): Promise<World> {
    const w = await serviceWorld(getStore());
    const store = getStore();
    const chargebacks = new ChargebackService(store, w.clock, w.service);
    return {
      ...w,
      store,
      chargebacks,
      async open(orderId, amount) {
        n += 1;
        const chargebackId = `cb-close-${w.sellerId}-${n}` as ChargebackId;
        const opened = await chargebacks.open(integration, {
          chargebackId,
          orderId,
          amount: USD(amount),
        });
        expect(opened.ok, why(opened)).toBe(true);
        return chargebackId;
      },
      async dispute(orderId, amount) {
        const disputeId = w.disputeId();
        const opened = await w.service.open(w.buyer, {
          disputeId,
          orderId,
          reason: 'damaged',
          request: { kind: 'refund', amount: USD(amount) },
          description: 'cracked',
        });
        expect(opened.ok, why(opened)).toBe(true);
        return disputeId;
      },
      async eventTypes(id) {
        const rows = await store.db
          .selectFrom('dispute_events')
          .select('type')
          .where('dispute_id', '=', id)
          .orderBy('seq')
          .execute();
        return rows.map((r) => r.type);
      },
      async topics(id) {
        const rows = await store.db
          .selectFrom('outbox')
          .select('topic')
          .where('aggregate_id', '=', id)
          .orderBy('id')
          .execute();
        return rows.map((r) => r.topic);
      },
    };
  }

  afterEach(async () => {
    expect(await checkProjections(getStore())).toEqual([]);
    const ledger = await checkLedger(getStore().db);
    expect(ledger.ok).toBe(true);
    expect(ledger.overRecovered).toEqual([]);
  });

  /** The seller refuses with a counter-offer and the buyer escalates. */
  async function escalate(w: World, id: DisputeId): Promise<void> {
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
    const escalated = await w.service.handle(id, w.buyer, { type: 'escalate', note: 'no' });
    expect(escalated.ok && escalated.dispute.status, why(escalated)).toBe('in_arbitration');
  }

  const escrow = (w: World, orderId: OrderId) =>
    accountBalance(w.store.db, `order_escrow:${orderId}`, 'USD');

  it('a lost chargeback closes a negotiating dispute: no refund, the rest released', async () => {
    const w = await world();
    const orderId = await w.newOrder({ amountMinor: 7_000n });
    const disputeId = await w.dispute(orderId, 7_000);
    const cb = await w.open(orderId, 7_000);
    const lost = await w.chargebacks.recordOutcome(integration, cb, 'lost');
    expect(lost.ok, why(lost)).toBe(true);
    const d = (await w.service.get(disputeId))?.dispute;
    expect(d?.status).toBe('resolved');
    expect(d?.final).toBe(true);
    expect(d?.escrowFrozen).toBe(false);
    expect(d?.resolution).toMatchObject({ how: 'chargeback', refunded: USD(0) });
    expect(d?.chargebacksTakenMinor).toBe(7_000n);
    const types = await w.eventTypes(disputeId);
    expect(types).toContain('dispute_closed_by_chargeback');
    expect(types).not.toContain('refund_issued');
    expect(await w.topics(disputeId)).toContain('dispute.resolved');
    expect(await escrow(w, orderId)).toBe(0n);
    // Sending it again (a retried request converging) changes nothing.
    const before = types.length;
    await w.chargebacks.converge(cb);
    expect((await w.eventTypes(disputeId)).length).toBe(before);
  });

  it('a partial loss closes a dispute in arbitration; the seller gets what is left', async () => {
    const w = await world();
    const orderId = await w.newOrder({ amountMinor: 7_000n });
    const disputeId = await w.dispute(orderId, 7_000);
    await escalate(w, disputeId);
    const cb = await w.open(orderId, 7_000);
    const lost = await w.chargebacks.recordOutcome(integration, cb, 'lost', undefined, USD(3_000));
    expect(lost.ok, why(lost)).toBe(true);
    const d = (await w.service.get(disputeId))?.dispute;
    expect(d?.status).toBe('resolved');
    expect(d?.resolution?.how).toBe('chargeback');
    const closed = (await w.service.events(disputeId)).find(
      (e) => e.type === 'dispute_closed_by_chargeback',
    );
    expect(closed).toMatchObject({ outcome: 'partially_lost', amountLostMinor: 3_000n });
    // The chargeback took 3,000; the order is completed, so the 4,000 left goes to the seller.
    expect(d?.escrowHeldMinor).toBe(0n);
    expect(await escrow(w, orderId)).toBe(0n);
    expect(await accountBalance(w.store.db, `seller_balance:${w.sellerId}`, 'USD')).toBe(4_000n);
  });

  it('a conceded chargeback closes a dispute awaiting its return', async () => {
    const w = await world();
    const orderId = await w.newOrder({ amountMinor: 7_000n });
    const disputeId = w.disputeId();
    const opened = await w.service.open(w.buyer, {
      disputeId,
      orderId,
      reason: 'damaged',
      request: { kind: 'return_and_refund', amount: USD(7_000), postagePaidBy: 'seller' },
      description: 'cracked',
    });
    expect(opened.ok, why(opened)).toBe(true);
    const accepted = await w.service.handle(disputeId, w.seller, {
      type: 'accept_offer',
      offerId: `${disputeId}.request` as OfferId,
    });
    expect(accepted.ok, why(accepted)).toBe(true);
    expect(accepted.ok && accepted.dispute.status).not.toBe('resolved');
    const cb = await w.open(orderId, 7_000);
    expect((await w.chargebacks.concede(w.seller, cb)).ok).toBe(true);
    const d = (await w.service.get(disputeId))?.dispute;
    expect(d?.status).toBe('resolved');
    expect(d?.stageDueAt).toBeUndefined();
    const closed = (await w.service.events(disputeId)).find(
      (e) => e.type === 'dispute_closed_by_chargeback',
    );
    expect(closed).toMatchObject({ outcome: 'conceded', amountLostMinor: 7_000n });
  });

  it('a won chargeback lifts the hold and the dispute goes on', async () => {
    const w = await world();
    const orderId = await w.newOrder({ amountMinor: 7_000n });
    const disputeId = await w.dispute(orderId, 2_000);
    const cb = await w.open(orderId, 7_000);
    expect((await w.service.get(disputeId))?.dispute.escrowFrozen).toBe(true);
    expect((await w.chargebacks.recordOutcome(integration, cb, 'won')).ok).toBe(true);
    const d = (await w.service.get(disputeId))?.dispute;
    expect(d?.status).toBe('negotiating');
    expect(d?.escrowFrozen).toBe(false);
    expect(await w.eventTypes(disputeId)).not.toContain('dispute_closed_by_chargeback');
  });

  it('a ruled dispute in its appeal window is not closed: it only takes the hold', async () => {
    const w = await world();
    const orderId = await w.newOrder({ amountMinor: 7_000n });
    const disputeId = await w.dispute(orderId, 500);
    await escalate(w, disputeId);
    const ruled = await w.service.handle(disputeId, w.arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(500) },
        responsibility: 'seller',
        reasonCode: 'damaged',
        note: '',
      },
    });
    expect(ruled.ok && ruled.dispute.appealDueAt).toBeDefined();
    const cb = await w.open(orderId, 1_000);
    expect((await w.chargebacks.recordOutcome(integration, cb, 'lost')).ok).toBe(true);
    const d = (await w.service.get(disputeId))?.dispute;
    expect(d?.resolution?.how).toBe('arbitration');
    expect(d?.final).toBe(false);
    expect(d?.escrowFrozen).toBe(false);
    expect(d?.chargebacksTakenMinor).toBe(1_000n);
    expect(await w.eventTypes(disputeId)).not.toContain('dispute_closed_by_chargeback');
  });
});
