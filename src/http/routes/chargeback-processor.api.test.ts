// Chargebacks as processors report them, over HTTP on both databases (issue 10, item 9): the
// network's reason code, stages from inquiry to pre-arbitration each with a fresh defence window
// the runner honours, the processor's fee posted to the ledger, structured defence evidence, a
// partial loss, and the seller conceding (lost at once, the dispute's hold lifted). The ledger
// stays balanced and every chargeback transaction ties to its cause.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  DAY_MS,
  type DisputeId,
  type EvidenceId,
  money,
  type OrderId,
} from '../../domain/index.ts';
import { checkLedgerTies } from '../../service/ledger-ties.ts';
import { accountBalance, checkLedger } from '../../store/ledger-store.ts';
import { chargebackRoutes } from './chargebacks.ts';

type Headers = Record<string, string>;
const usd = (minor: string) => ({ minor, currency: 'USD' });

describeEachDatabase('chargebacks as processors report them', (getStore) => {
  let w: ApiWorld;
  let integration: Headers;
  let seller: Headers;

  beforeAll(async () => {
    w = await apiWorld(getStore, { groups: [chargebackRoutes] });
    integration = await w.as('integration');
    seller = await w.as('seller');
  });
  afterAll(async () => {
    const db = getStore().db;
    const ledger = await checkLedger(db);
    expect([ledger.unbalanced, ledger.overRecovered, ledger.negativeEscrow]).toEqual([[], [], []]);
    expect((await checkLedgerTies(db)).problems).toEqual([]);
    await w?.close();
  });

  const post = (url: string, headers: Headers, payload: unknown = {}) =>
    w.app.inject({ method: 'POST', url, headers, payload: payload as object });
  const get = (url: string) => w.app.inject({ method: 'GET', url, headers: integration });

  /** An order (2000 USD in escrow) with a dispute on it and a file its seller uploaded there. */
  async function disputedOrder(): Promise<{ orderId: OrderId; disputeId: DisputeId }> {
    const orderId = await w.newOrder();
    const disputeId = w.disputeId();
    const opened = await w.service.open(w.buyer, {
      disputeId,
      orderId,
      reason: 'not_as_described',
      request: { kind: 'refund', amount: money(500, 'USD') },
      description: 'not what the listing showed',
    });
    expect(opened.ok).toBe(true);
    const added = await w.service.handle(disputeId, w.seller, {
      type: 'add_evidence',
      evidence: {
        id: `waybill-${disputeId}` as EvidenceId,
        kind: 'tracking_proof',
        findings: [],
        sha256: 'd'.repeat(64),
        mediaType: 'application/pdf',
        bytes: 8_192,
        fileName: 'waybill.pdf',
        note: '',
        arbitratorOnly: false,
      },
    });
    expect(added.ok).toBe(true);
    return { orderId, disputeId };
  }

  it('refuses structured evidence naming a file the seller did not upload', async () => {
    const { orderId } = await disputedOrder();
    const id = (await post('/v1/chargebacks', integration, { orderId, amount: usd('100') })).json()
      .id as string;
    const res = await post(`/v1/chargebacks/${id}/defence`, seller, {
      evidenceIds: [],
      note: '',
      evidence: { refundPolicy: ['ev-not-mine'] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'chargeback.evidence_unknown',
      facts: { unknown: 'ev-not-mine' },
    });
    const long = await post(`/v1/chargebacks/${id}/defence`, seller, {
      evidenceIds: [],
      note: '',
      evidence: { shippingCarrier: 'x'.repeat(201) },
    });
    expect(long.statusCode).toBe(400);
  });

  it('the seller concedes: lost at once, the open dispute closed; the processor confirming is a no-op', async () => {
    const { orderId, disputeId } = await disputedOrder();
    const id = (await post('/v1/chargebacks', integration, { orderId, amount: usd('600') })).json()
      .id as string;
    expect((await w.service.get(disputeId))?.dispute.escrowFrozen).toBe(true);
    const stranger = (await w.createUser('seller')).headers;
    expect((await post(`/v1/chargebacks/${id}/concede`, stranger)).statusCode).toBe(404);
    const conceded = await post(`/v1/chargebacks/${id}/concede`, seller);
    expect(conceded.statusCode, conceded.body).toBe(200);
    expect(conceded.json()).toMatchObject({
      status: 'lost',
      outcome: 'lost',
      conceded: true,
      frozen: false,
      version: 3,
    });
    const db = getStore().db;
    // The concession closed the open dispute; the 1,400 left in escrow went to the seller.
    expect(await accountBalance(db, `order_escrow:${orderId}`, 'USD')).toBe(0n);
    const dispute = (await w.service.get(disputeId))?.dispute;
    expect(dispute?.escrowFrozen).toBe(false);
    expect(dispute?.chargebacksTakenMinor).toBe(600n);
    expect(dispute?.status).toBe('resolved');
    expect(dispute?.resolution?.how).toBe('chargeback');
    const closed = (await w.service.events(disputeId)).find(
      (e) => e.type === 'dispute_closed_by_chargeback',
    );
    expect(closed).toMatchObject({ outcome: 'conceded', amountLostMinor: 600n });
    const confirmed = await post(`/v1/chargebacks/${id}/outcome`, integration, { outcome: 'lost' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().version).toBe(3);
    expect(await accountBalance(db, `order_escrow:${orderId}`, 'USD')).toBe(0n);
    const again = await post(`/v1/chargebacks/${id}/concede`, seller);
    expect([again.statusCode, again.json().code]).toEqual([409, 'chargeback.wrong_state']);
  });

  // Last: it moves the clock past the window in which the other tests open disputes.
  it('walks inquiry → chargeback → pre-arbitration, fee posted, lost in part', async () => {
    const { orderId, disputeId } = await disputedOrder();
    const db = getStore().db;
    const balanceBefore = await accountBalance(db, `seller_balance:${w.sellerId}`, 'USD');
    const opened = await post('/v1/chargebacks', integration, {
      orderId,
      amount: usd('1000'),
      reasonCode: '13.3',
      network: 'visa',
      stage: 'inquiry',
      fee: usd('1500'),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    expect(opened.json()).toMatchObject({
      reasonCode: '13.3',
      network: 'visa',
      stage: 'inquiry',
      fee: { amount: usd('1500'), bearer: 'seller' },
      conceded: false,
    });
    // The fee is the seller's by default: its balance goes into debt, the processor is paid.
    expect(await accountBalance(db, `seller_balance:${w.sellerId}`, 'USD')).toBe(
      balanceBefore - 1500n,
    );
    expect(await accountBalance(db, 'processor_fees', 'USD')).toBeGreaterThanOrEqual(1500n);

    const early = await post(`/v1/chargebacks/${id}/outcome`, integration, { outcome: 'lost' });
    expect([early.statusCode, early.json().code]).toEqual([409, 'chargeback.wrong_state']);

    w.clock.advance(2 * DAY_MS);
    const escalated = await post(`/v1/chargebacks/${id}/stage`, integration, {
      stage: 'chargeback',
    });
    expect(escalated.statusCode, escalated.body).toBe(200);
    expect(escalated.json()).toMatchObject({ stage: 'chargeback', status: 'awaiting_defence' });
    const back = await post(`/v1/chargebacks/${id}/stage`, integration, { stage: 'inquiry' });
    expect(back.statusCode).toBe(409);

    const defended = await post(`/v1/chargebacks/${id}/defence`, seller, {
      evidenceIds: [],
      note: 'as listed',
      evidence: {
        shippingDocumentation: [`waybill-${disputeId}`],
        shippingCarrier: 'Cainiao',
        shippingTrackingNumber: 'LP00012345CN',
        shippedAt: '2026-10-13T08:00:00Z',
        productDescription: 'Bluetooth speaker, black, as in the listing photos',
      },
    });
    expect(defended.statusCode, defended.body).toBe(200);
    expect(defended.json().defence).toMatchObject({
      stage: 'chargeback',
      evidence: {
        shippingTrackingNumber: 'LP00012345CN',
        shippedAt: '2026-10-13T08:00:00.000Z',
      },
    });

    // The issuer rejects the defence: pre-arbitration asks for a new one, due a window later.
    w.clock.advance(3 * DAY_MS);
    const preArb = await post(`/v1/chargebacks/${id}/stage`, integration, {
      stage: 'pre_arbitration',
    });
    expect(preArb.json()).toMatchObject({ stage: 'pre_arbitration', status: 'awaiting_defence' });
    // Past the first window but inside the new one: the runner lapses nothing.
    w.clock.advance(4 * DAY_MS);
    await w.runtime.runner.drain();
    expect((await get(`/v1/chargebacks/${id}`)).json().status).toBe('awaiting_defence');
    w.clock.advance(4 * DAY_MS);
    await w.runtime.runner.drain();
    expect((await get(`/v1/chargebacks/${id}`)).json().status).toBe('defence_lapsed');

    const lost = await post(`/v1/chargebacks/${id}/outcome`, integration, {
      outcome: 'lost',
      amountLost: usd('300'),
    });
    expect(lost.statusCode, lost.body).toBe(200);
    expect(lost.json()).toMatchObject({
      status: 'lost',
      outcome: 'partially_lost',
      amountLost: usd('300'),
      frozen: false,
    });
    const taken = await db
      .selectFrom('ledger_postings')
      .select(['account', 'amount_minor'])
      .where('transaction_id', '=', `chargeback:${id}:lost`)
      .orderBy('line')
      .execute();
    expect(taken).toEqual([
      { account: `order_escrow:${orderId}`, amount_minor: -300n },
      { account: 'processor_chargebacks', amount_minor: 300n },
    ]);
  });
});
