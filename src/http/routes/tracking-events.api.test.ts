// Carrier tracking events dated in the future are refused: a "delivered" a day ahead would become
// the return's delivery and start the seller's countdown from a time that has not come. A small
// clock skew is tolerated; the refusal is a 422 that names the problem and records nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { feedOrder, http } from '../../../test/support/http-client.ts';
import { DAY_MS, MINUTE_MS } from '../../domain/index.ts';

const usd = (minor: number) => ({ minor: String(minor), currency: 'USD' });
const unique = (p: string) => `${p}-${randomUUID().slice(0, 12)}`;

describeEachDatabase('carrier tracking events in the future', (getStore) => {
  let w: ApiWorld;
  beforeAll(async () => {
    w = await apiWorld(getStore);
  });
  afterAll(async () => {
    await w.close();
  });

  /** A dispute whose return the buyer has shipped: the next delivered event ends the transit. */
  async function returnInTransit(): Promise<string> {
    const h = http(w);
    const orderId = await feedOrder(w, { orderId: unique('order'), minor: '2500' });
    const opened = await h.post(
      'buyer',
      '/v1/disputes',
      {
        disputeId: unique('dsp'),
        orderId,
        reason: 'not_as_described',
        request: { kind: 'return_and_refund', amount: usd(2_500), postagePaidBy: 'seller' },
        description: 'not what was shown',
      },
      201,
    );
    const id = opened.body.id as string;
    await h.post('seller', `/v1/disputes/${id}/offers/${id}.request/accept`);
    await h.post('buyer', `/v1/disputes/${id}/return-shipment`, {
      carrier: 'USPS',
      trackingNumber: unique('9400'),
    });
    return id;
  }

  const at = async (aheadMs: number) =>
    new Date(Number(await w.runtime.clock.now()) + aheadMs).toISOString();

  it('refuses a delivery dated a day ahead with 422 and records nothing', async () => {
    const h = http(w);
    const id = await returnInTransit();
    const refused = await h.post(
      'integration',
      '/v1/tracking-events',
      { shipmentId: `${id}:return`, status: 'delivered', at: await at(DAY_MS) },
      422,
    );
    expect(refused.body.code).toBe('tracking.in_future');
    expect(refused.body.detail).toMatch(/by more than 15 minutes/);
    const view = await h.get('seller', `/v1/disputes/${id}`);
    expect(view.body.status).toBe('return_in_transit');
    const returned = view.body.tracking.find(
      (t: { direction: string }) => t.direction === 'return',
    );
    expect(returned?.events ?? []).toEqual([]);
  });

  it('accepts an event within the clock skew and records it as the return delivered', async () => {
    const h = http(w);
    const id = await returnInTransit();
    await h.post(
      'integration',
      '/v1/tracking-events',
      { shipmentId: `${id}:return`, status: 'delivered', at: await at(5 * MINUTE_MS) },
      202,
    );
    const view = await h.get('seller', `/v1/disputes/${id}`);
    const returned = view.body.tracking.find(
      (t: { direction: string }) => t.direction === 'return',
    );
    expect(returned.events.map((e: { status: string }) => e.status)).toEqual(['delivered']);
  });
});
