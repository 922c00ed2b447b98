// Goal: an order's escrow is paid out at most once and never goes below zero (domain.md), when
// two disputes of one order each hold their own figure of it: a dispute resolved with its appeal
// window open while a second dispute settles, both due in one runner batch, an appeal refunding
// after the other dispute released (the seller's balance pays) or refunded (the buyer never
// recovers more than was paid), the order-level release waiting for a ruling's appeal window;
// and `ledger check` reports an escrow below zero.
import { afterEach, expect, it } from 'vitest';
import { evidence } from '../../test/harness/fixtures.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { type ServiceWorld, serviceWorld } from '../../test/support/service-world.ts';
import {
  accounts,
  DAY_MS,
  type DisputeId,
  type EvidenceId,
  money,
  type OfferId,
  type OrderId,
} from '../domain/index.ts';
import { accountBalance, appendTransaction, checkLedger } from '../store/ledger-store.ts';
import type { Store } from '../store/store.ts';
import type { Written } from './dispute-writer.ts';
import { checkProjections } from './projection-check.ts';

const USD = (minor: number) => money(minor, 'USD');
const PAID = 7_000;
const why = (r: { ok: boolean; rejection?: unknown }) => (r.ok ? '' : JSON.stringify(r.rejection));

interface World extends ServiceWorld {
  readonly store: Store;
  readonly orderId: OrderId;
  open(amount: number): Promise<DisputeId>;
  ruleNoRefund(id: DisputeId): Promise<void>;
  accept(id: DisputeId): Promise<void>;
  appealAndRefund(id: DisputeId, amount: number): Promise<void>;
  appeal(id: DisputeId): Promise<void>;
  overturn(id: DisputeId, amount: number): Promise<Written>;
  money(): Promise<{ escrow: bigint; seller: bigint; buyer: bigint }>;
}

