// The deadline runner writes a whole claimed batch at once, on both databases. Goal: a batch of
// disputes in different stages leaves every row equal to the fold of its events, every chain
// intact, the ledger balanced and one outbox message per notified event; a dispute that cannot
// be planned or written is reported and left due while the rest of its batch fires; and a
// batch write with one stale dispute writes nothing at all.
import { sql } from 'kysely';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { bulkDisputes } from '../../test/support/bulk-disputes.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { type ServiceWorld, serviceWorld } from '../../test/support/service-world.ts';
import {
  DAY_MS,
  type DisputeEvent,
  type DisputeId,
  instant,
  money,
  type OfferId,
  type OrderId,
  SYSTEM,
} from '../domain/index.ts';
import { verifyChain } from '../store/event-chain.ts';
import { jsonb } from '../store/jsonb.ts';
import { checkLedger } from '../store/ledger-store.ts';
import type { Store } from '../store/store.ts';
import { VirtualClock } from './clock.ts';
import { DeadlineRunner } from './deadline-runner.ts';
import { loadForWrite, type Plan, planDecision, planFrom, writePlans } from './dispute-writer.ts';
import { topicOf } from './outbox-topics.ts';
import { checkProjections } from './projection-check.ts';

const USD = (minor: number) => money(minor, 'USD');
const T0 = instant(Date.UTC(2026, 10, 26, 12));

async function open(w: ServiceWorld, orderId: OrderId): Promise<DisputeId> {
  const disputeId = w.disputeId();
  const written = await w.service.open(w.buyer, {
    disputeId,
    orderId,
    reason: 'damaged',
    request: { kind: 'refund', amount: USD(1_500) },
    description: 'cracked case',
  });
  if (!written.ok) throw new Error(written.rejection.code);
  return disputeId;
}

function capturingLogger() {
  const lines: { msg: string; disputeId?: string; disputes?: number }[] = [];
  const logger = pino(
    { level: 'error' },
    { write: (line: string) => lines.push(JSON.parse(line)) },
  );
  return { logger, lines };
}

async function dueIds(store: Store, now: number): Promise<string[]> {
  const rows = await store.db
    .selectFrom('disputes')
    .select('id')
    .where('next_deadline_at', '<=', new Date(now))
    .execute();
  return rows.map((r) => r.id).sort();
}

