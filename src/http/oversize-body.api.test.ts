// A client still sending a too-large body must receive the 413 problem+json, not a reset: on a
// real listening server, a raw client streams an oversize upload and an oversize JSON body
// without waiting, several times over, and reads the answer every time.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { rawUpload } from '../../test/support/raw-upload.ts';
import { money } from '../domain/index.ts';
import { EVIDENCE_DEFAULTS } from '../service/evidence/config.ts';
import { BODY_BYTES_MAX } from './app.ts';
import { disputeActionRoutes } from './routes/dispute-actions.ts';
import { disputeRoutes } from './routes/disputes.ts';
import { evidenceRoutesWith } from './routes/evidence.ts';

const EVIDENCE_BYTES_MAX = 256 * 1024;
const TRIES = 5;

describeEachDatabase('oversize bodies on a real connection', (getStore) => {
  let w: ApiWorld;
  let dataDir: string;
  let port: number;
  let disputeId: string;
  let buyer: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'settle-oversize-'));
    const evidence = evidenceRoutesWith({
      config: { ...EVIDENCE_DEFAULTS, bytesMax: EVIDENCE_BYTES_MAX },
    });
    w = await apiWorld(getStore, {
      groups: [disputeRoutes, disputeActionRoutes, evidence],
      config: { dataDir },
    });
    await w.app.listen({ port: 0, host: '127.0.0.1' });
    port = (w.app.server.address() as AddressInfo).port;
    buyer = await w.as('buyer');
    disputeId = w.disputeId();
    const opened = await w.service.open(w.buyer, {
      disputeId: disputeId as never,
      orderId: await w.newOrder(),
      reason: 'damaged',
      request: { kind: 'refund', amount: money(2_000, 'USD') },
      description: 'cracked',
    });
    if (!opened.ok) throw new Error(opened.rejection.message);
  });
  afterAll(async () => {
    await w?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function expect413(response: string, code: string) {
    expect(response.slice(0, 200)).toMatch(/^HTTP\/1\.1 413 /);
    expect(response).toMatch(/content-type: application\/problem\+json/i);
    expect(response).toContain(`"code":"${code}"`);
  }

  it('an upload over the limit, still streaming, gets its 413 problem+json', async () => {
    const boundary = 'settle-oversize';
    const prefix = Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="kind"\r\n\r\ndocument\r\n` +
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.pdf"\r\n` +
        'content-type: application/pdf\r\n\r\n%PDF-1.4\n',
    );
    for (let i = 0; i < TRIES; i += 1) {
      const outcome = await rawUpload({
        port,
        path: `/v1/disputes/${disputeId}/evidence`,
        headers: { ...buyer, 'content-type': `multipart/form-data; boundary=${boundary}` },
        bodyBytes: 64 * EVIDENCE_BYTES_MAX,
        prefix,
      });
      expect413(outcome.response, 'evidence.too_large');
    }
  });

  it('a JSON body over the body limit, still streaming, gets its 413 problem+json', async () => {
    for (let i = 0; i < TRIES; i += 1) {
      const outcome = await rawUpload({
        port,
        path: `/v1/disputes/${disputeId}/messages`,
        headers: { ...buyer, 'content-type': 'application/json' },
        bodyBytes: 4 * BODY_BYTES_MAX,
        prefix: Buffer.from('{"body":"'),
      });
      expect413(outcome.response, 'request.too_large');
    }
  });
});
