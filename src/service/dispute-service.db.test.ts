// The service on both databases: one command = one transaction of events, row, ledger,
// projections and outbox; refusals write nothing; races leave one chain; deadlines fire once.
import { afterEach, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { postgresUrl, withRawPg } from '../../test/support/postgres.ts';
import { type ServiceWorld, serviceWorld } from '../../test/support/service-world.ts';
import {
  DAY_MS,
  type DisputeId,
  type EvidenceId,
  type MessageId,
  money,
  type OfferId,
  type OrderId,
} from '../domain/index.ts';
import { verifyChain } from '../store/event-chain.ts';
import { accountBalance, checkLedger } from '../store/ledger-store.ts';
import type { Store } from '../store/store.ts';
import { DEADLINE_CHANNEL } from './dispute-writer.ts';
import { checkProjections } from './projection-check.ts';

const USD = (minor: number | bigint) => money(minor, 'USD');

async function opened(w: ServiceWorld, orderId: OrderId, amount = 2_000): Promise<DisputeId> {
  const disputeId = w.disputeId();
  const written = await w.service.open(w.buyer, {
    disputeId,
    orderId,
    reason: 'wrong_item',
    request: { kind: 'refund', amount: USD(amount) },
    description: 'got item B',
  });
  expect(written.ok).toBe(true);
  return disputeId;
}

async function countRows(store: Store) {
  const count = async (table: 'dispute_events' | 'ledger_transactions' | 'outbox' | 'offers') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select(store.db.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    events: await count('dispute_events'),
    ledger: await count('ledger_transactions'),
    outbox: await count('outbox'),
    offers: await count('offers'),
  };
}

describeEachDatabase('dispute service', (getStore) => {
  afterEach(async () => {
    // After every test: each row equals the fold of its events, chains verify, the ledger balances.
    expect(await checkProjections(getStore())).toEqual([]);
    expect((await verifyChain(getStore().db)).ok).toBe(true);
    expect((await checkLedger(getStore().db)).ok).toBe(true);
  });

  it('runs scenario 1 end to end: logistics refunds the buyer, escrow goes to the seller', async () => {
    const w = await serviceWorld(getStore());
    const orderId = await w.newOrder();
    const id = await opened(w, orderId);
    await w.service.handle(id, w.seller, {
      type: 'reject_offer',
      offerId: `${id}.request` as OfferId,
      reason: 'relabelled',
      counter: { offerId: 'o1' as OfferId, terms: { kind: 'refund', amount: USD(100) }, note: '' },
    });
    await w.service.handle(id, w.buyer, { type: 'escalate', note: 'not my item' });
    const ruled = await w.service.handle(id, w.arbitrator, {
      type: 'rule',
      ruling: {
        outcome: { kind: 'refund', amount: USD(2_000) },
        responsibility: 'logistics',
        reasonCode: 'label_mismatch',
        note: '',
      },
    });
    expect(ruled.ok && ruled.dispute.status).toBe('resolved');
    w.clock.advance(7 * DAY_MS);
    expect(await w.runner.drain()).toBeGreaterThanOrEqual(1);
    const db = getStore().db;
    expect(await accountBalance(db, 'platform_logistics_compensation', 'USD')).toBe(-2_000n);
    expect(await accountBalance(db, `seller_balance:${w.sellerId}`, 'USD')).toBe(2_000n);
    expect(await accountBalance(db, `order_escrow:${orderId}`, 'USD')).toBe(0n);
    const offers = await db
      .selectFrom('offers')
      .select(['id', 'status'])
      .where('dispute_id', '=', id)
      .orderBy('created_at')
      .execute();
    expect(offers.map((o) => o.status)).toEqual(['rejected', 'closed']);
    const topics = await db
      .selectFrom('outbox')
      .select('topic')
      .where('aggregate_id', '=', id)
      .execute();
    expect(topics.map((t) => t.topic)).toContain('dispute.resolved');
  });

  it('keeps arbitrator-only content out of the outbox, and says that it was added', async () => {
    const w = await serviceWorld(getStore());
    const id = await opened(w, await w.newOrder());
    const post = (messageId: string, body: string, arbitratorOnly: boolean) =>
      w.service.handle(id, w.seller, {
        type: 'post_message',
        messageId: messageId as MessageId,
        body,
        arbitratorOnly,
      });
    expect((await post('m-open', 'we ship tomorrow', false)).ok).toBe(true);
    expect((await post('m-private', 'the supplier sent a fake', true)).ok).toBe(true);
    const evidence = await w.service.handle(id, w.seller, {
      type: 'add_evidence',
      evidence: {
        id: 'ev-private' as EvidenceId,
        kind: 'document',
        findings: ['item_differs_from_listing'],
        sha256: 'b'.repeat(64),
        mediaType: 'application/pdf',
        bytes: 2048,
        fileName: 'supplier-invoice.pdf',
        note: 'our cost price',
        arbitratorOnly: true,
      },
    });
    expect(evidence.ok).toBe(true);
    const payloads = await getStore()
      .db.selectFrom('outbox')
      .select('payload')
      .where('aggregate_id', '=', id)
      .orderBy('id')
      .execute();
    const sent = JSON.stringify(
      payloads.map((p) => p.payload),
      (_k, v) => (typeof v === 'bigint' ? v.toString() : v),
    );
    expect(sent).toContain('we ship tomorrow');
    expect(sent).toContain('m-private');
    expect(sent).toContain('ev-private');
    for (const secret of [
      'the supplier sent a fake',
      'supplier-invoice.pdf',
      'our cost price',
      'b'.repeat(64),
    ])
      expect(sent).not.toContain(secret);
  });

  it('writes nothing for a refused command', async () => {
    const w = await serviceWorld(getStore());
    const id = await opened(w, await w.newOrder());
    const before = await countRows(getStore());
    const refused = await w.service.handle(id, w.buyer, { type: 'confirm_receipt' });
    expect(refused.ok).toBe(false);
    const tooMuch = await w.service.handle(id, w.seller, {
      type: 'propose_offer',
      offerId: 'big' as OfferId,
      terms: { kind: 'refund', amount: USD(999_999) },
      note: '',
    });
    expect(!tooMuch.ok && tooMuch.rejection.code).toBe('money.exceeds_refundable');
    expect(await countRows(getStore())).toEqual(before);
  });

  it('answers a retried command with no new events', async () => {
    const w = await serviceWorld(getStore());
    const id = await opened(w, await w.newOrder());
    const offer = {
      type: 'propose_offer',
      offerId: 'retry-1' as OfferId,
      terms: { kind: 'refund', amount: USD(300) },
      note: '',
    } as const;
    const first = await w.service.handle(id, w.seller, offer);
    const second = await w.service.handle(id, w.seller, offer);
    expect(first.ok && first.events.length).toBe(1);
    expect(second.ok && second.events.length).toBe(0);
  });

  it('keeps one open dispute per line of an order fed with one line', async () => {
    const w = await serviceWorld(getStore());
    const orderId = await w.newOrder();
    await opened(w, orderId);
    const second = await w.service.open(w.buyer, {
      disputeId: w.disputeId(),
      orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: USD(10) },
      description: 'again',
    });
    expect(!second.ok && second.rejection.code).toBe('dispute.line_in_open_dispute');
  });

  it('refuses an unknown order and an unknown dispute', async () => {
    const w = await serviceWorld(getStore());
    const noOrder = await w.service.open(w.buyer, {
      disputeId: w.disputeId(),
      orderId: 'nope' as OrderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: USD(10) },
      description: 'x',
    });
    expect(!noOrder.ok && noOrder.rejection.code).toBe('dispute.not_found');
    const noDispute = await w.service.handle('nope' as DisputeId, w.buyer, {
      type: 'cancel',
      reason: '',
    });
    expect(!noDispute.ok && noDispute.rejection.code).toBe('dispute.not_found');
  });

  it('lets exactly one of racing commands win; the others are re-decided and refused', async () => {
    const w = await serviceWorld(getStore());
    const id = await opened(w, await w.newOrder());
    await w.service.handle(id, w.seller, {
      type: 'reject_offer',
      offerId: `${id}.request` as OfferId,
      reason: 'no',
      counter: { offerId: 'o1' as OfferId, terms: { kind: 'refund', amount: USD(700) }, note: '' },
    });
    w.clock.advance(5 * DAY_MS); // the negotiation window ends now: the runner races too
    const results = await Promise.all([
      w.service.handle(id, w.buyer, { type: 'accept_offer', offerId: 'o1' as OfferId }),
      w.service.handle(id, w.buyer, { type: 'escalate', note: 'race' }),
      w.service.handle(id, w.seller, { type: 'escalate', note: 'race' }),
      w.runner.runOnce(),
    ]);
    const before = 3; // opened (1 event) + rejection with counter (2 events)
    const winners = results
      .slice(0, 3)
      .filter((r) => typeof r !== 'number' && r.ok && r.events.length > 0);
    const after = (await w.service.events(id)).slice(before);
    // Exactly one decision landed: the accept, one escalation, or the runner's system escalation.
    const decisive = after.filter(
      (e) => e.type === 'offer_accepted' || e.type === 'dispute_escalated',
    );
    expect(decisive).toHaveLength(1);
    expect(winners.length).toBeLessThanOrEqual(1);
    for (const r of results.slice(0, 3)) {
      if (typeof r !== 'number' && !r.ok) expect(r.rejection.code).toBe('dispute.wrong_state');
    }
    const events = await w.service.events(id);
    const seqs = (
      await getStore()
        .db.selectFrom('dispute_events')
        .select('seq')
        .where('dispute_id', '=', id)
        .orderBy('seq')
        .execute()
    ).map((r) => r.seq);
    expect(seqs).toEqual(events.map((_, i) => i + 1));
  });

  it('fires a deadline when due, never before, and only once', async () => {
    const w = await serviceWorld(getStore());
    const id = await opened(w, await w.newOrder(), 900);
    w.clock.advance(5 * DAY_MS - 1);
    expect(await w.runner.runOnce()).toBe(0);
    w.clock.advance(1);
    expect(await w.runner.drain()).toBe(1);
    expect(await w.runner.drain()).toBe(0);
    const loaded = await w.service.get(id);
    expect(loaded?.dispute.resolution?.how).toBe('seller_response_timeout');
    const fired = (await w.service.events(id)).filter((e) => e.type === 'deadline_fired');
    expect(fired).toHaveLength(1);
  });

  it('round-trips money beyond 2^53 exactly', async () => {
    const w = await serviceWorld(getStore());
    const huge = 2n ** 62n + 7n;
    const orderId = await w.newOrder({ amountMinor: huge, currency: 'IDR' });
    const disputeId = w.disputeId();
    const written = await w.service.open(w.buyer, {
      disputeId,
      orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: money(huge - 1n, 'IDR') },
      description: 'big',
    });
    expect(written.ok).toBe(true);
    const loaded = await w.service.get(disputeId);
    expect(loaded?.dispute.order.paid.minor).toBe(huge);
    await w.service.handle(disputeId, w.seller, {
      type: 'accept_offer',
      offerId: `${disputeId}.request` as OfferId,
    });
    expect(await accountBalance(getStore().db, `seller_balance:${w.sellerId}`, 'IDR')).toBe(1n);
  });

  it('reports a tampered event at its link', async () => {
    const w = await serviceWorld(getStore());
    const id = await opened(w, await w.newOrder());
    await w.service.handle(id, w.buyer, { type: 'cancel', reason: 'sorted' });
    await getStore()
      .db.updateTable('dispute_events')
      .set({ type: 'dispute_resolved' })
      .where('dispute_id', '=', id)
      .where('seq', '=', 2)
      .execute();
    const report = await verifyChain(getStore().db, id);
    expect(report).toMatchObject({ ok: false, disputeId: id, seq: 2 });
    await getStore()
      .db.updateTable('dispute_events')
      .set({ type: 'dispute_cancelled' })
      .where('dispute_id', '=', id)
      .where('seq', '=', 2)
      .execute();
  });

  it('wakes other runners (PostgreSQL NOTIFY) only after a write that leaves a deadline due', async () => {
    const store = getStore();
    if (store.dialect !== 'postgres') return; // PGlite runners are woken in-process
    const w = await serviceWorld(store);
    const heard: string[] = [];
    await withRawPg(postgresUrl, async (client) => {
      client.on('notification', (n) => heard.push(n.payload ?? ''));
      await client.query(`listen ${DEADLINE_CHANNEL}`);
      // Opened now: the seller-response deadline is five days off, nothing to wake for.
      const id = await opened(w, await w.newOrder());
      w.clock.advance(5 * DAY_MS);
      // Written once that deadline has passed but before a runner fired it: worth a wake-up.
      const posted = await w.service.handle(id, w.buyer, {
        type: 'post_message',
        messageId: 'm-late' as MessageId,
        body: 'any news?',
        arbitratorOnly: false,
      });
      expect(posted.ok).toBe(true);
      await client.query('select 1'); // notifications arrive before this query's reply
      expect(heard.filter((p) => p === id)).toEqual([id]);
    });
    await w.runner.drain();
  });
});

describe('service world', () => {
  it('is exercised on both databases above', () => expect(serviceWorld).toBeTypeOf('function'));
});