describeEachDatabase('deadline runner batches', (getStore) => {
  afterEach(async () => {
    expect(await checkProjections(getStore())).toEqual([]);
    expect((await verifyChain(getStore().db)).ok).toBe(true);
    expect((await checkLedger(getStore().db)).ok).toBe(true);
  });

  it('fires disputes in different stages in one batch, as the engine decides each', async () => {
    const w = await serviceWorld(getStore());
    const ids: DisputeId[] = [];
    for (let i = 0; i < 12; i += 1) {
      const id = await open(w, await w.newOrder());
      ids.push(id);
      if (i % 3 === 1) {
        // Countered with a return-and-refund that the buyer accepts: a return-label countdown.
        await w.service.handle(id, w.seller, {
          type: 'reject_offer',
          offerId: `${id}.request` as OfferId,
          reason: 'send it back',
          counter: {
            offerId: `${id}.o1` as OfferId,
            terms: { kind: 'return_and_refund', amount: USD(1_500), postagePaidBy: 'seller' },
            note: '',
          },
        });
        await w.service.handle(id, w.buyer, {
          type: 'accept_offer',
          offerId: `${id}.o1` as OfferId,
        });
      } else if (i % 3 === 2) {
        // Countered with a partial refund the buyer leaves unanswered: negotiation runs out.
        await w.service.handle(id, w.seller, {
          type: 'reject_offer',
          offerId: `${id}.request` as OfferId,
          reason: 'partial',
          counter: {
            offerId: `${id}.o1` as OfferId,
            terms: { kind: 'refund', amount: USD(500) },
            note: '',
          },
        });
      }
    }
    const before = await Promise.all(ids.map(async (id) => (await w.service.events(id)).length));

    // A month on, a day at a time: each step fires whatever fell due, many disputes per batch.
    let fired = 0;
    for (let day = 0; day < 30; day += 1) {
      w.clock.advance(DAY_MS);
      fired += await w.runner.drain();
    }
    expect(fired).toBeGreaterThanOrEqual(ids.length);

    const db = getStore().db;
    for (const [i, id] of ids.entries()) {
      const events = await w.service.events(id);
      expect(events.length).toBeGreaterThan(before[i] ?? 0);
      expect(events.some((e) => e.type === 'deadline_fired')).toBe(true);
      // One outbox message per event that has a topic, in seq order.
      const expected = events.flatMap((e: DisputeEvent, seq) =>
        topicOf(e) === undefined ? [] : [{ topic: topicOf(e), seq: seq + 1 }],
      );
      const messages = await db
        .selectFrom('outbox')
        .select(['topic', 'payload'])
        .where('aggregate_id', '=', id)
        .orderBy('id')
        .execute();
      expect(
        messages.map((m) => ({ topic: m.topic, seq: (m.payload as { seq: number }).seq })),
      ).toEqual(expected);
    }
    expect(await dueIds(getStore(), w.clock.current())).toEqual([]);
  });

  it('reports a dispute it cannot plan and fires the rest of the batch', async () => {
    const store = getStore();
    const ids = await bulkDisputes(store, { count: 5, openedAt: T0 - 6 * DAY_MS });
    const poison = ids[2] as DisputeId;
    const saved = await store.db
      .selectFrom('disputes')
      .select('state')
      .where('id', '=', poison)
      .executeTakeFirstOrThrow();
    await sql`update disputes set state = '"not a dispute"' where id = ${poison}`.execute(store.db);
    const { logger, lines } = capturingLogger();
    const runner = new DeadlineRunner(store, new VirtualClock(T0), { batchSize: 50, logger });

    expect(await runner.runOnce()).toBe(4);
    expect(lines).toMatchObject([{ msg: 'dispute row unplannable', disputeId: poison }]);
    expect(await dueIds(store, T0)).toEqual([poison]);

    // Repaired, it fires on the next pass like any other.
    await store.db
      .updateTable('disputes')
      .set({ state: jsonb(saved.state) })
      .where('id', '=', poison)
      .execute();
    expect(await runner.runOnce()).toBe(1);
    expect(await dueIds(store, T0)).toEqual([]);
  });

  it('fires the rest of a batch one by one when one dispute cannot be written', async () => {
    const store = getStore();
    const ids = await bulkDisputes(store, { count: 6, openedAt: T0 - 6 * DAY_MS });
    const poison = ids[3] as DisputeId;
    // The refund this deadline pays would be ledger transaction `<dispute>:4`: take its id first.
    const taken = `${poison}:4`;
    await store.db
      .insertInto('ledger_transactions')
      .values({ id: taken, kind: 'refund', at: new Date(T0), dispute_id: poison })
      .execute();
    const { logger, lines } = capturingLogger();
    const runner = new DeadlineRunner(store, new VirtualClock(T0), { batchSize: 50, logger });

    expect(await runner.runOnce()).toBe(5);
    expect(lines.map((l) => l.msg)).toEqual([
      'deadline batch failed; firing its disputes one by one',
      'deadline write failed',
    ]);
    expect(lines[1]?.disputeId).toBe(poison);
    expect(await dueIds(store, T0)).toEqual([poison]);
    const row = await loadForWrite(store.db, poison, false);
    expect(row?.version).toBe(1);

    await store.db.deleteFrom('ledger_transactions').where('id', '=', taken).execute();
    expect(await runner.runOnce()).toBe(1);
    expect(await dueIds(store, T0)).toEqual([]);
  });

  it('writes nothing when one dispute of a batch moved on since it was read', async () => {
    const store = getStore();
    const ids = await bulkDisputes(store, { count: 3, openedAt: T0 - 6 * DAY_MS });
    const fire = { actor: SYSTEM, command: { type: 'fire_deadline', deadline: 'seller_response' } };
    const plans: Plan[] = [];
    for (const id of ids) {
      const loaded = await loadForWrite(store.db, id, false);
      if (loaded === undefined) throw new Error(`no ${id}`);
      const planned = planDecision(planFrom(loaded), fire as never, T0, loaded.dispute.policy);
      if (!planned.ok) throw new Error(planned.rejection.code);
      plans.push(planned.plan);
    }
    // Another writer bumps the middle dispute's version (same state, as a retried no-op would).
    const middle = ids[1] as string;
    const write = (stale: boolean) =>
      store.db.transaction().execute(async (trx) => {
        if (stale)
          await sql`update disputes set version = version + 1 where id = ${middle}`.execute(trx);
        await writePlans(trx, store.dialect, plans, T0);
      });
    await expect(write(true)).rejects.toMatchObject({
      name: 'ConcurrencyConflict',
      disputeId: middle,
    });
    const events = await store.db
      .selectFrom('dispute_events')
      .select((eb) => eb.fn.countAll<bigint>().as('n'))
      .where('dispute_id', 'in', ids)
      .executeTakeFirstOrThrow();
    expect(events.n).toBe(BigInt(ids.length));

    // The same plans against unchanged rows go in whole.
    await write(false);
    expect(await dueIds(store, T0)).toEqual([]);
  });
});
