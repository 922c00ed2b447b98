// Tampering with the audit trail is caught by someone who holds only the public key: each way of
// rewriting a dispute's events (edit, edit and rehash, truncate, reorder, delete a middle event)
// fails `settle audit verify`, and rewriting both postings of a refund, dropping it or adding a
// transaction nobody caused fails `settle ledger check`, on both databases.
import { generateKeyPairSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { type ServiceWorld, serviceWorld } from '../../../test/support/service-world.ts';
import { type DisputeId, type MessageId, money, type OfferId } from '../../domain/index.ts';
import { verifyChain } from '../../store/event-chain.ts';
import { eventHash, GENESIS_HASH } from '../../store/event-hash.ts';
import { loadEvents, type StoredEvent } from '../../store/event-log.ts';
import { jsonb } from '../../store/jsonb.ts';
import { checkLedger } from '../../store/ledger-store.ts';
import type { Store } from '../../store/store.ts';
import { checkLedgerTies } from '../ledger-ties.ts';
import { CheckpointSigner, type Keyring, keyIdOf } from './checkpoint.ts';
import { verifyCheckpoints } from './verify-checkpoints.ts';

function newKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { signer: new CheckpointSigner(privateKey), publicKey };
}

const key = newKey();
const keyring: Keyring = new Map([[keyIdOf(key.publicKey), key.publicKey]]);

/** Opens a dispute, posts two messages and settles it with a refund: seven events or so. */
async function refundedDispute(w: ServiceWorld): Promise<DisputeId> {
  const disputeId = w.disputeId();
  const orderId = await w.newOrder();
  const opened = await w.service.open(w.buyer, {
    disputeId,
    orderId,
    reason: 'wrong_item',
    request: { kind: 'refund', amount: money(1_500, 'USD') },
    description: 'got item B',
  });
  expect(opened.ok).toBe(true);
  for (const n of [1, 2]) {
    const posted = await w.service.handle(disputeId, w.buyer, {
      type: 'post_message',
      messageId: `${disputeId}-m${n}` as MessageId,
      body: `message ${n}`,
      arbitratorOnly: false,
    });
    expect(posted.ok).toBe(true);
  }
  const accepted = await w.service.handle(disputeId, w.seller, {
    type: 'accept_offer',
    offerId: `${disputeId}.request` as OfferId,
  });
  expect(accepted.ok).toBe(true);
  return disputeId;
}

/** What an attacker with the database does: rewrite events from `from` on, rehashing them. */
async function rewrite(store: Store, disputeId: string, events: readonly StoredEvent[]) {
  await store.db.deleteFrom('dispute_events').where('dispute_id', '=', disputeId).execute();
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    const seq = i + 1;
    const hash = eventHash(prev, { ...e, seq });
    await store.db
      .insertInto('dispute_events')
      .values({
        dispute_id: disputeId,
        seq,
        type: e.type,
        at: new Date(e.at),
        actor_role: e.actorRole,
        actor_id: e.actorId,
        payload: jsonb(e.payload),
        prev_hash: prev,
        hash,
      })
      .execute();
    prev = hash;
  }
  await store.db
    .updateTable('disputes')
    .set({ version: events.length })
    .where('id', '=', disputeId)
    .execute();
}

async function audit(store: Store, disputeId: string) {
  const chain = await verifyChain(store.db, disputeId);
  const checkpoints = await verifyCheckpoints(store.db, keyring, disputeId);
  return { chain: chain.ok, checkpoints: checkpoints.problems.map((p) => p.problem) };
}

