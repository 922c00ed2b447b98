// Goal: on one order the buyer never recovers more than was paid (domain.md), whichever comes
// first: a dispute refund while a chargeback is pending, a chargeback lost after refunds, or a
// dispute refunding after a chargeback took the money (also when the dispute has not yet heard of
// the loss); and `ledger check` reports an order where the ledger says otherwise.
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
import { appendTransaction, checkLedger, orderRecovery } from '../store/ledger-store.ts';
import type { Store } from '../store/store.ts';
import { decideAndWriteChargeback, loadChargeback } from './chargeback-writer.ts';
import { ChargebackService } from './chargebacks.ts';
import { checkProjections } from './projection-check.ts';

const USD = (minor: number) => money(minor, 'USD');
const integration: Actor = { role: 'integration', id: 'marketplace' };
const why = (r: { ok: boolean; rejection?: unknown }) => (r.ok ? '' : JSON.stringify(r.rejection));

interface World extends ServiceWorld {
  readonly store: Store;
  readonly chargebacks: ChargebackService;
  openChargeback(orderId: OrderId, amount: number): Promise<ChargebackId>;
  openDispute(orderId: OrderId, amount: number): Promise<DisputeId>;
  acceptRequest(disputeId: DisputeId): Promise<void>;
  recovered(orderId: OrderId): Promise<bigint>;
}

