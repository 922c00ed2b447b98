// Goal: a refund's money moves exactly once on both databases. Concurrent `succeeded` reports
// (and a `succeeded` racing a `failed`) pay it once; the retry deadline fires through the runner
// and asks again; `ledger check` ties every new transaction to its event and counts each refund
// once in the buyer's recovery, owed or paid (a forged owed refund beyond what was paid is
// reported, which the check before refund execution could not see).
import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { type ServiceWorld, serviceWorld } from '../../test/support/service-world.ts';
import {
  type Actor,
  accounts,
  type DisputeId,
  money,
  type OfferId,
  type OrderId,
  REFUND_RETRY_MS,
} from '../domain/index.ts';
import { accountBalance, appendTransaction, checkLedger } from '../store/ledger-store.ts';
import { checkLedgerTies } from './ledger-ties.ts';
import { checkProjections } from './projection-check.ts';

const USD = (minor: number) => money(minor, 'USD');
const integration: Actor = { role: 'integration', id: 'payments' };
const why = (r: { ok: boolean; rejection?: unknown }) => (r.ok ? '' : JSON.stringify(r.rejection));

describeEachDatabase('refund execution', (getStore) => {
  afterEach(async () => {
    const db = getStore().db;
    expect(await checkProjections(getStore())).toEqual([]);
    const ties = await checkLedgerTies(db);
    expect(ties.problems).toEqual([]);
    expect((await checkLedger(db)).ok).toBe(true);
  });

  /** A dispute whose request the seller accepted: refund `<dispute>:refund:1` is owed. */
  async function owed(w: ServiceWorld, amount = 1_500): Promise<{ d: DisputeId; o: OrderId }> {
    const o = await w.newOrder({ amountMinor: 2_000n });
    const d = w.disputeId();
    const opened = await w.service.open(w.buyer, {
      disputeId: d,
      orderId: o,
      reason: 'damaged',
      request: { kind: 'refund', amount: USD(amount) },
      description: 'cracked',
    });
    expect(opened.ok, why(opened)).toBe(true);
    const accepted = await w.service.handle(d, w.seller, {
      type: 'accept_offer',
      offerId: `${d}.request` as OfferId,
    });
    expect(accepted.ok, why(accepted)).toBe(true);
    return { d, o };
  }

  const report = (w: ServiceWorld, d: DisputeId, result: 'succeeded' | 'failed') =>
    w.service.handle(d, integration, {
      type: 'record_refund_result',
      refundId: `${d}:refund:1`,
      result,
    });

  async function payments(d: DisputeId): Promise<number> {
    const rows = await getStore()
      .db.selectFrom('ledger_transactions')
      .select('id')
      .where('dispute_id', '=', d)
      .where('kind', '=', 'refund_payment')
      .execute();
    return rows.length;
  }

  it('pays once when five successes race: one is taken, the others are refused as already paid', async () => {
    const w = await serviceWorld(getStore());
    const { d } = await owed(w);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => report(w, d, 'succeeded')));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r.ok === false && r.rejection.code).toBe('refund.already_succeeded');
    }
    expect(await payments(d)).toBe(1);
    const db = getStore().db;
    expect(await accountBalance(db, accounts.buyerRefundsOwed(w.buyerId), 'USD')).toBe(0n);
    expect(await accountBalance(db, accounts.buyerRefunds(w.buyerId), 'USD')).toBe(1_500n);
  });

  it('pays once when a success races a failure, whichever comes first', async () => {
    const w = await serviceWorld(getStore());
    const { d } = await owed(w);
    const [paid, failed] = await Promise.all([report(w, d, 'succeeded'), report(w, d, 'failed')]);
    expect(paid.ok, why(paid)).toBe(true);
    // A failure after the success is refused; before it, the success still settles it.
    if (!failed.ok) expect(failed.rejection.code).toBe('refund.already_succeeded');
    expect(await payments(d)).toBe(1);
    const loaded = await w.service.get(d);
    expect(loaded?.dispute.refundPayments?.[0]?.status).toBe('succeeded');
  });

  it('the runner asks again once the retry is due, then a success pays it', async () => {
    const w = await serviceWorld(getStore());
    const { d } = await owed(w);
    expect((await report(w, d, 'failed')).ok).toBe(true);
    w.clock.advance(REFUND_RETRY_MS);
    await w.runner.runOnce();
    const loaded = await w.service.get(d);
    expect(loaded?.dispute.refundPayments?.[0]).toMatchObject({ status: 'pending', attempt: 2 });
    expect((await report(w, d, 'succeeded')).ok).toBe(true);
    expect(await payments(d)).toBe(1);
  });

  it('ledger check counts an owed refund in the buyer’s recovery', async () => {
    const w = await serviceWorld(getStore());
    const { o } = await owed(w, 2_000);
    expect((await checkLedger(getStore().db)).ok).toBe(true);
    // Written around the engine: 500 more owed to the buyer on an order fully refunded.
    const forged = `forged-owed:${o}`;
    await appendTransaction(getStore().db, {
      id: forged,
      orderId: o,
      kind: 'refund',
      at: w.clock.current(),
      postings: [
        { account: 'platform_protection_fund', amountMinor: -500n, currency: 'USD' },
        { account: `buyer_refunds_owed:${w.buyerId}`, amountMinor: 500n, currency: 'USD' },
      ],
    });
    const broken = await checkLedger(getStore().db);
    expect(broken.overRecovered).toContainEqual(
      expect.objectContaining({ orderId: o, paidMinor: 2_000n, refundedMinor: 2_500n }),
    );
    const db = getStore().db;
    await db.deleteFrom('ledger_postings').where('transaction_id', '=', forged).execute();
    await db.deleteFrom('ledger_transactions').where('id', '=', forged).execute();
  });
});
