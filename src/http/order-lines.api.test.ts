// Order lines and message attachments over HTTP, on PGlite and PostgreSQL: the feed refuses lines
// that do not add up; a dispute names the lines it covers, the view shows them with their caps,
// and a second dispute on a held line is refused while another line opens beside it; a message
// attaches the sender's evidence and carries a translation, and the other party sees only the
// attachments it may see.
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { type ApiWorld, apiWorld, type WorldRole } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { feedOrder, http } from '../../test/support/http-client.ts';
import { form } from '../../test/support/multipart.ts';
import { plainPhoto } from '../service/evidence/test-fixtures.ts';

const unique = (p: string) => `${p}-${randomUUID().slice(0, 12)}`;
const usd = (minor: string) => ({ minor, currency: 'USD' });
const ITEMS = [
  { lineId: 'mug', sku: 'MUG', title: 'Mug', quantity: 2, unitPrice: usd('500') },
  { lineId: 'teapot', sku: 'TEA', title: 'Teapot', quantity: 1, unitPrice: usd('1000') },
];

describeEachDatabase('order lines and message attachments over HTTP', (getStore) => {
  let w: ApiWorld;
  afterEach(async () => {
    await w?.close();
  });

  const openOn = (orderId: string, minor: string, lines?: unknown[], expect = 201) =>
    http(w).post(
      'buyer',
      '/v1/disputes',
      {
        disputeId: unique('dsp'),
        orderId,
        reason: 'damaged',
        request: { kind: 'refund', amount: usd(minor) },
        description: 'broken',
        ...(lines === undefined ? {} : { lines }),
      },
      expect,
    );

  it('refuses an order whose lines do not add up to what was paid', async () => {
    w = await apiWorld(getStore);
    const res = await http(w).put(
      'integration',
      `/v1/orders/${unique('order')}`,
      {
        sellerId: w.sellerId,
        buyerId: w.buyerId,
        buyerCountry: 'US',
        amountPaid: usd('2100'),
        paidAt: '2026-10-01T00:00:00Z',
        items: ITEMS,
      },
      422,
    );
    expect(res.body.code).toBe('order.lines_total_mismatch');
  });

  it('opens disputes per line and shows the lines each covers', async () => {
    w = await apiWorld(getStore);
    const orderId = await feedOrder(w, { orderId: unique('order'), minor: '2000', items: ITEMS });
    const mug = await openOn(orderId, '500', [{ lineId: 'mug', quantity: 1 }]);
    expect(mug.body.lines).toEqual([
      {
        lineId: 'mug',
        sku: 'MUG',
        title: 'Mug',
        quantity: 1,
        orderedQuantity: 2,
        unitPrice: usd('500'),
        lineTotal: usd('1000'),
        refundedByOthers: usd('0'),
        refundCap: usd('500'),
      },
    ]);
    expect(mug.body.refundable).toEqual(usd('500'));
    await openOn(orderId, '1000', [{ lineId: 'teapot', quantity: 1 }]);
    const held = await openOn(orderId, '100', [{ lineId: 'mug', quantity: 1 }], 409);
    expect(held.body.code).toBe('dispute.line_in_open_dispute');
    const unknown = await openOn(orderId, '100', [{ lineId: 'spoon', quantity: 1 }], 422);
    expect(unknown.body.code).toBe('open.line_unknown');
  });

  it('shows an order fed without lines as one line', async () => {
    w = await apiWorld(getStore);
    const orderId = await feedOrder(w, { orderId: unique('order'), minor: '2000', items: [] });
    const opened = await openOn(orderId, '300');
    expect(opened.body.lines.map((l: { lineId: string }) => l.lineId)).toEqual(['1']);
    expect(opened.body.refundable).toEqual(usd('2000'));
  });

  async function upload(role: WorldRole, disputeId: string, fields: Record<string, string>) {
    const body = form(fields, [
      { name: 'photo.jpg', type: 'image/jpeg', bytes: await plainPhoto() },
    ]);
    const res = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${disputeId}/evidence`,
      headers: {
        ...((await w.as(role)) as Record<string, string>),
        'content-type': body.contentType,
      },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  it('attaches the sender’s evidence to a message, with a translation, as each side may see', async () => {
    w = await apiWorld(getStore);
    const h = http(w);
    const orderId = await feedOrder(w, { orderId: unique('order'), minor: '2000' });
    const id = (await openOn(orderId, '500')).body.id as string;
    await upload('buyer', id, { evidenceId: 'crack', kind: 'item_photo' });
    await upload('buyer', id, {
      evidenceId: 'receipt',
      kind: 'item_photo',
      arbitratorOnly: 'true',
    });
    await upload('seller', id, { evidenceId: 'packing', kind: 'item_photo' });
    const refused = await h.post(
      'buyer',
      `/v1/disputes/${id}/messages`,
      { messageId: 'm0', body: 'see', attachments: ['packing'] },
      422,
    );
    expect(refused.body.code).toBe('message.attachment_not_found');
    await h.post(
      'buyer',
      `/v1/disputes/${id}/messages`,
      {
        messageId: 'm1',
        body: 'La tazza è arrivata rotta',
        attachments: ['crack', 'receipt'],
        translation: { text: 'The mug arrived broken', language: 'en' },
      },
      200,
    );
    const message = async (role: WorldRole) =>
      (await h.get(role, `/v1/disputes/${id}`)).body.messages.find(
        (m: { id: string }) => m.id === 'm1',
      );
    expect(await message('buyer')).toMatchObject({
      attachments: ['crack', 'receipt'],
      translation: { text: 'The mug arrived broken', language: 'en' },
    });
    const seen = await message('seller');
    expect(seen.attachments).toEqual(['crack']);
    expect(seen.translation).toEqual({ text: 'The mug arrived broken', language: 'en' });
    expect((await message('arbitrator')).attachments).toEqual(['crack', 'receipt']);
  });
});