describeEachDatabase('an order escrow with two disputes', (getStore) => {
  async function world(): Promise<World> {
    const store = getStore();
    const w = await serviceWorld(store);
    const orderId = await w.newOrder({ amountMinor: BigInt(PAID) });
    const must = (r: { ok: boolean; rejection?: unknown }) => expect(r.ok, why(r)).toBe(true);
    const appeal = async (id: DisputeId) => {
      const evidenceId = `ev-${id}` as EvidenceId;
      must(
        await w.service.handle(id, w.buyer, {
          type: 'add_evidence',
          evidence: evidence({ id: evidenceId, sha256: 'c'.repeat(64), fileName: 'new.jpg' }),
        }),
      );
      must(
        await w.service.handle(id, w.buyer, {
          type: 'appeal',
          note: 'new photos of the damage',
          evidenceIds: [evidenceId],
        }),
      );
    };
    const overturn = (id: DisputeId, amount: number) =>
      w.service.handle(id, w.arbitrator2, {
        type: 'decide_appeal',
        decision: 'overturned',
        ruling: {
          outcome: { kind: 'refund', amount: USD(amount) },
          responsibility: 'seller',
          reasonCode: 'r',
          note: '',
        },
      });
    return {
      ...w,
      store,
      orderId,
      async open(amount) {
        const disputeId = w.disputeId();
        must(
          await w.service.open(w.buyer, {
            disputeId,
            orderId,
            reason: 'damaged',
            request: { kind: 'refund', amount: USD(amount) },
            description: 'cracked',
          }),
        );
        return disputeId;
      },
      async ruleNoRefund(id) {
        must(await w.service.handle(id, w.seller, { type: 'escalate', note: '' }));
        must(
          await w.service.handle(id, w.arbitrator, {
            type: 'rule',
            ruling: {
              outcome: { kind: 'no_refund' },
              responsibility: 'buyer',
              reasonCode: 'r',
              note: '',
            },
          }),
        );
      },
      async accept(id) {
        must(
          await w.service.handle(id, w.seller, {
            type: 'accept_offer',
            offerId: `${id}.request` as OfferId,
          }),
        );
      },
      async appealAndRefund(id, amount) {
        await appeal(id);
        must(await overturn(id, amount));
      },
      appeal,
      overturn,
      async money() {
        const db = store.db;
        return {
          escrow: await accountBalance(db, accounts.escrow(orderId), 'USD'),
          seller: await accountBalance(db, accounts.sellerBalance(w.sellerId), 'USD'),
          // What the buyer recovers: refunds owed (not yet reported paid) and paid.
          buyer:
            (await accountBalance(db, accounts.buyerRefunds(w.buyerId), 'USD')) +
            (await accountBalance(db, accounts.buyerRefundsOwed(w.buyerId), 'USD')),
        };
      },
    };
  }

  afterEach(async () => {
    const ledger = await checkLedger(getStore().db);
    expect(ledger.negativeEscrow).toEqual([]);
    expect(ledger.ok).toBe(true);
    expect(await checkProjections(getStore())).toEqual([]);
  });

  it('is not released again by a ruling whose appeal window closes after another dispute released it', async () => {
    const w = await world();
    // 1. Dispute A is ruled no_refund: its release waits for the appeal window.
    const a = await w.open(PAID);
    await w.ruleNoRefund(a);
    // 2. Dispute B, opened on the same 7,000, is settled by agreement: refund 1,000, release 6,000.
    await w.accept(await w.open(1_000));
    expect(await w.money()).toEqual({ escrow: 0n, seller: 6_000n, buyer: 1_000n });
    // 3. A's appeal window closes: its own figure said 7,000, the escrow holds nothing.
    w.clock.advance(8 * DAY_MS);
    await w.runner.drain();
    expect(await w.money()).toEqual({ escrow: 0n, seller: 6_000n, buyer: 1_000n });
    expect((await w.service.events(a)).filter((e) => e.type === 'funds_released')).toEqual([]);
  });

  it('is released once when two disputes of the order fire in the same runner batch', async () => {
    const w = await world();
    const a = await w.open(PAID);
    await w.ruleNoRefund(a);
    // B's seller stays silent: the timeout refunds 1,000 and releases the rest, in the batch
    // that also closes A's appeal window and releases A's figure.
    const b = await w.open(1_000);
    w.clock.advance(8 * DAY_MS);
    await w.runner.drain();
    expect((await w.service.get(a))?.dispute.final).toBe(true);
    expect((await w.service.get(b))?.dispute.status).toBe('resolved');
    expect(await w.money()).toEqual({ escrow: 0n, seller: 6_000n, buyer: 1_000n });
  });

  it("is released once when a dispute's agreement races another's appeal window closing", async () => {
    // On PostgreSQL the two writes run at once; each locks the order before it moves money.
    for (let round = 0; round < 4; round += 1) {
      const w = await world();
      const a = await w.open(PAID);
      await w.ruleNoRefund(a);
      w.clock.advance(6 * DAY_MS);
      const b = await w.open(1_000);
      w.clock.advance(2 * DAY_MS);
      await Promise.all([w.accept(b), w.runner.drain()]);
      await w.runner.drain();
      expect((await w.service.get(a))?.dispute.final).toBe(true);
      expect(await w.money()).toEqual({ escrow: 0n, seller: 6_000n, buyer: 1_000n });
    }
  });

  it('is released once when two protected disputes open on the order at once', async () => {
    // Protection refunds and resolves at opening, so the one-open-dispute index does not keep
    // a second open out: the order row's lock must. On PostgreSQL the two opens run at once.
    for (let round = 0; round < 4; round += 1) {
      const w = await serviceWorld(getStore(), { protection: true });
      const orderId = await w.newOrder({ amountMinor: BigInt(PAID) });
      const open = () =>
        w.service.open(w.buyer, {
          disputeId: w.disputeId(),
          orderId,
          reason: 'damaged',
          request: { kind: 'refund', amount: USD(PAID) },
          description: 'cracked',
        });
      const opened = await Promise.all([open(), open()]);
      expect(opened.filter((r) => r.ok)).toHaveLength(1);
      const db = getStore().db;
      expect(await accountBalance(db, accounts.escrow(orderId), 'USD')).toBe(0n);
      expect(await accountBalance(db, accounts.buyerRefundsOwed(w.buyerId), 'USD')).toBe(7_000n);
    }
  });

  it("takes a refund owed after another dispute's release from the seller's balance", async () => {
    const w = await world();
    const a = await w.open(PAID);
    await w.ruleNoRefund(a);
    await w.accept(await w.open(1_000));
    // A's appeal overturns the ruling: 2,000 is owed, and the escrow was released to the seller.
    await w.appealAndRefund(a, 2_000);
    const refunds = (await w.service.events(a)).filter((e) => e.type === 'refund_issued');
    expect(refunds).toMatchObject([{ amount: USD(2_000), source: 'seller_balance' }]);
    expect(await w.money()).toEqual({ escrow: 0n, seller: 4_000n, buyer: 3_000n });
  });

  it('caps an appeal refunding after another dispute refunded by what the buyer has left', async () => {
    const w = await world();
    const a = await w.open(PAID);
    await w.ruleNoRefund(a);
    // B refunds 5,000 (and releases 2,000) after A opened: A's own figure still says 7,000.
    await w.accept(await w.open(5_000));
    await w.appeal(a);
    const tooMuch = await w.overturn(a, PAID);
    expect(!tooMuch.ok && tooMuch.rejection).toMatchObject({
      code: 'money.exceeds_refundable',
      detail: { refundableMinor: '2000' },
    });
    expect(await w.money()).toEqual({ escrow: 0n, seller: 2_000n, buyer: 5_000n });
    expect((await w.overturn(a, 2_000)).ok).toBe(true);
    expect(await w.money()).toEqual({ escrow: 0n, seller: 0n, buyer: 7_000n });
  });

  it("waits for a ruling's appeal window before the order itself releases, and releases once", async () => {
    const w = await world();
    const a = await w.open(PAID);
    // Ruled on day 10: its appeal window runs past the order's protection window (day 13).
    w.clock.advance(10 * DAY_MS);
    await w.ruleNoRefund(a);
    w.clock.advance(4 * DAY_MS);
    await w.runner.drain();
    expect(await w.money()).toEqual({ escrow: 7_000n, seller: 0n, buyer: 0n });
    w.clock.advance(4 * DAY_MS);
    await w.runner.drain();
    w.clock.advance(DAY_MS);
    await w.runner.drain();
    expect(await w.money()).toEqual({ escrow: 0n, seller: 7_000n, buyer: 0n });
  });

  it('ledger check reports an order escrow below zero', async () => {
    const w = await world();
    const id = `forged-release:${w.orderId}`;
    // Written around the engine: a balanced second release of the whole payment.
    for (const n of [1, 2])
      await appendTransaction(w.store.db, {
        id: `${id}:${n}`,
        orderId: w.orderId,
        kind: 'release',
        at: w.clock.current(),
        postings: [
          { account: accounts.escrow(w.orderId), amountMinor: -7_000n, currency: 'USD' },
          { account: accounts.sellerBalance(w.sellerId), amountMinor: 7_000n, currency: 'USD' },
        ],
      });
    const report = await checkLedger(w.store.db);
    expect(report.unbalanced).toEqual([]);
    expect(report.overRecovered).toEqual([]);
    expect(report.negativeEscrow).toEqual([
      { account: accounts.escrow(w.orderId), currency: 'USD', balanceMinor: -7_000n },
    ]);
    expect(report.ok).toBe(false);
    // Leave the shared database as the other tests expect it.
    for (const n of [1, 2]) {
      await w.store.db
        .deleteFrom('ledger_postings')
        .where('transaction_id', '=', `${id}:${n}`)
        .execute();
      await w.store.db.deleteFrom('ledger_transactions').where('id', '=', `${id}:${n}`).execute();
    }
  });
});