describeEachDatabase('tamper evidence: audit verify', (getStore) => {
  it('passes an untouched dispute, whose checkpoint names its last event', async () => {
    const w = await serviceWorld(getStore(), { signer: key.signer });
    const id = await refundedDispute(w);
    expect(await audit(getStore(), id)).toEqual({ chain: true, checkpoints: [] });
    const events = await loadEvents(getStore().db, id);
    const row = await getStore()
      .db.selectFrom('chain_checkpoints')
      .selectAll()
      .where('dispute_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ seq: events.length, head_hash: events.at(-1)?.hash });
  });

  it('catches an edited event (the chain link breaks)', async () => {
    const w = await serviceWorld(getStore(), { signer: key.signer });
    const id = await refundedDispute(w);
    await getStore()
      .db.updateTable('dispute_events')
      .set({ actor_role: 'seller' })
      .where('dispute_id', '=', id)
      .where('seq', '=', 2)
      .execute();
    expect((await audit(getStore(), id)).chain).toBe(false);
  });

  it('catches an edited event with every later hash recomputed', async () => {
    const w = await serviceWorld(getStore(), { signer: key.signer });
    const id = await refundedDispute(w);
    const events = await loadEvents(getStore().db, id);
    const edited = events.map((e) =>
      e.type === 'message_posted'
        ? { ...e, payload: { ...(e.payload as object), message: { body: 'never said' } } }
        : e,
    );
    await rewrite(getStore(), id, edited);
    expect(await audit(getStore(), id)).toEqual({ chain: true, checkpoints: ['head_hash'] });
  });

  it('catches the last events deleted', async () => {
    const w = await serviceWorld(getStore(), { signer: key.signer });
    const id = await refundedDispute(w);
    const events = await loadEvents(getStore().db, id);
    await rewrite(getStore(), id, events.slice(0, -2));
    expect(await audit(getStore(), id)).toEqual({ chain: true, checkpoints: ['events_missing'] });
  });

  it('catches two events swapped and rehashed', async () => {
    const w = await serviceWorld(getStore(), { signer: key.signer });
    const id = await refundedDispute(w);
    const [a, b, c, ...rest] = await loadEvents(getStore().db, id);
    await rewrite(getStore(), id, [a, c, b, ...rest] as StoredEvent[]);
    expect(await audit(getStore(), id)).toEqual({ chain: true, checkpoints: ['head_hash'] });
  });

  it('catches a middle event deleted, the rest renumbered and rehashed', async () => {
    const w = await serviceWorld(getStore(), { signer: key.signer });
    const id = await refundedDispute(w);
    const events = await loadEvents(getStore().db, id);
    await rewrite(
      getStore(),
      id,
      events.filter((e) => e.seq !== 2),
    );
    expect(await audit(getStore(), id)).toEqual({ chain: true, checkpoints: ['events_missing'] });
  });

  it('catches a checkpoint re-signed with a key outside the trusted keyring, or deleted', async () => {
    const w = await serviceWorld(getStore(), { signer: key.signer });
    const id = await refundedDispute(w);
    const events = await loadEvents(getStore().db, id);
    await rewrite(getStore(), id, events.slice(0, -1));
    const forged = newKey().signer.sign({
      disputeId: id,
      seq: events.length - 1,
      headHash: (await loadEvents(getStore().db, id)).at(-1)?.hash as string,
      signedAt: await w.clock.now(),
    });
    await getStore()
      .db.updateTable('chain_checkpoints')
      .set({
        seq: forged.seq,
        head_hash: forged.headHash,
        key_id: forged.keyId,
        signature: forged.signature,
      })
      .where('dispute_id', '=', id)
      .execute();
    expect((await audit(getStore(), id)).checkpoints).toEqual(['unknown_key']);
    // Claiming the trusted key's id with the forged signature does not verify either.
    await getStore()
      .db.updateTable('chain_checkpoints')
      .set({ key_id: key.signer.keyId })
      .where('dispute_id', '=', id)
      .execute();
    expect((await audit(getStore(), id)).checkpoints).toEqual(['bad_signature']);
    await getStore().db.deleteFrom('chain_checkpoints').where('dispute_id', '=', id).execute();
    expect((await audit(getStore(), id)).checkpoints).toEqual(['no_checkpoint']);
  });

  it('accepts checkpoints of a rotated-out key still in the keyring', async () => {
    const old = newKey();
    const fresh = newKey();
    const w = await serviceWorld(getStore(), { signer: old.signer });
    const oldId = await refundedDispute(w);
    const w2 = await serviceWorld(getStore(), { signer: fresh.signer });
    const newId = await refundedDispute(w2);
    const both: Keyring = new Map([
      [old.signer.keyId, old.publicKey],
      [fresh.signer.keyId, fresh.publicKey],
    ]);
    for (const id of [oldId, newId])
      expect((await verifyCheckpoints(getStore().db, both, id)).ok).toBe(true);
    const onlyNew: Keyring = new Map([[fresh.signer.keyId, fresh.publicKey]]);
    expect((await verifyCheckpoints(getStore().db, onlyNew, oldId)).problems).toMatchObject([
      { problem: 'unknown_key' },
    ]);
  });
});

// A database of its own: the chains tampered above leave transactions whose events moved.
describeEachDatabase(
  'tamper evidence: ledger check ties each transaction to its cause',
  (getStore) => {
    it('passes an untouched ledger, every money event with its transaction', async () => {
      const w = await serviceWorld(getStore(), { signer: key.signer });
      await refundedDispute(w);
      const ties = await checkLedgerTies(getStore().db);
      expect(ties.problems).toEqual([]);
      expect(ties.tied.dispute).toBeGreaterThan(0);
      expect(ties.tied.capture).toBeGreaterThan(0);
    });

    it('catches both postings of a refund altered, which still balance', async () => {
      const w = await serviceWorld(getStore(), { signer: key.signer });
      const id = await refundedDispute(w);
      const refund = await getStore()
        .db.selectFrom('ledger_transactions')
        .select('id')
        .where('dispute_id', '=', id)
        .where('kind', '=', 'refund')
        .executeTakeFirstOrThrow();
      const alter = (factor: bigint) =>
        getStore()
          .db.updateTable('ledger_postings')
          .set((eb) => ({ amount_minor: eb('amount_minor', '*', factor) }))
          .where('transaction_id', '=', refund.id)
          .execute();
      await alter(3n);
      try {
        // Still balanced: only the tie to its cause (and, at this size, the recovery cap) sees it.
        expect((await checkLedger(getStore().db)).unbalanced).toEqual([]);
        expect((await checkLedgerTies(getStore().db)).problems).toMatchObject([
          { transactionId: refund.id, problem: 'differs' },
        ]);
      } finally {
        await getStore()
          .db.updateTable('ledger_postings')
          .set((eb) => ({ amount_minor: eb('amount_minor', '/', 3n) }))
          .where('transaction_id', '=', refund.id)
          .execute();
      }
      expect((await checkLedgerTies(getStore().db)).ok).toBe(true);
    });

    it('catches a refund transaction deleted, and one that no event caused', async () => {
      const w = await serviceWorld(getStore(), { signer: key.signer });
      const id = await refundedDispute(w);
      const db = getStore().db;
      const refund = await db
        .selectFrom('ledger_transactions')
        .selectAll()
        .where('dispute_id', '=', id)
        .where('kind', '=', 'refund')
        .executeTakeFirstOrThrow();
      const postings = await db
        .selectFrom('ledger_postings')
        .selectAll()
        .where('transaction_id', '=', refund.id)
        .execute();
      await db.deleteFrom('ledger_postings').where('transaction_id', '=', refund.id).execute();
      await db.deleteFrom('ledger_transactions').where('id', '=', refund.id).execute();
      const fake = `${id}:1`;
      await db
        .insertInto('ledger_transactions')
        .values({ ...refund, id: fake, event_seq: 1 })
        .execute();
      await db
        .insertInto('ledger_postings')
        .values(postings.map((p) => ({ ...p, transaction_id: fake })))
        .execute();
      try {
        expect((await checkLedger(db)).ok).toBe(true);
        const problems = (await checkLedgerTies(db)).problems.map((p) => [
          p.transactionId,
          p.problem,
        ]);
        expect(problems).toEqual(
          expect.arrayContaining([
            [refund.id, 'missing_transaction'],
            [fake, 'no_cause'],
          ]),
        );
      } finally {
        await db.deleteFrom('ledger_postings').where('transaction_id', '=', fake).execute();
        await db.deleteFrom('ledger_transactions').where('id', '=', fake).execute();
        await db.insertInto('ledger_transactions').values(refund).execute();
        await db.insertInto('ledger_postings').values(postings).execute();
      }
      expect((await checkLedgerTies(db)).ok).toBe(true);
    });
  },
);
