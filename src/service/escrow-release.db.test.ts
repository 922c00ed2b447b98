// Goal: an order's escrow reaches the seller once the order is completed and its protection
// window has passed, exactly once, by the deadline runner; never while a dispute is still
// deciding (the dispute releases what is left itself) or a chargeback is undecided; and after a
// cancelled dispute, the order releases it. On both databases, the ledger balanced throughout.
import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { type ServiceWorld, serviceWorld, WORLD_T0 } from '../../test/support/service-world.ts';
import {
  type Actor,
  type ChargebackId,
  DAY_MS,
  DEFAULT_POLICY,
  type DisputeId,
  money,
  type OfferId,
  type OrderId,
} from '../domain/index.ts';
import { accountBalance, checkLedger } from '../store/ledger-store.ts';
import { ChargebackService } from './chargebacks.ts';
import { checkProjections } from './projection-check.ts';

const USD = (minor: number) => money(minor, 'USD');
/** serviceWorld completes its orders two days before WORLD_T0. */
const WINDOW_ENDS = WORLD_T0 - 2 * DAY_MS + DEFAULT_POLICY.openAfterCompletionMs;

describeEachDatabase('order escrow release', (getStore) => {
  afterEach(async () => {
    expect(await checkProjections(getStore())).toEqual([]);
    expect((await checkLedger(getStore().db)).ok).toBe(true);
  });

  const balance = (account: string) => accountBalance(getStore().db, account, 'USD');
  const escrow = (orderId: OrderId) => balance(`order_escrow:${orderId}`);
  const moveTo = async (w: ServiceWorld, at: number) => {
    w.clock.advance(at - w.clock.current());
    await w.runner.drain();
  };
  const releases = async (orderId: OrderId) =>
    (
      await getStore()
        .db.selectFrom('ledger_transactions')
        .select('id')
        .where('order_id', '=', orderId)
        .where('kind', '=', 'release')
        .execute()
    ).map((r) => r.id);

  async function open(w: ServiceWorld, orderId: OrderId): Promise<DisputeId> {
    const disputeId = w.disputeId();
    const opened = await w.service.open(w.buyer, {
      disputeId,
      orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: USD(500) },
      description: 'cracked',
    });
    expect(opened.ok).toBe(true);
    return disputeId;
  }

  it('releases an undisputed order to the seller when its window closes, once', async () => {
    const w = await serviceWorld(getStore());
    const orderId = await w.newOrder();
    await moveTo(w, WINDOW_ENDS - 1);
    expect(await escrow(orderId)).toBe(2_000n);
    await moveTo(w, WINDOW_ENDS);
    expect(await escrow(orderId)).toBe(0n);
    expect(await balance(`seller_balance:${w.sellerId}`)).toBe(2_000n);
    await moveTo(w, WINDOW_ENDS + 30 * DAY_MS);
    expect(await releases(orderId)).toEqual([`escrow_release:${orderId}`]);
  });

  it('leaves the escrow to a dispute still deciding, which releases what is left itself', async () => {
    const w = await serviceWorld(getStore());
    const orderId = await w.newOrder();
    const disputeId = await open(w, orderId);
    // The seller counters, the buyer escalates: arbitration outlasts the protection window.
    await w.service.handle(disputeId, w.seller, {
      type: 'reject_offer',
      offerId: `${disputeId}.request` as OfferId,
      reason: 'packed well',
      counter: {
        offerId: `${disputeId}.c` as OfferId,
        terms: { kind: 'refund', amount: USD(100) },
        note: '',
      },
    });
    const escalated = await w.service.handle(disputeId, w.buyer, { type: 'escalate', note: 'no' });
    expect(escalated.ok).toBe(true);
    await moveTo(w, WINDOW_ENDS + DAY_MS);
    expect(await escrow(orderId)).toBe(2_000n);
    const ruled = await w.service.handle(disputeId, w.arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(500) },
        responsibility: 'seller',
        reasonCode: 'damaged',
        note: '',
      },
    });
    expect(ruled.ok).toBe(true);
    await moveTo(w, w.clock.current() + DEFAULT_POLICY.appealMs + DAY_MS);
    expect(await escrow(orderId)).toBe(0n);
    expect(await balance(`seller_balance:${w.sellerId}`)).toBe(1_500n);
    // The dispute released it: the order found nothing left to release.
    const released = await releases(orderId);
    expect(released).toHaveLength(1);
    expect(released[0]?.startsWith(`${disputeId}:`)).toBe(true);
  });

  it('releases after a cancelled dispute, and waits for an undecided chargeback', async () => {
    const w = await serviceWorld(getStore());
    const cancelledOrder = await w.newOrder();
    const disputeId = await open(w, cancelledOrder);
    await w.service.handle(disputeId, w.buyer, { type: 'cancel', reason: 'arrived fine' });
    const heldOrder = await w.newOrder();
    const chargebacks = new ChargebackService(getStore(), w.clock, w.service);
    const integration: Actor = { role: 'integration', id: 'marketplace' };
    const chargebackId = `cb-${heldOrder}` as ChargebackId;
    const opened = await chargebacks.open(integration, {
      chargebackId,
      orderId: heldOrder,
      amount: USD(300),
    });
    expect(opened.ok).toBe(true);

    await moveTo(w, WINDOW_ENDS + DAY_MS);
    expect(await escrow(cancelledOrder)).toBe(0n);
    expect(await escrow(heldOrder)).toBe(2_000n);

    expect((await chargebacks.recordOutcome(integration, chargebackId, 'won')).ok).toBe(true);
    await moveTo(w, w.clock.current() + 2 * 60 * 60 * 1000);
    expect(await escrow(heldOrder)).toBe(0n);
    expect(await balance(`seller_balance:${w.sellerId}`)).toBe(4_000n);
  });
});
