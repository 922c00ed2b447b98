// A policy version for a market is the previous version plus the admin's changes, never a
// replacement that drops the market's other overrides; and the dispute view says which versions
// a dispute runs on, so staff can tell why its windows are what they are.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { feedOrder, http } from '../../../test/support/http-client.ts';
import { DAY_MS } from '../../domain/index.ts';

const unique = (p: string) => `${p}-${randomUUID().slice(0, 12)}`;

describeEachDatabase('policy versions', (getStore) => {
  let w: ApiWorld;
  beforeAll(async () => {
    w = await apiWorld(getStore);
  });
  afterAll(async () => {
    await w.close();
  });

  it('adds a version to the previous one, and the dispute view names the version it runs on', async () => {
    const h = http(w);
    const first = await h.post(
      'admin',
      '/v1/policies',
      { market: 'buyer:US', values: { sellerResponseMs: 3 * DAY_MS } },
      201,
    );
    expect(first.body).toMatchObject({ id: 'buyer:US#1', version: 1 });
    const second = await h.post(
      'admin',
      '/v1/policies',
      { market: 'buyer:US', values: { negotiationMs: 8 * DAY_MS } },
      201,
    );
    expect(second.body).toMatchObject({
      id: 'buyer:US#2',
      values: { sellerResponseMs: 3 * DAY_MS, negotiationMs: 8 * DAY_MS },
    });
    const listed = await h.get('admin', '/v1/policies');
    expect(listed.body.items.find((v: { id: string }) => v.id === 'buyer:US#2').values).toEqual({
      sellerResponseMs: 3 * DAY_MS,
      negotiationMs: 8 * DAY_MS,
    });

    // A US buyer's dispute runs on version 2: both overrides hold (the seller answers in 3 days).
    const orderId = await feedOrder(w, { orderId: unique('order'), minor: '1500' });
    const opened = await h.post(
      'buyer',
      '/v1/disputes',
      {
        disputeId: unique('dsp'),
        orderId,
        reason: 'damaged',
        request: { kind: 'refund', amount: { minor: '1500', currency: 'USD' } },
        description: 'cracked',
      },
      201,
    );
    expect(opened.body.policyVersions).toEqual(['buyer:US#2']);
    const due = opened.body.viewer.dueDates.find(
      (d: { kind: string }) => d.kind === 'seller_response',
    );
    expect(Date.parse(due.dueAt) - Date.parse(opened.body.openedAt)).toBe(3 * DAY_MS);
    const seen = await h.get('seller', `/v1/disputes/${opened.body.id}`);
    expect(seen.body.policyVersions).toEqual(['buyer:US#2']);
  });
});
