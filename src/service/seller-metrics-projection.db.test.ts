// Goal: whatever the sequence of orders, confirmations, disputes, cancellations, agreements,
// escalations, withdrawals, rulings, appeals and deadlines, the seller metrics and impact
// previews served from the projection equal the fold over every event (the reference), on both
// databases; and `metrics check` flags a projection that a write skipped.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { evidence } from '../../test/harness/fixtures.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { serviceWorld } from '../../test/support/service-world.ts';
import {
  DAY_MS,
  type DisputeId,
  type EvidenceId,
  instant,
  money,
  type OfferId,
  type OrderId,
  type Responsibility,
} from '../domain/index.ts';
import { recordOrderStatus } from './marketplace.ts';
import { checkSellerMetrics } from './metrics-check.ts';
import { foldedImpactFor, impactFor } from './seller-metrics.ts';

const SEED = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };
const RUNS = Number(process.env.FC_RUNS ?? 12);

type Step =
  | { readonly kind: 'order'; readonly channel: 'platform' | 'seller'; readonly completed: boolean }
  | { readonly kind: 'complete'; readonly which: number }
  | { readonly kind: 'open'; readonly which: number }
  | { readonly kind: 'cancel' | 'accept' | 'escalate' | 'withdraw'; readonly which: number }
  | { readonly kind: 'rule'; readonly which: number; readonly responsibility: Responsibility }
  | { readonly kind: 'appeal'; readonly which: number; readonly overturn: boolean }
  | { readonly kind: 'wait'; readonly days: number };

const which = fc.nat(5);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      channel: fc.constantFrom('platform' as const, 'seller' as const),
      completed: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('complete' as const), which }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('open' as const), which }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'cancel' as const,
        'accept' as const,
        'escalate' as const,
        'withdraw' as const,
      ),
      which,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rule' as const),
      which,
      responsibility: fc.constantFrom<Responsibility>('seller', 'logistics', 'buyer', 'none'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('appeal' as const), which, overturn: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      days: fc.constantFrom(1, 5, 13, 29),
    }),
  },
);

describeEachDatabase('the seller metrics projection against the fold', (getStore) => {
  it('serves the same metrics and impact previews as the fold, after any sequence', {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 16 }), async (steps) => {
        const store = getStore();
        const w = await serviceWorld(store);
        const orders: OrderId[] = [];
        const disputes: DisputeId[] = [];
        const pick = <T>(list: readonly T[], n: number) =>
          list.length === 0 ? undefined : list[n % list.length];
        for (const s of steps) {
          if (s.kind === 'order') {
            orders.push(await w.newOrder({ channel: s.channel, completed: s.completed }));
            continue;
          }
          if (s.kind === 'wait') {
            w.clock.advance(s.days * DAY_MS);
            await w.runner.drain();
            continue;
          }
          if (s.kind === 'complete') {
            const orderId = pick(orders, s.which);
            if (orderId !== undefined)
              await recordOrderStatus(store.db, w.service, {
                orderId,
                status: 'completed',
                by: 'timeout',
                at: await w.clock.now(),
              });
            continue;
          }
          if (s.kind === 'open') {
            const orderId = pick(orders, s.which);
            if (orderId === undefined) continue;
            const id = w.disputeId();
            const r = await w.service.open(w.buyer, {
              disputeId: id,
              orderId,
              reason: 'damaged',
              request: { kind: 'refund', amount: money(500, 'USD') },
              description: 'cracked',
            });
            if (r.ok) disputes.push(id);
            continue;
          }
          const id = pick(disputes, s.which);
          if (id === undefined) continue;
          await apply(w, id, s);
        }
        const now = await w.clock.now();
        const report = await checkSellerMetrics(store, now, [w.sellerId]);
        expect(report.mismatches).toEqual([]);
        for (const id of disputes)
          expect(await impactFor(store, w.sellerId, id, now)).toEqual(
            await foldedImpactFor(store, w.sellerId, id, now),
          );
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('metrics check lists a seller whose projection a write skipped', async () => {
    const store = getStore();
    const w = await serviceWorld(store);
    await w.newOrder();
    // A confirmation written behind the projection's back, as a broken write path would.
    const orderId = await w.newOrder({ completed: false });
    await store.db
      .updateTable('orders')
      .set({
        status: 'completed',
        completed_by: 'buyer',
        completed_at: new Date(await w.clock.now()),
      })
      .where('id', '=', orderId)
      .execute();
    const report = await checkSellerMetrics(store, instant(await w.clock.now()), [w.sellerId]);
    expect(report.ok).toBe(false);
    expect(report.mismatches.map((m) => m.sellerId)).toEqual([w.sellerId]);
  });
});

type World = Awaited<ReturnType<typeof serviceWorld>>;

async function apply(w: World, id: DisputeId, s: Step): Promise<void> {
  switch (s.kind) {
    case 'cancel':
      await w.service.handle(id, w.buyer, { type: 'cancel', reason: 'sorted' });
      return;
    case 'accept':
      await w.service.handle(id, w.seller, {
        type: 'accept_offer',
        offerId: `${id}.request` as OfferId,
      });
      return;
    case 'escalate':
      await w.service.handle(id, w.buyer, { type: 'escalate', note: '' });
      return;
    case 'withdraw':
      await w.service.handle(id, w.buyer, { type: 'withdraw_escalation' });
      return;
    case 'rule':
      await w.service.handle(id, w.seller, { type: 'escalate', note: '' });
      await w.service.handle(id, w.arbitrator, {
        type: 'rule',
        ruling: {
          outcome: { kind: 'no_refund' },
          responsibility: s.responsibility,
          reasonCode: 'r',
          note: '',
        },
      });
      return;
    case 'appeal': {
      // An appeal needs new evidence: the seller adds a photo, then appeals with it.
      const evidenceId = `${id}-ev-${s.which}` as EvidenceId;
      await w.service.handle(id, w.seller, {
        type: 'add_evidence',
        evidence: evidence({ id: evidenceId, sha256: 'c'.repeat(64), fileName: 'new.jpg' }),
      });
      await w.service.handle(id, w.seller, {
        type: 'appeal',
        note: 'new facts',
        evidenceIds: [evidenceId],
      });
      await w.service.handle(id, w.arbitrator2, {
        type: 'decide_appeal',
        decision: s.overturn ? 'overturned' : 'upheld',
        ...(s.overturn
          ? {
              ruling: {
                outcome: { kind: 'no_refund' },
                responsibility: 'buyer',
                reasonCode: 'r2',
                note: '',
              },
            }
          : {}),
      });
      return;
    }
    default:
      return;
  }
}
