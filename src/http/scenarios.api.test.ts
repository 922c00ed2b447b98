// The five scenarios of domain.md over HTTP only: the integration feeds orders and tracking,
// buyer, seller and arbitrator act through the API, and the admin moves the virtual clock
// across each deadline. Run on PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { feedOrder, http } from '../../test/support/http-client.ts';
import { form } from '../../test/support/multipart.ts';
import { plainPhoto } from '../service/evidence/test-fixtures.ts';

const usd = (minor: number) => ({ minor: String(minor), currency: 'USD' });
const unique = (p: string) => `${p}-${randomUUID().slice(0, 12)}`;

describeEachDatabase('the five scenarios over HTTP', (getStore) => {
  let w: ApiWorld;
  afterEach(async () => {
    await w?.close();
  });

  async function open(
    reason: string,
    minor: number,
    kind: 'refund' | 'return_and_refund' = 'refund',
    channel: 'platform' | 'seller' = 'platform',
  ) {
    const h = http(w);
    const orderId = await feedOrder(w, { orderId: unique('order'), minor: String(minor), channel });
    const request =
      kind === 'refund'
        ? { kind, amount: usd(minor) }
        : { kind, amount: usd(minor), postagePaidBy: 'seller' };
    const res = await h.post(
      'buyer',
      '/v1/disputes',
      {
        disputeId: unique('dsp'),
        orderId,
        reason,
        request,
        description: `${reason} on ${orderId}`,
      },
      201,
    );
    return { id: res.body.id as string, orderId, view: res.body };
  }

  /** The buyer uploads a photo through the multipart route, as the console would. */
  async function upload(disputeId: string, fields: Record<string, string>) {
    const body = form(fields, [
      { name: 'photo.jpg', type: 'image/jpeg', bytes: await plainPhoto() },
    ]);
    const res = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${disputeId}/evidence`,
      headers: {
        ...((await w.as('buyer')) as Record<string, string>),
        'content-type': body.contentType,
      },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  const ledgerOf = (
    view: { ledger: { postings: { account: string; amountMinor: string }[] }[] },
    prefix: string,
  ) =>
    view.ledger
      .flatMap((t) => t.postings)
      .filter((p) => p.account.startsWith(prefix))
      .reduce((s, p) => s + BigInt(p.amountMinor), 0n);

  it('1. wrong item on platform logistics: label photo, logistics ruling, seller not charged', async () => {
    w = await apiWorld(getStore);
    const h = http(w);
    const d = await open('wrong_item', 3_999);
    expect(d.view.viewer.actions).toContain('cancel');
    await h.post('seller', `/v1/disputes/${d.id}/evidence-requests`, {
      from: 'buyer',
      kinds: ['label_comparison_photo'],
      note: 'peel back the top label',
    });
    await upload(d.id, {
      evidenceId: 'ev1',
      kind: 'label_comparison_photo',
      findings: 'labels_mismatch',
    });
    await h.post('seller', `/v1/disputes/${d.id}/offers/${d.id}.request/reject`, {
      reason: 'relabelled',
      counter: { terms: { kind: 'refund', amount: usd(100) } },
    });
    await h.post('buyer', `/v1/disputes/${d.id}/escalate`, { note: 'not my item' });
    const seen = await h.get('arbitrator', `/v1/disputes/${d.id}`);
    expect(seen.body.suggestion.responsibility).toBe('logistics');
    await h.post('arbitrator', `/v1/disputes/${d.id}/evidence/ev1/findings`, {
      findings: ['labels_mismatch'],
    });
    const ruled = await h.post('arbitrator', `/v1/disputes/${d.id}/ruling`, {
      outcome: { kind: 'refund', amount: usd(3_999) },
      responsibility: 'logistics',
      reasonCode: 'label_mismatch',
      note: 'warehouse relabelled',
    });
    expect(ruled.body.status).toBe('resolved');
    await h.post('admin', '/v1/clock/advance', { days: 7 });
    const after = await h.get('seller', `/v1/disputes/${d.id}`);
    expect(ledgerOf(after.body, 'platform_logistics_compensation')).toBe(-3_999n);
    expect(ledgerOf(after.body, 'seller_balance')).toBe(3_999n);
    const metrics = await h.get('seller', `/v1/sellers/${w.sellerId}/metrics`);
    expect(metrics.body.metrics.sellerResponsibilityRate.numerator).toBe(0);
    expect(metrics.body.metrics.disputeRate.numerator).toBe(0);
  });

  it('2. damaged on platform logistics, both ways: transit damage vs intact packaging', async () => {
    w = await apiWorld(getStore);
    const h = http(w);
    for (const [finding, responsibility] of [
      ['packaging_damaged', 'logistics'],
      ['packaging_intact', 'seller'],
    ] as const) {
      const d = await open('damaged', 1_500);
      await upload(d.id, { evidenceId: 'box', kind: 'outer_packaging_photo', findings: finding });
      await h.post('seller', `/v1/disputes/${d.id}/escalate`, { note: 'please decide' });
      const seen = await h.get('arbitrator', `/v1/disputes/${d.id}`);
      expect(seen.body.suggestion.responsibility).toBe(responsibility);
      await h.post('arbitrator', `/v1/disputes/${d.id}/ruling`, {
        outcome: { kind: 'refund', amount: usd(1_500) },
        responsibility,
        reasonCode: finding,
        note: '',
      });
    }
    const metrics = await h.get('seller', `/v1/sellers/${w.sellerId}/metrics`);
    expect(metrics.body.metrics.sellerResponsibilityRate.numerator).toBe(1);
    // Over time: a month ago nothing had happened yet; now is the same as the metrics above.
    const history = await h.get(
      'seller',
      `/v1/sellers/${w.sellerId}/metrics/history?points=2&stepDays=31`,
    );
    expect(history.body.thresholds).toEqual({ warnBp: 100, warnCount: 2 });
    expect(history.body.series.map((p: { at: string }) => Date.parse(p.at))).toEqual([
      w.clock.current() - 31 * 86_400_000,
      w.clock.current(),
    ]);
    expect(history.body.series[0].metrics.disputeRate.numerator).toBe(0);
    expect(history.body.series[1].metrics).toEqual(metrics.body.metrics);
    await h.get('buyer', `/v1/sellers/${w.sellerId}/metrics/history`, 404);
  });

  it('3. the return not arriving: escalate with a fixed reason, withdraw before the ruling with the remaining countdown', async () => {
    w = await apiWorld(getStore);
    const h = http(w);
    const d = await open('not_as_described', 2_500, 'return_and_refund');
    await h.post('seller', `/v1/disputes/${d.id}/offers/${d.id}.request/accept`);
    const shipped = await h.post('buyer', `/v1/disputes/${d.id}/return-shipment`, {
      carrier: 'USPS',
      trackingNumber: '9400',
    });
    expect(shipped.body.viewer.dueDates[0]).toMatchObject({
      kind: 'confirm_receipt',
      owner: 'seller',
    });
    await h.post('admin', '/v1/clock/advance', { days: 10 });
    const escalated = await h.post('seller', `/v1/disputes/${d.id}/escalate`, {
      note: 'nothing arrived',
    });
    expect(escalated.body.escalation.reason).toBe('return_not_received');
    const refused = await h.post(
      'seller',
      `/v1/disputes/${d.id}/escalate`,
      { note: 'x', goodsProblem: 'damaged' },
      409,
    );
    expect(refused.body.code).toBe('dispute.wrong_state');
    await h.post(
      'integration',
      '/v1/tracking-events',
      {
        shipmentId: `${d.id}:return`,
        status: 'delivered',
        at: new Date(Number(await w.runtime.clock.now())).toISOString(),
      },
      202,
    );
    const withdrawn = await h.post('seller', `/v1/disputes/${d.id}/escalation/withdraw`);
    expect(withdrawn.body.status).toBe('return_in_transit');
    expect(
      Date.parse(withdrawn.body.viewer.dueDates[0].dueAt) - Number(await w.runtime.clock.now()),
    ).toBe(20 * 86_400_000);
    const confirmed = await h.post('seller', `/v1/disputes/${d.id}/return-receipt`);
    expect(confirmed.body.resolution).toMatchObject({ outcome: 'refund', refunded: usd(2_500) });
  });

  it('3b. too late to withdraw: the arbitrator sees the return delivered and refunds the buyer', async () => {
    w = await apiWorld(getStore);
    const h = http(w);
    const d = await open('not_as_described', 2_500, 'return_and_refund');
    await h.post('seller', `/v1/disputes/${d.id}/offers/${d.id}.request/accept`);
    await h.post('buyer', `/v1/disputes/${d.id}/return-shipment`, {
      carrier: 'USPS',
      trackingNumber: '9401',
    });
    await h.post('seller', `/v1/disputes/${d.id}/escalate`, { note: 'nothing arrived' });
    await h.post(
      'integration',
      '/v1/tracking-events',
      {
        shipmentId: `${d.id}:return`,
        status: 'delivered',
        at: new Date(Number(await w.runtime.clock.now())).toISOString(),
      },
      202,
    );
    const seen = await h.get('arbitrator', `/v1/disputes/${d.id}`);
    expect(seen.body.suggestion.outcome).toBe('refund');
    expect(
      seen.body.tracking.some(
        (t: { direction: string; events: { status: string }[] }) =>
          t.direction === 'return' && t.events.some((e) => e.status === 'delivered'),
      ),
    ).toBe(true);
    await h.post('arbitrator', `/v1/disputes/${d.id}/ruling`, {
      outcome: { kind: 'refund', amount: usd(2_500) },
      responsibility: 'none',
      reasonCode: 'return_delivered',
      note: '',
    });
    const late = await h.post('seller', `/v1/disputes/${d.id}/escalation/withdraw`, {}, 409);
    expect(late.body.code).toBe('dispute.already_ruled');
    expect(late.headers['content-type']).toContain('application/problem+json');
  });

  it('4. negotiating well: a coupon withdraws the dispute; silence accepts the request after 5 days', async () => {
    w = await apiWorld(getStore);
    const h = http(w);
    const d = await open('quality_issue', 600);
    const impact = await h.get('seller', `/v1/disputes/${d.id}/impact`);
    expect(impact.body.ifBuyerCancels.disputeRate.numerator).toBe(
      impact.body.now.disputeRate.numerator - 1,
    );
    const expiresAt = new Date(Number(await w.runtime.clock.now()) + 90 * 86_400_000).toISOString();
    await h.post('seller', `/v1/disputes/${d.id}/offers/${d.id}.request/reject`, {
      reason: 'small scratch',
      counter: {
        offerId: 'cpn1',
        terms: { kind: 'coupon', value: usd(800), minSpend: usd(2_000), expiresAt },
      },
    });
    const accepted = await h.post('buyer', `/v1/disputes/${d.id}/offers/cpn1/accept`);
    expect(accepted.body).toMatchObject({ status: 'cancelled', couponCode: 'CPN-cpn1' });

    const silent = await open('damaged', 900);
    const fired = await h.post('admin', '/v1/clock/advance', { days: 5 });
    expect(fired.body.fired).toBeGreaterThanOrEqual(1);
    const resolved = await h.get('buyer', `/v1/disputes/${silent.id}`);
    expect(resolved.body.resolution).toMatchObject({
      how: 'seller_response_timeout',
      refunded: usd(900),
    });
  });

  it('5. local returns (Italy): a ruled return prompts the seller for the label, the buyer ships with it', async () => {
    w = await apiWorld(getStore, { sellerCountry: 'IT' });
    const h = http(w);
    await h.post(
      'admin',
      '/v1/policies',
      { market: 'seller:IT', values: { localReturn: true } },
      201,
    );
    const d = await open('not_as_described', 8_900, 'refund', 'seller');
    await h.post('seller', `/v1/disputes/${d.id}/offers/${d.id}.request/reject`, {
      reason: 'colour matches',
      counter: { terms: { kind: 'refund', amount: usd(1_000) } },
    });
    await h.post('buyer', `/v1/disputes/${d.id}/escalate`, {});
    const ruled = await h.post('arbitrator', `/v1/disputes/${d.id}/ruling`, {
      outcome: { kind: 'return_and_refund', amount: usd(8_900), postagePaidBy: 'seller' },
      responsibility: 'seller',
      reasonCode: 'not_as_described',
      note: 'return it',
    });
    expect(ruled.body.status).toBe('awaiting_return_label');
    const sellerView = await h.get('seller', `/v1/disputes/${d.id}`);
    expect(sellerView.body.viewer.actions).toEqual(expect.arrayContaining(['supply_return_label']));
    await h.post('seller', `/v1/disputes/${d.id}/return-label`, {
      carrier: 'PosteItaliane',
      trackingNumber: 'IT-RET-1',
    });
    await h.post('buyer', `/v1/disputes/${d.id}/return-shipment`, {
      carrier: 'PosteItaliane',
      trackingNumber: 'IT-RET-1',
    });
    await h.post('seller', `/v1/disputes/${d.id}/return-receipt`);
    await h.post('admin', '/v1/clock/advance', { days: 7 });
    const final = await h.get('buyer', `/v1/disputes/${d.id}`);
    expect(final.body.resolution).toMatchObject({
      how: 'arbitration',
      responsibility: 'seller',
      refunded: usd(8_900),
    });
    const caseFile = await h.get('buyer', `/v1/disputes/${d.id}/case-file`);
    expect(caseFile.headers['content-type']).toContain('text/html');
    expect(caseFile.text).toContain('hash-chained log');
    const staffFile = await h.get('arbitrator', `/v1/disputes/${d.id}/case-file`);
    expect(staffFile.text).toContain('Event log head');
  });
});
