// What one party marks arbitrator-only stays invisible to the other, existence included: their
// dispute view, list summary and case file neither show the item nor leave a gap in the event
// numbering or the version that says something is hidden. Run on PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { type ApiWorld, apiWorld, type WorldRole } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { feedOrder, http } from '../../test/support/http-client.ts';
import { form } from '../../test/support/multipart.ts';
import { plainPhoto } from '../service/evidence/test-fixtures.ts';

const unique = (p: string) => `${p}-${randomUUID().slice(0, 12)}`;

describeEachDatabase('hidden items stay hidden from the other party', (getStore) => {
  let w: ApiWorld;
  afterEach(async () => {
    await w?.close();
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

  /** A dispute where the seller filed a photo and a message for the arbitrator only. */
  async function withHiddenSellerItems() {
    const h = http(w);
    const orderId = await feedOrder(w, { orderId: unique('order'), minor: '2500' });
    const opened = await h.post(
      'buyer',
      '/v1/disputes',
      {
        disputeId: unique('dsp'),
        orderId,
        reason: 'damaged',
        request: { kind: 'refund', amount: { minor: '2500', currency: 'USD' } },
        description: 'cracked',
      },
      201,
    );
    const id = opened.body.id as string;
    await upload('seller', id, {
      evidenceId: 'seller-secret-photo',
      kind: 'item_photo',
      arbitratorOnly: 'true',
    });
    await h.post('seller', `/v1/disputes/${id}/messages`, {
      messageId: 'seller-secret-note',
      body: 'for the arbitrator: the buyer did this before',
      arbitratorOnly: true,
    });
    await h.post('buyer', `/v1/disputes/${id}/messages`, { body: 'any news?' });
    return id;
  }

  it("a party's view numbers its timeline without gaps and its version counts only what it sees", async () => {
    w = await apiWorld(getStore);
    const h = http(w);
    const id = await withHiddenSellerItems();
    const buyer = (await h.get('buyer', `/v1/disputes/${id}`)).body;
    const seqs = buyer.timeline.map((t: { seq: number }) => t.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    expect(buyer.version).toBe(seqs.length);
    expect(buyer.timeline.filter((t: { by: string }) => t.by === 'seller')).toEqual([]);
    const listed = (await h.get('buyer', '/v1/disputes')).body.items.find(
      (s: { id: string }) => s.id === id,
    );
    expect(listed.version).toBe(buyer.version);
    // Staff see every event under the seq the chain and ledger use.
    const staff = (await h.get('arbitrator', `/v1/disputes/${id}`)).body;
    expect(staff.timeline).toHaveLength(buyer.timeline.length + 2);
    expect(staff.version).toBe(staff.timeline.length);
  });

  it("a party's case file has no row, count or head hash that betrays the other party's hidden items", async () => {
    w = await apiWorld(getStore);
    const h = http(w);
    const id = await withHiddenSellerItems();
    const buyerFile = (await h.get('buyer', `/v1/disputes/${id}/case-file`)).text;
    expect(buyerFile).not.toContain('evidence added');
    expect(buyerFile).not.toMatch(/message posted<\/td><td>seller/);
    expect(buyerFile).not.toContain('Event log head');
    const staffFile = (await h.get('arbitrator', `/v1/disputes/${id}/case-file`)).text;
    expect(staffFile).toContain('evidence added');
    expect(staffFile).toContain('Event log head');
  });
});
