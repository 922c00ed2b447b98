// A database upgraded from before signed checkpoints passes `settle audit verify` once the
// backfill signs its disputes (trust on first signing), without ever blessing tampered history:
// a chain already broken or cut short stays unsigned and is reported, a checkpoint a writer
// signed is never replaced, and a second run changes nothing, on both databases.
import { generateKeyPairSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { type ServiceWorld, serviceWorld } from '../../../test/support/service-world.ts';
import { type DisputeId, type MessageId, money } from '../../domain/index.ts';
import { verifyChain } from '../../store/event-chain.ts';
import type { Store } from '../../store/store.ts';
import { backfillCheckpoints } from './backfill-checkpoints.ts';
import { CheckpointSigner, type Keyring, keyIdOf } from './checkpoint.ts';
import { verifyCheckpoints } from './verify-checkpoints.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const signer = new CheckpointSigner(privateKey);
const keyring: Keyring = new Map([[keyIdOf(publicKey), publicKey]]);
const NOW = Date.UTC(2026, 11, 1);

/** A dispute with a few events, written by a world with or without a signer. */
async function dispute(w: ServiceWorld): Promise<DisputeId> {
  const disputeId = w.disputeId();
  const opened = await w.service.open(w.buyer, {
    disputeId,
    orderId: await w.newOrder(),
    reason: 'not_as_described',
    request: { kind: 'refund', amount: money(900, 'USD') },
    description: 'smaller than pictured',
  });
  expect(opened.ok).toBe(true);
  const posted = await w.service.handle(disputeId, w.seller, {
    type: 'post_message',
    messageId: `${disputeId}-m1` as MessageId,
    body: 'send a photo please',
    arbitratorOnly: false,
  });
  expect(posted.ok).toBe(true);
  return disputeId;
}

/** Disputes as a version without signing wrote them: events, no checkpoint. */
async function legacyDisputes(store: Store, n: number): Promise<DisputeId[]> {
  const w = await serviceWorld(store);
  const ids: DisputeId[] = [];
  for (let i = 0; i < n; i++) ids.push(await dispute(w));
  return ids;
}

async function problemsOf(store: Store, id: string) {
  const chain = await verifyChain(store.db, id);
  const checkpoints = await verifyCheckpoints(store.db, keyring, id);
  return { chain: chain.ok, checkpoints: checkpoints.problems.map((p) => p.problem) };
}

async function checkpointRows(store: Store, ids: readonly string[]) {
  return store.db
    .selectFrom('chain_checkpoints')
    .selectAll()
    .where('dispute_id', 'in', ids)
    .orderBy('dispute_id')
    .execute();
}

describeEachDatabase('signed checkpoint backfill', (getStore) => {
  it('signs disputes written without a signer, so audit verify passes where it said no_checkpoint', async () => {
    const ids = await legacyDisputes(getStore(), 3);
    for (const id of ids)
      expect(await problemsOf(getStore(), id)).toEqual({
        chain: true,
        checkpoints: ['no_checkpoint'],
      });
    const report = await backfillCheckpoints(getStore().db, signer, { now: NOW });
    expect(report.signed).toBeGreaterThanOrEqual(ids.length);
    for (const id of ids)
      expect(await problemsOf(getStore(), id)).toEqual({ chain: true, checkpoints: [] });
  });

  it('leaves a chain edited before the backfill unsigned and reports it', async () => {
    const [edited, intact] = await legacyDisputes(getStore(), 2);
    if (edited === undefined || intact === undefined) throw new Error('two disputes expected');
    await getStore()
      .db.updateTable('dispute_events')
      .set({ actor_role: 'arbitrator' })
      .where('dispute_id', '=', edited)
      .where('seq', '=', 2)
      .execute();
    const report = await backfillCheckpoints(getStore().db, signer, { now: NOW });
    expect(report.refused).toContainEqual(
      expect.objectContaining({ disputeId: edited, problem: 'hash' }),
    );
    expect(await checkpointRows(getStore(), [edited])).toEqual([]);
    expect((await problemsOf(getStore(), edited)).checkpoints).toEqual(['no_checkpoint']);
    expect(await problemsOf(getStore(), intact)).toEqual({ chain: true, checkpoints: [] });
  });

  it('leaves a dispute whose last events were deleted unsigned: its row counts more events', async () => {
    const [cut] = await legacyDisputes(getStore(), 1);
    if (cut === undefined) throw new Error('a dispute expected');
    // The chain that remains verifies link by link; only the row's count shows the tail is gone.
    await getStore()
      .db.deleteFrom('dispute_events')
      .where('dispute_id', '=', cut)
      .where('seq', '>', 1)
      .execute();
    const report = await backfillCheckpoints(getStore().db, signer, { now: NOW });
    expect(report.refused).toContainEqual(
      expect.objectContaining({ disputeId: cut, problem: 'event_count' }),
    );
    expect(await checkpointRows(getStore(), [cut])).toEqual([]);
  });

  it('changes nothing when run twice, nor a checkpoint a writer signed', async () => {
    const legacy = await legacyDisputes(getStore(), 2);
    const signedWorld = await serviceWorld(getStore(), { signer });
    const written = await dispute(signedWorld);
    const writerRow = await checkpointRows(getStore(), [written]);
    await backfillCheckpoints(getStore().db, signer, { now: NOW });
    const before = await checkpointRows(getStore(), [...legacy, written]);
    expect(before).toHaveLength(3);
    expect(before.find((r) => r.dispute_id === written)).toEqual(writerRow[0]);
    const again = await backfillCheckpoints(getStore().db, signer, { now: NOW + 60_000 });
    expect(again.signed).toBe(0);
    expect(await checkpointRows(getStore(), [...legacy, written])).toEqual(before);
  });

  it('works through a store larger than one batch, past refused disputes', async () => {
    const ids = await legacyDisputes(getStore(), 5);
    const [broken] = ids;
    if (broken === undefined) throw new Error('disputes expected');
    await getStore()
      .db.updateTable('dispute_events')
      .set({ prev_hash: 'f'.repeat(64) })
      .where('dispute_id', '=', broken)
      .where('seq', '=', 2)
      .execute();
    const report = await backfillCheckpoints(getStore().db, signer, {
      now: NOW,
      batchDisputes: 2,
    });
    expect(report.refused.map((r) => r.disputeId)).toContain(broken);
    const rows = await checkpointRows(getStore(), ids);
    expect(rows.map((r) => r.dispute_id).sort()).toEqual(ids.slice(1).sort());
    // Every dispute the store holds is now either signed or refused: nothing left behind.
    const all = await verifyCheckpoints(getStore().db, keyring);
    expect(all.problems.filter((p) => p.problem !== 'no_checkpoint')).toEqual([]);
    const unsigned = all.problems.map((p) => p.disputeId).sort();
    const refused = (await backfillCheckpoints(getStore().db, signer, { now: NOW })).refused.map(
      (r) => r.disputeId,
    );
    expect(unsigned).toEqual([...refused].sort());
  });
});
