// The case file exported as JSON verifies offline with nothing but the public key, and stops
// verifying when any byte of an event changes; it is for staff only, since the chain covers
// events hidden from the parties. Run on PGlite and PostgreSQL.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { feedOrder, http } from '../../../test/support/http-client.ts';
import { verifyExport } from '../../service/audit/case-file-export.ts';
import { CheckpointSigner } from '../../service/audit/checkpoint.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

describeEachDatabase('case file JSON export', (getStore) => {
  let w: ApiWorld;
  afterEach(async () => {
    await w?.close();
  });

  it('verifies offline for staff, fails once edited, and is refused to parties', async () => {
    w = await apiWorld(getStore, { signer: new CheckpointSigner(privateKey) });
    const h = http(w);
    const orderId = await feedOrder(w, { orderId: `order-${randomUUID()}`, minor: '2500' });
    const id = `dsp-${randomUUID()}`;
    await h.post(
      'buyer',
      '/v1/disputes',
      {
        disputeId: id,
        orderId,
        reason: 'damaged',
        request: { kind: 'refund', amount: { minor: '2500', currency: 'USD' } },
        description: 'cracked',
      },
      201,
    );
    await h.post('seller', `/v1/disputes/${id}/messages`, {
      body: 'arbitrator: see my note',
      arbitratorOnly: true,
    });
    const exported = await h.get('arbitrator', `/v1/disputes/${id}/case-file.json`);
    expect(verifyExport(exported.text, publicKey)).toMatchObject({ ok: true, disputeId: id });
    const edited = exported.text.replace('arbitrator: see my note', 'arbitrator: nothing to see');
    expect(edited).not.toBe(exported.text);
    expect(verifyExport(edited, publicKey).ok).toBe(false);
    const otherKey = generateKeyPairSync('ed25519').publicKey;
    expect(verifyExport(exported.text, otherKey).ok).toBe(false);
    await h.get('buyer', `/v1/disputes/${id}/case-file.json`, 403);
  });
});
