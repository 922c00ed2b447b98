// Goal: idempotency keys behave as Stripe's do (new, replay, mismatch, in flight), expire after
// 24 hours, can be released after a failure or taken over after a crash, exactly one of many
// simultaneous requests with one key runs, and a key claimed inside a command's transaction
// commits or vanishes with it.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { T0 } from '../../test/support/fixtures.ts';
import {
  beginIdempotent,
  completeIdempotent,
  IDEMPOTENCY_LOCK_MS,
  IDEMPOTENCY_TTL_MS,
  peekIdempotent,
  pruneIdempotency,
  releaseIdempotent,
} from './idempotency.ts';

function request(now = T0, requestHash = 'hash-a') {
  return { caller: 'seller_1', key: randomUUID(), requestHash, now };
}

describeEachDatabase('idempotency', (getStore) => {
  it('runs a new key, then replays its response to a retry', async () => {
    const { db } = getStore();
    const first = request();
    expect(await beginIdempotent(db, first)).toEqual({ kind: 'new' });
    const body = { offerId: 'o1', amount: { minor: 1_250n, currency: 'EUR' } };
    expect(await completeIdempotent(db, { ...first, status: 201, body })).toBe(true);

    expect(await beginIdempotent(db, { ...first, now: T0 + 5_000 })).toEqual({
      kind: 'replay',
      status: 201,
      body,
    });
  });

  it('refuses the same key with different parameters', async () => {
    const { db } = getStore();
    const first = request();
    await beginIdempotent(db, first);
    await completeIdempotent(db, { ...first, status: 200, body: {} });
    expect(await beginIdempotent(db, { ...first, requestHash: 'hash-b' })).toEqual({
      kind: 'mismatch',
    });
  });

  it('tells a retry the first request is still running', async () => {
    const { db } = getStore();
    const first = request();
    await beginIdempotent(db, first);
    expect(await beginIdempotent(db, { ...first, now: T0 + 1 })).toEqual({ kind: 'in_flight' });
  });

  it('lets a retry run after the first request released its key', async () => {
    const { db } = getStore();
    const first = request();
    await beginIdempotent(db, first);
    await releaseIdempotent(db, first);
    expect(await beginIdempotent(db, { ...first, now: T0 + 1 })).toEqual({ kind: 'new' });
  });

  it('lets a retry take over a key whose holder outlived its lock', async () => {
    const { db } = getStore();
    const first = request();
    await beginIdempotent(db, first);
    const later = { ...first, now: T0 + IDEMPOTENCY_LOCK_MS };
    expect(await beginIdempotent(db, later)).toEqual({ kind: 'new' });
    expect(await beginIdempotent(db, { ...later, now: later.now + 1 })).toEqual({
      kind: 'in_flight',
    });
  });

  it('treats an expired key as new and overwrites it', async () => {
    const { db } = getStore();
    const first = request();
    await beginIdempotent(db, first);
    await completeIdempotent(db, { ...first, status: 200, body: { old: true } });
    const dayLater = { ...first, requestHash: 'hash-b', now: T0 + IDEMPOTENCY_TTL_MS };
    expect(await beginIdempotent(db, dayLater)).toEqual({ kind: 'new' });
    await completeIdempotent(db, { ...dayLater, status: 201, body: { fresh: true } });
    expect(await beginIdempotent(db, { ...dayLater, now: dayLater.now + 1 })).toEqual({
      kind: 'replay',
      status: 201,
      body: { fresh: true },
    });
  });

  it('does not record a response for a key it no longer holds', async () => {
    const { db } = getStore();
    const first = request();
    expect(await completeIdempotent(db, { ...first, status: 200, body: {} })).toBe(false);
  });

  it('prunes only expired keys', async () => {
    const { db } = getStore();
    const now = T0 + 10 * IDEMPOTENCY_TTL_MS;
    const old = request(now - IDEMPOTENCY_TTL_MS);
    const recent = request(now - IDEMPOTENCY_TTL_MS + 1);
    await beginIdempotent(db, old);
    await beginIdempotent(db, recent);
    expect(await pruneIdempotency(db, now)).toBeGreaterThanOrEqual(1);
    expect(await pruneIdempotency(db, now)).toBe(0);
    const left = await db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', 'in', [old.key, recent.key])
      .execute();
    expect(left).toEqual([{ key: recent.key }]);
  });

  it('lets exactly one of many simultaneous requests with one key run', async () => {
    const { db } = getStore();
    const first = request();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => beginIdempotent(db, { ...first, now: T0 + i })),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'new')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'in_flight')).toHaveLength(7);
  });

  it('refuses an empty or overlong key', async () => {
    const { db } = getStore();
    await expect(beginIdempotent(db, { ...request(), key: '' })).rejects.toThrow(/1 to 255/);
    await expect(beginIdempotent(db, { ...request(), key: 'k'.repeat(256) })).rejects.toThrow(
      /1 to 255/,
    );
  });
  it('a key claimed in a transaction that never commits leaves nothing: the retry runs fresh', async () => {
    const { db } = getStore();
    const first = request();
    await expect(
      db.transaction().execute(async (trx) => {
        expect(await beginIdempotent(trx, first)).toEqual({ kind: 'new' });
        await completeIdempotent(trx, { ...first, status: 200, body: { ok: true } });
        throw new Error('the process died before the commit');
      }),
    ).rejects.toThrow(/died/);
    expect(await peekIdempotent(db, first)).toEqual({ kind: 'absent' });
    await db.transaction().execute(async (trx) => {
      expect(await beginIdempotent(trx, first)).toEqual({ kind: 'new' });
      await completeIdempotent(trx, { ...first, status: 200, body: { ok: true } });
    });
    expect(await peekIdempotent(db, { ...first, now: T0 + 1 })).toEqual({
      kind: 'replay',
      status: 200,
      body: { ok: true },
    });
    expect(await peekIdempotent(db, { ...first, requestHash: 'hash-b' })).toEqual({
      kind: 'mismatch',
    });
  });
});
