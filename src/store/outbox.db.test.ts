// Goal: outbox messages commit or roll back with their transaction, are claimed oldest first
// only when due, are leased so no two claims hold one message, come back after a failure or
// an expired lease, stop after delivery, and give up after bounded attempts.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { T0 } from '../../test/support/fixtures.ts';
import {
  CLAIM_LEASE_MS,
  claimBatch,
  DELIVERY_ATTEMPTS_MAX,
  enqueue,
  enqueueMany,
  markDelivered,
  markFailed,
} from './outbox.ts';

function message(availableAt = T0, payload: unknown = { n: 1 }) {
  return { topic: 'dispute.updated', aggregateId: `d_${randomUUID()}`, payload, availableAt };
}

describeEachDatabase('outbox', (getStore) => {
  // Claims see every due row, so each test starts from an empty outbox.
  beforeEach(async () => {
    await sql`delete from outbox`.execute(getStore().db);
  });

  it('commits messages with their transaction and drops them with its rollback', async () => {
    const { db } = getStore();
    const kept = await db.transaction().execute((trx) => enqueue(trx, message()));
    const rolledBack = db.transaction().execute(async (trx) => {
      await enqueue(trx, message());
      throw new Error('decide failed');
    });
    await expect(rolledBack).rejects.toThrow('decide failed');
    const claimed = await claimBatch(db, { limit: 10, now: T0 });
    expect(claimed.map((m) => m.id)).toEqual([kept]);
  });

  it('enqueues several messages in one statement, ids in the order given', async () => {
    const { db } = getStore();
    const many = [message(T0, { n: 1 }), message(T0, { n: 2n ** 64n }), message(T0, { n: 3 })];
    await db.transaction().execute((trx) => enqueueMany(trx, many));
    await enqueueMany(db, []);
    const claimed = await claimBatch(db, { limit: 10, now: T0 });
    expect(claimed.map((m) => m.payload)).toEqual([{ n: 1 }, { n: 2n ** 64n }, { n: 3 }]);
    expect(claimed.map((m) => m.aggregateId)).toEqual(many.map((m) => m.aggregateId));
  });

  it('claims due messages oldest first with payloads intact', async () => {
    const { db } = getStore();
    const second = await enqueue(db, message(T0 - 1, { amount: 2n ** 64n }));
    const first = await enqueue(db, message(T0 - 2));
    await enqueue(db, message(T0 + 1));
    const [oldest] = await claimBatch(db, { limit: 1, now: T0 });
    expect(oldest?.id).toBe(first);
    const rest = await claimBatch(db, { limit: 10, now: T0 });
    expect(rest).toEqual([
      {
        id: second,
        topic: 'dispute.updated',
        aggregateId: expect.any(String),
        payload: { amount: 2n ** 64n },
        attempts: 1,
        lastError: null,
        // createdAt defaults to availableAt; the fan-out stamps envelopes with it.
        createdAt: T0 - 1,
      },
    ]);
  });

  it('leases claims until they expire, then hands them out again', async () => {
    const { db } = getStore();
    const id = await enqueue(db, message());
    expect(await claimBatch(db, { limit: 10, now: T0 })).toHaveLength(1);
    expect(await claimBatch(db, { limit: 10, now: T0 + CLAIM_LEASE_MS - 1 })).toEqual([]);
    const again = await claimBatch(db, { limit: 10, now: T0 + CLAIM_LEASE_MS });
    expect(again).toMatchObject([{ id, attempts: 2 }]);
  });

  it('retries a failed message at its retry time, with the error kept', async () => {
    const { db } = getStore();
    const id = await enqueue(db, message());
    await claimBatch(db, { limit: 10, now: T0 });
    await markFailed(db, id, 'HTTP 503 from https://hooks.example', T0 + 30_000);
    expect(await claimBatch(db, { limit: 10, now: T0 + 29_999 })).toEqual([]);
    const retried = await claimBatch(db, { limit: 10, now: T0 + 30_000 });
    expect(retried).toMatchObject([
      { id, attempts: 2, lastError: 'HTTP 503 from https://hooks.example' },
    ]);
  });

  it('never claims a delivered message again', async () => {
    const { db } = getStore();
    const id = await enqueue(db, message());
    await claimBatch(db, { limit: 10, now: T0 });
    await markDelivered(db, id, T0 + 10);
    await markFailed(db, id, 'late failure report', T0);
    expect(await claimBatch(db, { limit: 10, now: T0 + 10 * CLAIM_LEASE_MS })).toEqual([]);
  });

  it('stops claiming a message after the attempt limit', async () => {
    const { db } = getStore();
    const id = await enqueue(db, message());
    await sql`update outbox set attempts = ${DELIVERY_ATTEMPTS_MAX} where id = ${id}`.execute(db);
    expect(await claimBatch(db, { limit: 10, now: T0 })).toEqual([]);
  });

  it('hands each message to exactly one of several concurrent claims', async () => {
    const { db } = getStore();
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await enqueue(db, message(T0 - i)));
    const claims = await Promise.all(
      Array.from({ length: 4 }, () => claimBatch(db, { limit: 5, now: T0 })),
    );
    const claimed = claims.flat().map((m) => m.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual(ids.sort());
  });

  it('refuses a batch size outside its limits', async () => {
    const { db } = getStore();
    await expect(claimBatch(db, { limit: 0, now: T0 })).rejects.toThrow(/1 to 500/);
    await expect(claimBatch(db, { limit: 501, now: T0 })).rejects.toThrow(/1 to 500/);
  });
});
