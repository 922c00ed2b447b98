// Goal: a write over HTTP answers what it did, once, whatever happens around it: a committed
// write with an Idempotency-Key never answers 500 and its retry gets the success back however
// big the dispute's view; an upload's key fingerprints the file's bytes; parallel writers on
// one dispute queue (every answer a success or a clear retryable one, and the stored count
// equals the successes); a deeply nested body is refused with 400, and an anonymous caller
// gets 401 before any key work.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { form } from '../../test/support/multipart.ts';
import { type DisputeId, type MessageId, money } from '../domain/index.ts';
import { minimalPdf } from '../service/evidence/test-fixtures.ts';
import { RESPONSE_BODY_BYTES_MAX } from '../service/idempotency.ts';

type Headers = Record<string, string>;

describeEachDatabase('write path', (getStore) => {
  let w: ApiWorld;
  let dataDir: string;
  let buyer: Headers;
  let seller: Headers;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'settle-write-path-'));
    w = await apiWorld(getStore, { config: { dataDir } });
    buyer = (await w.as('buyer')) as Headers;
    seller = (await w.as('seller')) as Headers;
  });
  afterAll(async () => {
    await w?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function openDispute(): Promise<DisputeId> {
    const disputeId = w.disputeId();
    const opened = await w.service.open(w.buyer, {
      disputeId,
      orderId: await w.newOrder(),
      reason: 'damaged',
      request: { kind: 'refund', amount: money(2_000, 'USD') },
      description: 'the speaker arrived cracked',
    });
    expect(opened.ok).toBe(true);
    return disputeId;
  }

  function postMessage(disputeId: string, headers: Headers, body: string, key?: string) {
    return w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${disputeId}/messages`,
      headers: key === undefined ? headers : { ...headers, 'idempotency-key': key },
      payload: { messageId: randomUUID(), body },
    });
  }

  it('a keyed write on a dispute whose view is over the replay cap answers 2xx and replays 2xx', async () => {
    const disputeId = await openDispute();
    // 3-byte characters: 25 messages of 4,000 make a view of about 300 KB.
    const long = '€'.repeat(4_000);
    for (let i = 0; i < 25; i++) {
      const posted = await w.service.handle(disputeId, w.buyer, {
        type: 'post_message',
        messageId: randomUUID() as MessageId,
        body: long,
        arbitratorOnly: false,
      });
      expect(posted.ok).toBe(true);
    }
    const headers = { ...seller, 'idempotency-key': randomUUID() };
    const payload = { messageId: randomUUID(), body: 'one more' };
    const url = `/v1/disputes/${disputeId}/messages`;
    const first = await w.app.inject({ method: 'POST', url, headers, payload });
    expect(first.statusCode).toBe(200);
    expect(Buffer.byteLength(first.body)).toBeGreaterThan(RESPONSE_BODY_BYTES_MAX);
    const retry = await w.app.inject({ method: 'POST', url, headers, payload });
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const messages = (retry.json() as { messages: { body: string }[] }).messages;
    expect(messages.filter((m) => m.body === 'one more')).toHaveLength(1);
  });

  it('a keyed rejection is replayed as the same problem, not run again', async () => {
    const disputeId = await openDispute();
    const headers = { ...seller, 'idempotency-key': randomUUID() };
    const url = `/v1/disputes/${disputeId}/offers/no-such-offer/accept`;
    const first = await w.app.inject({ method: 'POST', url, headers, payload: {} });
    expect(first.statusCode).toBe(404);
    const retry = await w.app.inject({ method: 'POST', url, headers, payload: {} });
    expect(retry.statusCode).toBe(404);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
  });

  it('an upload key fingerprints the bytes: another file of the same size is refused, not stored', async () => {
    const disputeId = await openDispute();
    const key = randomUUID();
    const pdf = minimalPdf(400);
    // Same length, different content (a byte of the padding changed).
    const other = Buffer.from(pdf);
    other[300] = 0x21;
    expect(other.length).toBe(pdf.length);
    expect(other.equals(pdf)).toBe(false);
    const upload = (bytes: Buffer, evidenceId: string) => {
      const body = form({ kind: 'document', evidenceId }, [
        { name: 'receipt.pdf', type: 'application/pdf', bytes },
      ]);
      return w.app.inject({
        method: 'POST',
        url: `/v1/disputes/${disputeId}/evidence`,
        headers: { ...buyer, 'content-type': body.contentType, 'idempotency-key': key },
        payload: body.payload,
      });
    };
    const first = await upload(pdf, 'ev-1');
    expect(first.statusCode).toBe(201);
    const same = await upload(pdf, 'ev-1');
    expect(same.statusCode).toBe(201);
    expect(same.headers['idempotent-replayed']).toBe('true');
    expect(same.json()).toEqual(first.json());
    const different = await upload(other, 'ev-1');
    expect(different.statusCode).toBe(422);
    expect((different.json() as { code: string }).code).toBe('idempotency.key_reused');
    const differentId = await upload(pdf, 'ev-2');
    expect(differentId.statusCode).toBe(422);
    const view = await w.app.inject({
      method: 'GET',
      url: `/v1/disputes/${disputeId}`,
      headers: buyer,
    });
    expect((view.json() as { evidence: { id: string }[] }).evidence.map((e) => e.id)).toEqual([
      'ev-1',
    ]);
  });

  it('50 parallel writers on one dispute: each succeeds or is told to retry, and every success is stored once', async () => {
    const disputeId = await openDispute();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postMessage(disputeId, i % 2 === 0 ? buyer : seller, `parallel message ${i}`, randomUUID()),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    for (const a of answers) {
      if (a.statusCode === 200) continue;
      // A clear, retryable answer: never a 500.
      expect([409, 503]).toContain(a.statusCode);
      expect(a.headers['retry-after']).toBeDefined();
    }
    const ok = statuses.filter((s) => s === 200).length;
    const view = await w.app.inject({
      method: 'GET',
      url: `/v1/disputes/${disputeId}`,
      headers: buyer,
    });
    const stored = (view.json() as { messages: { body: string }[] }).messages.filter((m) =>
      m.body.startsWith('parallel message'),
    );
    expect(stored).toHaveLength(ok);
    // Queued on the row lock, they all get through in practice.
    expect(ok).toBe(50);
  });

  it('deep JSON is refused with 400 request.too_deep; an anonymous keyed write gets 401 and holds no key', async () => {
    const disputeId = await openDispute();
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const url = `/v1/disputes/${disputeId}/messages`;
    const anonymousKey = randomUUID();
    const anonymous = await w.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'idempotency-key': anonymousKey },
      payload: { body: 'hello' },
    });
    expect(anonymous.statusCode).toBe(401);
    const held = await w.store.db
      .selectFrom('idempotency_keys')
      .select('caller')
      .where('key', '=', anonymousKey)
      .execute();
    expect(held).toEqual([]);
    // The body is refused while parsing, before anything reads it: 400, never 500.
    const anonymousDeep = await w.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      payload: `{"body":${deep}}`,
    });
    expect(anonymousDeep.statusCode).toBe(400);
    expect((anonymousDeep.json() as { code: string }).code).toBe('request.too_deep');
    const signedIn = await w.app.inject({
      method: 'POST',
      url,
      headers: { ...buyer, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      payload: `{"body":${deep}}`,
    });
    expect(signedIn.statusCode).toBe(400);
    expect((signedIn.json() as { code: string }).code).toBe('request.too_deep');
    // Brackets inside strings are text, not nesting.
    const text = await postMessage(disputeId, buyer, '['.repeat(3_000), randomUUID());
    expect(text.statusCode).toBe(200);
  });
});
