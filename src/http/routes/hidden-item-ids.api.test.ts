// Goal: the id of an item hidden from a party is no existence oracle (issue 8, item 10). When the
// buyer marks a file and a message for the arbitrator only, the seller who picks the same ids gets
// exactly what a fresh id gets and their items are stored; the arbitrator sees both and names
// which one with ?by=; nothing of the buyer's hidden items reaches the seller. Both databases.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { form } from '../../../test/support/multipart.ts';
import { type DisputeId, money } from '../../domain/index.ts';
import { minimalPdf } from '../../service/evidence/test-fixtures.ts';

type Headers = Record<string, string>;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const BUYER_FILE = minimalPdf();
const SELLER_FILE = minimalPdf(700);
const SECRET = 'the seller lied about the packaging';

describeEachDatabase('ids of items hidden from a party', (getStore) => {
  let w: ApiWorld;
  let dataDir: string;
  let disputeId: DisputeId;
  let buyer: Headers;
  let seller: Headers;
  let arbitrator: Headers;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'settle-hidden-ids-'));
    w = await apiWorld(getStore, { config: { dataDir } });
    buyer = (await w.as('buyer')) as Headers;
    seller = (await w.as('seller')) as Headers;
    arbitrator = (await w.as('arbitrator')) as Headers;
    disputeId = w.disputeId();
    const opened = await w.service.open(w.buyer, {
      disputeId,
      orderId: await w.newOrder(),
      reason: 'damaged',
      request: { kind: 'refund', amount: money(2_000, 'USD') },
      description: 'the speaker arrived cracked',
    });
    expect(opened.ok).toBe(true);
  });
  afterAll(async () => {
    await w?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function upload(headers: Headers, fields: Record<string, string>, bytes: Buffer) {
    const body = form(fields, [{ name: 'statement.pdf', type: 'application/pdf', bytes }]);
    return w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${disputeId}/evidence`,
      headers: { ...headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  }
  const post = (headers: Headers, payload: Record<string, unknown>) =>
    w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${disputeId}/messages`,
      headers,
      payload,
    });
  const get = (headers: Headers, path: string) =>
    w.app.inject({ method: 'GET', url: `/v1/disputes/${disputeId}${path}`, headers });

  it("a party reusing the other party's hidden ids gets what a fresh id gets", async () => {
    const hidden = { kind: 'document', evidenceId: 'e-hidden', arbitratorOnly: 'true' };
    expect((await upload(buyer, hidden, BUYER_FILE)).statusCode).toBe(201);
    const secret = await post(buyer, { messageId: 'm-hidden', body: SECRET, arbitratorOnly: true });
    expect(secret.statusCode).toBe(200);

    const fresh = await upload(seller, { kind: 'document', evidenceId: 'e-fresh' }, SELLER_FILE);
    const reused = await upload(seller, { kind: 'document', evidenceId: 'e-hidden' }, SELLER_FILE);
    expect([fresh.statusCode, reused.statusCode]).toEqual([201, 201]);
    const { id: _f, fileUrl: _fu, at: _fa, ...freshShape } = fresh.json();
    const { id, fileUrl, at: _ra, ...reusedShape } = reused.json();
    expect([id, fileUrl]).toEqual(['e-hidden', `/v1/disputes/${disputeId}/evidence/e-hidden/file`]);
    expect(reusedShape).toEqual(freshShape);

    const freshMessage = await post(seller, { messageId: 'm-fresh', body: 'hello' });
    const reusedMessage = await post(seller, { messageId: 'm-hidden', body: 'mine' });
    expect([freshMessage.statusCode, reusedMessage.statusCode]).toEqual([200, 200]);
    // Retries stay idempotent: the same id and content add nothing.
    const retry = await post(seller, { messageId: 'm-hidden', body: 'mine' });
    expect(retry.json().version).toBe(reusedMessage.json().version);
  });

  it("nothing of the buyer's hidden items reaches the seller", async () => {
    const view = await get(seller, '');
    expect(view.statusCode).toBe(200);
    const v = view.json();
    expect(v.evidence.filter((e: { id: string }) => e.id === 'e-hidden')).toMatchObject([
      { by: 'seller', sha256: sha256(SELLER_FILE) },
    ]);
    expect(v.messages.filter((m: { id: string }) => m.id === 'm-hidden')).toMatchObject([
      { by: 'seller', body: 'mine' },
    ]);
    const caseFile = await get(seller, '/case-file');
    for (const body of [view.body, caseFile.body]) {
      expect(body).not.toContain(sha256(BUYER_FILE));
      expect(body).not.toContain(SECRET);
    }
    const file = await get(seller, '/evidence/e-hidden/file');
    expect([file.statusCode, file.headers.etag]).toEqual([200, `"${sha256(SELLER_FILE)}"`]);
    // Naming the buyer's hidden file answers as for any id that does not exist.
    const named = await get(seller, '/evidence/e-hidden/file?by=buyer');
    const never = await get(seller, '/evidence/e-never/file');
    expect([named.statusCode, named.json().code]).toEqual([never.statusCode, never.json().code]);
  });

  it('the buyer gets their own file, and the links name whose when two share an id', async () => {
    const own = await get(buyer, '/evidence/e-hidden/file');
    expect(own.headers.etag).toBe(`"${sha256(BUYER_FILE)}"`);
    const v = (await get(buyer, '')).json();
    const urls = v.evidence
      .filter((e: { id: string }) => e.id === 'e-hidden')
      .map((e: { by: string; fileUrl: string }) => [e.by, e.fileUrl]);
    const base = `/v1/disputes/${disputeId}/evidence/e-hidden/file`;
    expect(urls).toEqual([
      ['buyer', `${base}?by=buyer`],
      ['seller', `${base}?by=seller`],
    ]);
    const theirs = await get(buyer, '/evidence/e-hidden/file?by=seller');
    expect(theirs.headers.etag).toBe(`"${sha256(SELLER_FILE)}"`);
  });

  it('the arbitrator sees both items and names which file with ?by=', async () => {
    const v = (await get(arbitrator, '')).json();
    const bys = (items: { id: string; by: string }[], id: string) =>
      items.filter((x) => x.id === id).map((x) => x.by);
    expect(bys(v.evidence, 'e-hidden')).toEqual(['buyer', 'seller']);
    expect(bys(v.messages, 'm-hidden')).toEqual(['buyer', 'seller']);
    const ambiguous = await get(arbitrator, '/evidence/e-hidden/file');
    expect([ambiguous.statusCode, ambiguous.json().code, ambiguous.json().facts]).toEqual([
      409,
      'evidence.ambiguous',
      { choices: 'buyer,seller' },
    ]);
    const [b, s] = await Promise.all([
      get(arbitrator, '/evidence/e-hidden/file?by=buyer'),
      get(arbitrator, '/evidence/e-hidden/file?by=seller'),
    ]);
    expect([b.headers.etag, s.headers.etag]).toEqual([
      `"${sha256(BUYER_FILE)}"`,
      `"${sha256(SELLER_FILE)}"`,
    ]);
  });
});
