// Goal: the event log appends hash-chained events, refuses a stale writer with a typed
// conflict, returns payloads exactly (bigints included), and verifyChain finds tampering at
// the first broken seq, on both engines.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { seedDispute, T0 } from '../../test/support/fixtures.ts';
import { ConcurrencyConflict } from './errors.ts';
import { verifyChain } from './event-chain.ts';
import { GENESIS_HASH } from './event-hash.ts';
import { appendEvents, loadEvents, type NewEvent } from './event-log.ts';

function event(type: string, payload: unknown, atMs = T0): NewEvent {
  return { type, at: atMs, actorRole: 'buyer', actorId: 'buyer_1', payload };
}

describeEachDatabase('event log', (getStore) => {
  it('appends a chain starting from the genesis hash and loads it back exactly', async () => {
    const { db } = getStore();
    const { disputeId } = await seedDispute(db);
    const opened = event('DisputeOpened', { amount: { minor: 2n ** 70n, currency: 'EUR' } });
    const system = {
      type: 'Escalated',
      at: T0 + 1,
      actorRole: 'system',
      payload: { by: 'system' },
    };
    const appended = await appendEvents(db, disputeId, 0, [opened, system]);
    const loaded = await loadEvents(db, disputeId);

    expect(loaded).toEqual(appended);
    expect(loaded.map((e) => e.seq)).toEqual([1, 2]);
    expect(loaded[0]?.prevHash).toBe(GENESIS_HASH);
    expect(loaded[1]?.prevHash).toBe(loaded[0]?.hash);
    expect(loaded[0]?.payload).toEqual({ amount: { minor: 2n ** 70n, currency: 'EUR' } });
    expect(loaded[1]?.actorId).toBeNull();
    expect(loaded[1]?.at).toBe(T0 + 1);
  });

  it('continues the chain across appends', async () => {
    const { db } = getStore();
    const { disputeId } = await seedDispute(db);
    const [first] = await appendEvents(db, disputeId, 0, [event('A', {})]);
    const [second] = await appendEvents(db, disputeId, 1, [event('B', { n: 1 })]);
    expect(second?.seq).toBe(2);
    expect(second?.prevHash).toBe(first?.hash);
    expect(await verifyChain(db, disputeId)).toEqual({ ok: true, disputes: 1, events: 2 });
  });

  it('continues the chain from a prevHash the caller read, without looking it up', async () => {
    const { db } = getStore();
    const { disputeId } = await seedDispute(db);
    const [first] = await appendEvents(db, disputeId, 0, [event('A', {})]);
    const [second] = await appendEvents(db, disputeId, 1, [event('B', {})], first?.hash);
    expect(second?.prevHash).toBe(first?.hash);
    expect(await verifyChain(db, disputeId)).toEqual({ ok: true, disputes: 1, events: 2 });
  });

  it('raises ConcurrencyConflict for a writer appending at a stale seq', async () => {
    const { db } = getStore();
    const { disputeId } = await seedDispute(db);
    await appendEvents(db, disputeId, 0, [event('A', {}), event('B', {})]);
    const stale = db
      .transaction()
      .execute((trx) => appendEvents(trx, disputeId, 1, [event('C', {})]));
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect((await loadEvents(db, disputeId)).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('lets exactly one of two simultaneous writers at the same seq win', async () => {
    const { db } = getStore();
    const { disputeId } = await seedDispute(db);
    const writers = ['A', 'B'].map((type) =>
      db.transaction().execute((trx) => appendEvents(trx, disputeId, 0, [event(type, {})])),
    );
    const results = await Promise.allSettled(writers);
    const lost = results.filter((result) => result.status === 'rejected');
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(ConcurrencyConflict);
    expect(await loadEvents(db, disputeId)).toHaveLength(1);
  });

  it('refuses an expected seq that was never written', async () => {
    const { db } = getStore();
    const { disputeId } = await seedDispute(db);
    await expect(appendEvents(db, disputeId, 3, [event('A', {})])).rejects.toThrow(
      /no event at seq 3/,
    );
  });

  it('finds a payload tampered with through SQL at the right seq', async () => {
    const { db } = getStore();
    const { disputeId } = await seedDispute(db);
    await appendEvents(db, disputeId, 0, [
      event('A', { refund: 100n }),
      event('B', { refund: 200n }),
      event('C', { refund: 300n }),
    ]);
    await sql`update dispute_events set payload = jsonb_set(payload, '{refund}', '{"$bigint":"999"}')
      where dispute_id = ${disputeId} and seq = 2`.execute(db);

    const report = await verifyChain(db, disputeId);
    expect(report).toMatchObject({ ok: false, disputeId, seq: 2, problem: 'hash' });
  });

  it('finds a deleted event as a gap', async () => {
    const { db } = getStore();
    const { disputeId } = await seedDispute(db);
    await appendEvents(db, disputeId, 0, [event('A', {}), event('B', {}), event('C', {})]);
    await sql`delete from dispute_events where dispute_id = ${disputeId} and seq = 2`.execute(db);
    const report = await verifyChain(db, disputeId);
    expect(report).toMatchObject({ ok: false, seq: 3, problem: 'gap', expected: 'seq 2' });
  });

  it('finds events whose dispute has no row', async () => {
    const { db } = getStore();
    // The log does not reference the disputes projection; the audit is what notices an orphan.
    const orphan = `orphan-${Date.now()}`;
    await appendEvents(db, orphan, 0, [event('A', {}), event('B', {})]);
    expect(await verifyChain(db, orphan)).toMatchObject({
      ok: false,
      disputeId: orphan,
      seq: 1,
      problem: 'no_dispute',
    });
    await sql`delete from dispute_events where dispute_id = ${orphan}`.execute(db);
  });

  it('verifies every dispute when none is named, and reports the first broken one', async () => {
    const { db } = getStore();
    // Earlier tests in this block deliberately broke chains; start from a clean log.
    await sql`delete from dispute_events`.execute(db);
    const one = await seedDispute(db);
    const two = await seedDispute(db);
    await appendEvents(db, one.disputeId, 0, [event('A', { n: 1 }), event('B', {})]);
    await appendEvents(db, two.disputeId, 0, [event('A', { n: 2 })]);
    expect(await verifyChain(db)).toEqual({ ok: true, disputes: 2, events: 3 });

    await sql`update dispute_events set at = at + interval '1 second'
      where dispute_id = ${two.disputeId} and seq = 1`.execute(db);
    expect(await verifyChain(db)).toMatchObject({ ok: false, disputeId: two.disputeId, seq: 1 });
  });
});
