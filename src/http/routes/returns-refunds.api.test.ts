// Returns and refund execution over HTTP on both databases: a local-return market's seller gives
// the address and the label file (uploaded as return_label evidence) with the tracking number,
// the return's RMA number and postage show in the view, the seller's postage is posted when the
// buyer ships; a receipt not as described escalates with the fixed reason; the marketplace
// reports the refund's payment (idempotent, 409 when it would count twice, only its key), a
// failure is retried then handed to staff, and the outbox carries each step. Bad input is 4xx.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { feedOrder, http } from '../../../test/support/http-client.ts';
import { form } from '../../../test/support/multipart.ts';
import { accounts, type BuyerId, REFUND_RETRY_MS, type SellerId } from '../../domain/index.ts';
import { minimalPdf } from '../../service/evidence/test-fixtures.ts';
import { accountBalance, checkLedger } from '../../store/ledger-store.ts';

const usd = (minor: number) => ({ minor: String(minor), currency: 'USD' });
const unique = (p: string) => `${p}-${randomUUID().slice(0, 12)}`;

describeEachDatabase('returns and refund execution over HTTP', (getStore) => {
  let w: ApiWorld;
  let h: ReturnType<typeof http>;

  beforeAll(async () => {
    w = await apiWorld(getStore, { sellerCountry: 'IT' });
    h = http(w);
    await h.post(
      'admin',
      '/v1/policies',
      { market: 'seller:IT', values: { localReturn: true } },
      201,
    );
  });
  afterAll(async () => {
    const report = await checkLedger(getStore().db);
    expect(report.ok, JSON.stringify(report.overRecovered)).toBe(true);
    await w?.close();
  });

  /** A dispute whose buyer asked for a return (seller-paid postage) that the seller accepted. */
  async function agreedReturn(postage = 450) {
    const orderId = await feedOrder(w, { orderId: unique('order'), minor: '5000' });
    const disputeId = unique('dsp');
    await h.post(
      'buyer',
      '/v1/disputes',
      {
        disputeId,
        orderId,
        reason: 'damaged',
        request: {
          kind: 'return_and_refund',
          amount: usd(5_000),
          postagePaidBy: 'seller',
          postage: usd(postage),
        },
        description: 'cracked',
      },
      201,
    );
    const accepted = await h.post(
      'seller',
      `/v1/disputes/${disputeId}/offers/${disputeId}.request/accept`,
    );
    expect(accepted.body.status).toBe('awaiting_return_label');
    return disputeId;
  }

  async function uploadLabel(disputeId: string): Promise<string> {
    const body = form({ kind: 'return_label', evidenceId: 'label-1' }, [
      { name: 'label.pdf', type: 'application/pdf', bytes: minimalPdf() },
    ]);
    const res = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${disputeId}/evidence`,
      headers: { ...(await w.as('seller')), 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  }

  async function shipped(postage = 450) {
    const id = await agreedReturn(postage);
    const label = await uploadLabel(id);
    await h.post('seller', `/v1/disputes/${id}/return-details`, {
      address: {
        name: 'Negozio returns',
        lines: ['Via Roma 1'],
        city: 'Milano',
        postalCode: '20121',
        country: 'IT',
      },
    });
    await h.post('seller', `/v1/disputes/${id}/return-label`, {
      carrier: 'PosteItaliane',
      trackingNumber: 'IT-RET-1',
      labelEvidenceId: label,
    });
    await h.post('buyer', `/v1/disputes/${id}/return-shipment`, {
      carrier: 'PosteItaliane',
      trackingNumber: 'IT-RET-1',
    });
    return { id, label };
  }

  async function refunded() {
    const { id } = await shipped();
    const done = await h.post('seller', `/v1/disputes/${id}/return-receipt`, {
      condition: 'as_described',
    });
    expect(done.body.status).toBe('resolved');
    return { id, refundId: `${id}:refund:1` };
  }

  async function outboxTopics(disputeId: string): Promise<string[]> {
    const rows = await getStore()
      .db.selectFrom('outbox')
      .select('topic')
      .where('aggregate_id', '=', disputeId)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.topic);
  }

  it('shows the RMA number, the address, the label file and the postage, and posts the seller’s postage once the buyer ships', async () => {
    const { id, label } = await shipped(450);
    const view = await h.get('buyer', `/v1/disputes/${id}`);
    expect(view.body.returnPlan).toMatchObject({
      rmaNumber: `RMA-${id}-1`,
      postagePaidBy: 'seller',
      postage: usd(450),
      address: { city: 'Milano', country: 'IT' },
      label: { trackingNumber: 'IT-RET-1' },
      labelEvidenceId: label,
    });
    const file = view.body.evidence.find((e: { id: string }) => e.id === label);
    expect(file).toMatchObject({ kind: 'return_label', mediaType: 'application/pdf' });
    const labelFile = await w.app.inject({
      method: 'GET',
      url: file.fileUrl,
      headers: await w.as('buyer'),
    });
    expect(labelFile.statusCode).toBe(200);
    const db = getStore().db;
    expect(await accountBalance(db, 'return_postage_paid', 'USD')).toBeGreaterThanOrEqual(450n);
    const rows = await db
      .selectFrom('ledger_transactions')
      .select('kind')
      .where('dispute_id', '=', id)
      .where('kind', '=', 'return_postage')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a label that is not the seller’s return_label evidence, and platform postage from a party', async () => {
    const id = await agreedReturn();
    const refused = await h.post(
      'seller',
      `/v1/disputes/${id}/return-label`,
      { carrier: 'c', trackingNumber: 't', labelEvidenceId: 'nope' },
      422,
    );
    expect(refused.body.code).toBe('return.label_not_found');
    const bad = await h.post(
      'seller',
      `/v1/disputes/${id}/return-details`,
      { address: { name: 'x', lines: [], city: 'c', postalCode: 'p', country: 'IT' } },
      400,
    );
    expect(bad.body.code).toBe('request.invalid');
    const orderId = await feedOrder(w, { orderId: unique('order'), minor: '5000' });
    const platform = await h.post(
      'buyer',
      '/v1/disputes',
      {
        orderId,
        reason: 'damaged',
        request: { kind: 'return_and_refund', amount: usd(100), postagePaidBy: 'platform' },
        description: 'x',
      },
      403,
    );
    expect(platform.body.code).toBe('return.postage_payer_not_allowed');
  });

  it('a return received with missing parts escalates with the fixed reason and the seller’s note only', async () => {
    const { id } = await shipped();
    const res = await h.post('seller', `/v1/disputes/${id}/return-receipt`, {
      condition: 'missing_parts',
      note: 'the charger is missing',
    });
    expect(res.body.status).toBe('in_arbitration');
    expect(res.body.escalation).toMatchObject({
      by: 'seller',
      reason: 'return_missing_parts',
      note: 'the charger is missing',
    });
    expect(res.body.returnPlan.condition).toBe('missing_parts');
    expect(res.body.refunds).toEqual([]);
    await h.post(
      'seller',
      `/v1/disputes/${id}/return-receipt`,
      { condition: 'as_described', reason: 'typed' },
      400,
    );
  });

  it('owes the refund, then the marketplace’s success moves it once; a replay answers the same, a second success 409', async () => {
    const { id, refundId } = await refunded();
    const view = await h.get('buyer', `/v1/disputes/${id}`);
    expect(view.body.refunds).toEqual([
      expect.objectContaining({ id: refundId, status: 'pending', attempt: 1, amount: usd(5_000) }),
    ]);
    const db = getStore().db;
    const buyer = w.buyerId as BuyerId;
    const owedBefore = await accountBalance(db, accounts.buyerRefundsOwed(buyer), 'USD');
    const paidBefore = await accountBalance(db, accounts.buyerRefunds(buyer), 'USD');
    const key = { 'idempotency-key': unique('key') };
    const first = await w.app.inject({
      method: 'POST',
      url: `/v1/refunds/${refundId}/result`,
      headers: { ...(await w.as('integration')), ...key },
      payload: { result: 'succeeded' },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id: refundId, disputeId: id, status: 'succeeded' });
    const replay = await w.app.inject({
      method: 'POST',
      url: `/v1/refunds/${refundId}/result`,
      headers: { ...(await w.as('integration')), ...key },
      payload: { result: 'succeeded' },
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const again = await h.post(
      'integration',
      `/v1/refunds/${refundId}/result`,
      { result: 'succeeded' },
      409,
    );
    expect(again.body.code).toBe('refund.already_succeeded');
    expect(await accountBalance(db, accounts.buyerRefundsOwed(buyer), 'USD')).toBe(
      owedBefore - 5_000n,
    );
    expect(await accountBalance(db, accounts.buyerRefunds(buyer), 'USD')).toBe(paidBefore + 5_000n);
    expect(await outboxTopics(id)).toContain('refund.succeeded');
    const read = await h.get('integration', `/v1/refunds/${refundId}`);
    expect(read.body.status).toBe('succeeded');
    await h.get('seller', `/v1/refunds/${refundId}`);
  });

  it('retries a failed refund after a day, hands it to staff after the last attempt, then refuses a success with 409', async () => {
    const { id, refundId } = await refunded();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const failed = await h.post('integration', `/v1/refunds/${refundId}/result`, {
        result: 'failed',
        failure: 'card expired',
      });
      expect(failed.body).toMatchObject({ attempt, lastFailure: 'card expired' });
      if (attempt < 3) {
        expect(failed.body.status).toBe('retry_scheduled');
        await h.post('admin', '/v1/clock/advance', { ms: REFUND_RETRY_MS });
        const asked = await h.get('integration', `/v1/refunds/${refundId}`);
        expect(asked.body).toMatchObject({ status: 'pending', attempt: attempt + 1 });
      } else {
        expect(failed.body.status).toBe('escalated');
      }
    }
    const late = await h.post(
      'integration',
      `/v1/refunds/${refundId}/result`,
      { result: 'succeeded' },
      409,
    );
    expect(late.body.code).toBe('refund.already_failed');
    const staff = await h.get('arbitrator', `/v1/disputes/${id}`);
    expect(staff.body.refunds[0]).toMatchObject({ status: 'escalated', attempt: 3 });
    const topics = await outboxTopics(id);
    expect(topics.filter((t) => t === 'refund.failed')).toHaveLength(3);
    expect(topics.filter((t) => t === 'refund.retry_requested')).toHaveLength(2);
    expect(topics).toContain('refund.escalated');
  });

  it('only the integration reports; an unknown refund is 404; bad bodies are 400', async () => {
    const { refundId } = await refunded();
    await h.post('seller', `/v1/refunds/${refundId}/result`, { result: 'succeeded' }, 403);
    await h.post('admin', `/v1/refunds/${refundId}/result`, { result: 'succeeded' }, 403);
    const unknown = await h.post(
      'integration',
      `/v1/refunds/${refundId.replace(':refund:1', ':refund:7')}/result`,
      { result: 'succeeded' },
      404,
    );
    expect(unknown.body.code).toBe('refund.not_found');
    await h.post('integration', '/v1/refunds/not-a-refund/result', { result: 'succeeded' }, 404);
    await h.post('integration', `/v1/refunds/${refundId}/result`, { result: 'maybe' }, 400);
    const mixed = await h.post(
      'integration',
      `/v1/refunds/${refundId}/result`,
      { result: 'succeeded', failure: 'x' },
      422,
    );
    expect(mixed.body.code).toBe('input.invalid');
    // Another store's seller does not see it.
    expect(w.sellerId as SellerId).toBeDefined();
  });
});
