// Seller standing on both databases (issue 10, item 12): a ruling against the seller that lifts
// the seller-responsibility rate above the policy's warning threshold announces the level, the
// policy's penalty tier, the rates and the ruled dispute once; more rulings at the same level
// announce nothing; confirmations that bring the rate back under announce the way back.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { serviceWorld } from '../../test/support/service-world.ts';
import { type DisputeId, money, type OrderId } from '../domain/index.ts';
import { addPolicyVersion } from './policy-store.ts';

describeEachDatabase('seller standing', (getStore) => {
  it('announces crossing the warning threshold and falling back under it, once each', async () => {
    const store = getStore();
    // Its own market, so the thresholds are this test's: rate alone decides (counts are high).
    const country = 'MT';
    await addPolicyVersion(store.db, {
      market: `seller:${country}`,
      changes: {
        sellerResponsibilityWarnBp: 1_000,
        sellerResponsibilityWarnCount: 100,
        sellerResponsibilityWarnTier: 'probation',
        sellerResponsibilityRestrictBp: 5_000,
        sellerResponsibilityRestrictCount: 100,
      },
      createdBy: 'test',
      at: 0,
    });
    const w = await serviceWorld(store, { sellerCountry: country });
    const messages = async () =>
      (
        await store.db
          .selectFrom('outbox')
          .select('payload')
          .where('topic', '=', 'seller.standing_changed')
          .where('aggregate_id', '=', w.sellerId)
          .orderBy('id')
          .execute()
      ).map((r) => r.payload as Record<string, unknown>);

    const ruledAgainst = async (orderId: OrderId): Promise<DisputeId> => {
      const id = w.disputeId();
      const opened = await w.service.open(w.buyer, {
        disputeId: id,
        orderId,
        reason: 'damaged',
        request: { kind: 'refund', amount: money(100, 'USD') },
        description: 'cracked',
      });
      expect(opened.ok).toBe(true);
      await w.service.handle(id, w.seller, { type: 'escalate', note: '' });
      const ruled = await w.service.handle(id, w.arbitrator, {
        type: 'rule',
        ruling: {
          outcome: { kind: 'no_refund' },
          responsibility: 'seller',
          reasonCode: 'r',
          note: '',
        },
      });
      expect(ruled.ok).toBe(true);
      return id;
    };

    // One confirmed order, its dispute ruled against the seller: 1 ÷ (1 + 1 + 1) = 33.33%.
    const first = await ruledAgainst(await w.newOrder());
    const [warned, ...none] = await messages();
    expect(none).toEqual([]);
    expect(warned).toMatchObject({
      sellerId: w.sellerId,
      previousLevel: 'good',
      level: 'warn',
      tier: 'probation',
      direction: 'worse',
      metrics: { sellerResponsibilityRate: { numerator: 1, denominator: 3, bp: 3_333 } },
      thresholds: { warn: { rateBp: 1_000, tier: 'probation' } },
      disputes: [{ disputeId: first, responsibility: 'seller', channel: 'platform' }],
    });

    // Confirmed orders grow the denominator: at 1 ÷ 10 = 10% the rate is no longer above 10%.
    for (let i = 0; i < 10; i += 1) await w.newOrder();
    const all = await messages();
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({
      previousLevel: 'warn',
      level: 'good',
      tier: null,
      direction: 'better',
      metrics: { sellerResponsibilityRate: { numerator: 1, denominator: 10, bp: 1_000 } },
    });
    const row = await store.db
      .selectFrom('seller_standing')
      .selectAll()
      .where('seller_id', '=', w.sellerId)
      .executeTakeFirstOrThrow();
    // Stored as announced: the later confirmations changed the rate, not the level.
    expect(row).toMatchObject({ level: 'good', tier: null, rate_bp: 1_000, ruled_against: 1 });
  });
});