describeEachDatabase("the buyer's recovery on an order", (getStore) => {
  let n = 0;

  async function world(): Promise<World> {
    const w = await serviceWorld(getStore());
    const store = getStore();
    const chargebacks = new ChargebackService(store, w.clock, w.service);
    return {
      ...w,
      store,
      chargebacks,
      async openChargeback(orderId, amount) {
        n += 1;
        const chargebackId = `cb-cap-${w.sellerId}-${n}` as ChargebackId;
        const opened = await chargebacks.open(integration, {
          chargebackId,
          orderId,
          amount: USD(amount),
        });
        expect(opened.ok, why(opened)).toBe(true);
        return chargebackId;
      },
      async openDispute(orderId, amount) {
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
      async acceptRequest(disputeId) {
        const accepted = await w.service.handle(disputeId, w.seller, {
          type: 'accept_offer',
          offerId: `${disputeId}.request` as OfferId,
        });
        expect(accepted.ok, why(accepted)).toBe(true);
      },
      async recovered(orderId) {
        const r = await orderRecovery(store.db, orderId, 'USD');
        return r.refundedMinor + r.chargedBackMinor;
      },
    };
  }

  afterEach(async () => {
    expect(await checkProjections(getStore())).toEqual([]);
  });

  it('a refund paid while a chargeback is pending is not taken again when the chargeback is lost', async () => {
    const w = await world();
    const orderId = await w.newOrder({ amountMinor: 7_000n });
    const cb = await w.openChargeback(orderId, 7_000);
    await w.acceptRequest(await w.openDispute(orderId, 2_000));
    const lost = await w.chargebacks.recordOutcome(integration, cb, 'lost');
    expect(lost.ok, why(lost)).toBe(true);
    // The 2,000 refund answers that part of the chargeback: the processor takes 5,000.
    expect(lost.ok && lost.events[0]).toMatchObject({
      type: 'chargeback_lost',
      fromEscrow: USD(5_000),
      fromSellerBalance: USD(0),
      alreadyRecovered: USD(2_000),
    });
    expect(await w.recovered(orderId)).toBe(7_000n);
    const ledger = await checkLedger(w.store.db);
    expect(ledger.overRecovered).toEqual([]);
    expect(ledger.ok).toBe(true);
  });

  it('a chargeback lost after the buyer was refunded in full moves no money', async () => {
    const w = await world();
    const orderId = await w.newOrder({ amountMinor: 7_000n });
    const cb = await w.openChargeback(orderId, 3_000);
    await w.acceptRequest(await w.openDispute(orderId, 7_000));
    expect((await w.chargebacks.recordOutcome(integration, cb, 'lost')).ok).toBe(true);
    expect(await w.recovered(orderId)).toBe(7_000n);
    const tx = await w.store.db
      .selectFrom('ledger_transactions')
      .select('id')
      .where('id', '=', `chargeback:${cb}:lost`)
      .executeTakeFirst();
    expect(tx).toBeUndefined();
    expect((await checkLedger(w.store.db)).ok).toBe(true);
  });

  it('a dispute cannot refund what a lost chargeback already took, nor open for it', async () => {
    const w = await world();
    const orderId = await w.newOrder({ amountMinor: 7_000n });
    const disputeId = await w.openDispute(orderId, 7_000);
    const cb = await w.openChargeback(orderId, 7_000);
    expect((await w.chargebacks.recordOutcome(integration, cb, 'lost')).ok).toBe(true);
    // The loss closed the dispute: the card already gave it all back, nothing is left to agree.
    const dispute = (await w.service.get(disputeId))?.dispute;
    expect(dispute?.status).toBe('resolved');
    expect(dispute?.resolution).toMatchObject({ how: 'chargeback', refunded: USD(0) });
    const accepted = await w.service.handle(disputeId, w.seller, {
      type: 'accept_offer',
      offerId: `${disputeId}.request` as OfferId,
    });
    expect(!accepted.ok && accepted.rejection.code).toBe('dispute.wrong_state');
    expect(await w.recovered(orderId)).toBe(7_000n);
    // A later dispute on the order has nothing left to ask for.
    const again = await w.service.open(w.buyer, {
      disputeId: w.disputeId(),
      orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: USD(1) },
      description: 'still cracked',
    });
    expect(!again.ok && again.rejection.code).toBe('money.exceeds_refundable');
    expect((await checkLedger(w.store.db)).ok).toBe(true);
  });

  it('a dispute that has not yet heard of a lost chargeback catches up before it refunds', async () => {
    const w = await world();
    const orderId = await w.newOrder({ amountMinor: 7_000n });
    const disputeId = await w.openDispute(orderId, 2_000);
    const cb = await w.openChargeback(orderId, 6_000);
    // The loss commits, and the holds it would send to the order's disputes are not sent yet.
    const lost = await w.store.db.transaction().execute(async (trx) =>
      decideAndWriteChargeback(trx, await loadChargeback(trx, cb), {
        actor: integration,
        command: { type: 'record_processor_outcome', outcome: 'lost' },
        now: w.clock.current(),
      }),
    );
    expect(lost.ok, why(lost)).toBe(true);
    expect((await w.service.get(disputeId))?.dispute.chargebacksTakenMinor ?? 0n).toBe(0n);
    await w.acceptRequest(disputeId);
    const dispute = (await w.service.get(disputeId))?.dispute;
    expect(dispute?.chargebacksTakenMinor).toBe(6_000n);
    expect(dispute?.resolution?.refunded).toEqual(USD(1_000));
    expect(await w.recovered(orderId)).toBe(7_000n);
    expect((await checkLedger(w.store.db)).ok).toBe(true);
  });

  it('ledger check reports an order whose buyer recovered more than was paid', async () => {
    const w = await world();
    const orderId = await w.newOrder({ amountMinor: 7_000n });
    const cb = await w.openChargeback(orderId, 7_000);
    expect((await w.chargebacks.recordOutcome(integration, cb, 'lost')).ok).toBe(true);
    expect((await checkLedger(w.store.db)).ok).toBe(true);
    // Written around the engine: a balanced refund of 2,000 on top of the 7,000 charged back.
    await appendTransaction(w.store.db, {
      id: `forged-refund:${orderId}`,
      orderId,
      kind: 'refund',
      at: w.clock.current(),
      postings: [
        { account: 'platform_protection_fund', amountMinor: -2_000n, currency: 'USD' },
        { account: `buyer_refunds:${w.buyerId}`, amountMinor: 2_000n, currency: 'USD' },
      ],
    });
    const report = await checkLedger(w.store.db);
    expect(report.unbalanced).toEqual([]);
    expect(report.ok).toBe(false);
    expect(report.overRecovered).toContainEqual({
      orderId,
      currency: 'USD',
      paidMinor: 7_000n,
      refundedMinor: 2_000n,
      chargedBackMinor: 7_000n,
    });
    // Leave the shared database as the other tests expect it: balanced and within the cap.
    await w.store.db
      .deleteFrom('ledger_postings')
      .where('transaction_id', '=', `forged-refund:${orderId}`)
      .execute();
    await w.store.db
      .deleteFrom('ledger_transactions')
      .where('id', '=', `forged-refund:${orderId}`)
      .execute();
    expect((await checkLedger(w.store.db)).ok).toBe(true);
  });
});
