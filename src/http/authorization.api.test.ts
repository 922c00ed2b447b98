// Generated from the access matrix: every route × every role × own or unrelated object must
// answer as the matrix says, and no caller ever sees a dispute, order or store that is not
// theirs (404, never 200 or 403). A route missing from the matrix fails the suite.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld, type SessionHeaders } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { form } from '../../test/support/multipart.ts';
import {
  type ChargebackId,
  type DisputeId,
  type EvidenceId,
  money,
  type OrderId,
} from '../domain/index.ts';
import { plainPhoto } from '../service/evidence/test-fixtures.ts';
import {
  ACCESS_MATRIX,
  type Access,
  type ActingWho,
  actingAccess,
  type ByRelation,
  type Outcome,
  type Who,
} from './access-matrix.ts';
import { ACT_AS_HEADER } from './auth.ts';

const CALLERS: readonly Who[] = [
  'anonymous',
  'buyer',
  'seller',
  'arbitrator',
  'admin',
  'integration',
];
const ACTING: readonly ActingWho[] = ['act_as_buyer', 'act_as_seller'];

let PHOTO: Buffer;
const usd = (minor: number) => ({ minor: String(minor), currency: 'USD' });
const fresh = (p: string) => `${p}-${randomUUID().slice(0, 12)}`;

interface Ctx {
  readonly w: ApiWorld;
  readonly disputeId: string;
  readonly evidenceId: string;
  readonly orderId: string;
  readonly sellerId: string;
  /** On the dispute's order, with evidence its seller uploaded (chargeback routes only). */
  readonly chargeback?: { readonly id: string; readonly sellerEvidenceId: string };
}

function sample(route: string, c: Ctx): { url: string; payload?: unknown; contentType?: string } {
  const [method, path] = route.split(' ') as [string, string];
  const url = path
    .replace(':disputeId', c.disputeId)
    .replace(':offerId', `${c.disputeId}.request`)
    .replace(':evidenceId', route.includes('/findings') ? 'ev-none' : c.evidenceId)
    .replace(':sellerId', c.sellerId)
    .replace(':buyerId', fresh('buyer'))
    .replace(':orderId', method === 'PUT' ? fresh('order') : c.orderId)
    .replace(':shipmentId', fresh('ship'))
    .replace(':chargebackId', c.chargeback?.id ?? 'cb-none')
    .replace(':refundId', `${c.disputeId}:refund:1`)
    .replace(':userId', 'user-none')
    .replace(':keyId', '0'.repeat(16))
    .replace(':market', 'buyer:IT')
    .replace(':versionId', 'default')
    .replace(':id', '999999');
  const now = new Date(Date.UTC(2026, 10, 1)).toISOString();
  const bodies: Record<string, unknown> = {
    'POST /v1/session': { email: 'nobody@settle.test', password: 'not-the-password' },
    'POST /v1/sign-in-links': { user: `buyer:${c.w.buyerId}` },
    'POST /v1/disputes': {
      orderId: c.orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: usd(100) },
      description: 'cracked',
    },
    'POST /v1/disputes/:disputeId/offers': { terms: { kind: 'refund', amount: usd(100) } },
    'POST /v1/disputes/:disputeId/offers/:offerId/reject': {
      reason: 'no',
      counter: { terms: { kind: 'refund', amount: usd(100) } },
    },
    'POST /v1/disputes/:disputeId/evidence-requests': { from: 'buyer', kinds: ['item_photo'] },
    'POST /v1/disputes/:disputeId/evidence/:evidenceId/findings': { findings: [] },
    'POST /v1/disputes/:disputeId/messages': { body: 'hello' },
    'POST /v1/disputes/:disputeId/notes': { body: 'checked the waybill' },
    'POST /v1/disputes/:disputeId/return-label': { carrier: 'c', trackingNumber: 't' },
    'POST /v1/disputes/:disputeId/return-shipment': { carrier: 'c', trackingNumber: 't' },
    'POST /v1/disputes/:disputeId/replacement-shipment': { carrier: 'c', trackingNumber: 't' },
    'POST /v1/disputes/:disputeId/ruling': {
      outcome: { kind: 'no_refund' },
      responsibility: 'none',
      reasonCode: 'r',
      note: '',
    },
    'POST /v1/disputes/:disputeId/appeal': { note: 'new facts', evidenceIds: ['ev-none'] },
    'POST /v1/disputes/:disputeId/appeal/decision': { decision: 'upheld' },
    'POST /v1/policies': { market: '*', values: {} },
    'POST /v1/clock/advance': { ms: 0 },
    'POST /v1/policies/preview': { market: 'buyer:IT', values: {} },
    // The smallest what-if: it runs in the background on a store of its own.
    'POST /v1/simulations': { sellers: 1, orders: 10, days: 1, seed: 1 },
    'POST /v1/webhooks': { url: 'https://hooks.example.test/settle', topics: ['dispute.opened'] },
    'POST /v1/admin/users': {
      email: `${fresh('arb')}@settle.test`,
      name: 'Arbitrator',
      role: 'arbitrator',
    },
    'POST /v1/admin/users/:userId/password': { password: 'a long enough password' },
    'POST /v1/admin/users/:userId/role': { role: 'arbitrator' },
    'POST /v1/admin/sellers/:sellerId/staff': { email: `${fresh('staff')}@store.test`, name: 'S' },
    'POST /v1/admin/api-keys': { name: 'backend', scopes: ['integration'] },
    'PUT /v1/sellers/:sellerId': { name: 'Store', country: 'CN' },
    'PUT /v1/buyers/:buyerId': { email: `${fresh('b')}@buyer.test`, name: 'B' },
    'PUT /v1/orders/:orderId': {
      sellerId: c.sellerId,
      buyerId: c.w.buyerId,
      buyerCountry: 'US',
      amountPaid: usd(500),
      paidAt: now,
      items: [],
    },
    'POST /v1/orders/:orderId/status': { status: 'delivered', at: now },
    'PUT /v1/shipments/:shipmentId': {
      orderId: c.orderId,
      channel: 'platform',
      carrier: 'c',
      trackingNumber: 't',
      at: now,
    },
    'POST /v1/tracking-events': {
      shipmentId: `${c.orderId}:outbound`,
      status: 'in_transit',
      at: now,
    },
    'POST /v1/chargebacks': { orderId: c.orderId, amount: usd(100) },
    'POST /v1/chargebacks/:chargebackId/defence': {
      evidenceIds: [c.chargeback?.sellerEvidenceId ?? 'ev-none'],
      note: 'delivered with signature',
    },
    'POST /v1/chargebacks/:chargebackId/outcome': { outcome: 'won' },
    'POST /v1/refunds/:refundId/result': { result: 'succeeded' },
    'POST /v1/disputes/:disputeId/return-details': { rmaNumber: 'RMA-1' },
    'POST /v1/chargebacks/:chargebackId/stage': { stage: 'pre_arbitration' },
  };
  if (route === 'GET /v1/sellers/:sellerId/statement')
    return { url: `${url}?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z` };
  if (route === 'POST /v1/disputes/:disputeId/evidence') {
    const upload = form({ kind: 'item_photo' }, [
      { name: 'photo.png', type: 'image/png', bytes: PHOTO },
    ]);
    return { url, payload: upload.payload, contentType: upload.contentType };
  }
  const payload = bodies[route] ?? (method === 'POST' || method === 'PUT' ? {} : undefined);
  return payload === undefined ? { url } : { url, payload };
}

function problemCode(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { code?: string }).code;
  } catch {
    return undefined;
  }
}

function satisfies(outcome: Outcome | 400, status: number, code: string | undefined): boolean {
  if (status >= 500) return false;
  switch (outcome) {
    case 'ok':
      return status >= 200 && status < 300;
    case 'visible':
      // The engine may say an offer or evidence does not exist; the dispute itself must not vanish.
      return status !== 401 && !(status === 404 && code === 'dispute.not_found');
    case 'public':
      return true;
    default:
      return status === outcome;
  }
}

describeEachDatabase('authorization matrix', (getStore) => {
  let w: ApiWorld;
  let others: { buyer: SessionHeaders; seller: SessionHeaders };
  /** A key with the integration scope alone, and one that may also act for users. */
  let plainKey: Record<string, string>;
  let actingKey: Record<string, string>;
  /** `Settle-Act-As` values: the world's buyer and staff (own), another buyer and store's. */
  let actAs: Record<ActingWho, { own: string; unrelated: string }>;

  beforeAll(async () => {
    PHOTO = await plainPhoto();
    w = await apiWorld(getStore);
    const otherBuyer = await w.createUser('buyer');
    const otherSeller = await w.createUser('seller');
    others = { buyer: otherBuyer.headers, seller: otherSeller.headers };
    plainKey = await w.as('integration');
    actingKey = { ...(await w.apiKey(['integration', 'act_as'])) };
    actAs = {
      act_as_buyer: { own: `buyer:${w.buyerId}`, unrelated: `buyer:${otherBuyer.user.id}` },
      act_as_seller: {
        own: `seller:${w.sellerId}:${w.users.seller.user.id}`,
        unrelated: `seller:${otherSeller.user.sellerId}:${otherSeller.user.id}`,
      },
    };
  });
  afterAll(async () => {
    await w?.close();
  });

  async function context(route: string): Promise<Ctx> {
    const orderId = await w.newOrder();
    const disputeId = fresh('dsp');
    const opened = await w.service.open(w.buyer, {
      disputeId: disputeId as never,
      orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: { minor: 500n, currency: 'USD' as never } },
      description: 'x',
    });
    if (!opened.ok) throw new Error(opened.rejection.code);
    if (route.includes(':refundId')) {
      // The seller accepts the request: refund `<dispute>:refund:1` is owed to the buyer.
      const accepted = await w.service.handle(disputeId as DisputeId, w.seller, {
        type: 'accept_offer',
        offerId: `${disputeId}.request` as never,
      });
      if (!accepted.ok) throw new Error(accepted.rejection.code);
    }
    // Only what the route needs is made: an upload for evidence routes, a spare order for
    // routes that name an order (so the first stays busy with its dispute).
    const evidenceId =
      route.includes(':evidenceId/') && !route.endsWith('/findings')
        ? await uploadPhoto(disputeId)
        : 'ev-none';
    const needsOrder =
      route === 'POST /v1/disputes' ||
      route.includes(':orderId') ||
      route.includes('/shipments/') ||
      route.includes('tracking-events');
    return {
      w,
      disputeId,
      evidenceId,
      orderId: needsOrder ? await w.newOrder() : orderId,
      sellerId: w.sellerId,
      ...(route.includes(':chargebackId')
        ? { chargeback: await chargebackOn(orderId, disputeId as DisputeId) }
        : {}),
    };
  }

  /**
   * Read-only routes share one context per route, and so do the refusals of a write route (401,
   * 403, 404, 400 are answered before anything changes; a refusal that wrongly went through
   * fails its case anyway). A write the matrix lets through gets a fresh dispute per case, so
   * one caller's effect never decides another's answer.
   */
  const shared = new Map<string, Ctx>();
  async function contextFor(route: string, outcome: Outcome | 400): Promise<Ctx> {
    if (!route.startsWith('GET ') && typeof outcome !== 'number') return context(route);
    const cached = shared.get(route) ?? (await context(route));
    shared.set(route, cached);
    return cached;
  }

  async function uploadPhoto(disputeId: string): Promise<string> {
    const upload = form({ kind: 'item_photo' }, [
      { name: 'photo.png', type: 'image/png', bytes: PHOTO },
    ]);
    const uploaded = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${disputeId}/evidence`,
      headers: {
        ...((await w.as('buyer')) as Record<string, string>),
        'content-type': upload.contentType,
      },
      payload: upload.payload,
    });
    if (uploaded.statusCode !== 201) throw new Error(`upload failed: ${uploaded.body}`);
    return (uploaded.json() as { id: string }).id;
  }

  /** A chargeback on the order, and evidence its seller added to the order's dispute. */
  async function chargebackOn(orderId: OrderId, disputeId: DisputeId) {
    const id = fresh('cb');
    const integration = { role: 'integration', id: 'test' } as const;
    const opened = await w.runtime.chargebacks.open(integration, {
      chargebackId: id as ChargebackId,
      orderId,
      amount: money(100, 'USD'),
    });
    if (!opened.ok) throw new Error(opened.rejection.code);
    const sellerEvidenceId = fresh('ev');
    const added = await w.service.handle(disputeId, w.seller, {
      type: 'add_evidence',
      evidence: {
        id: sellerEvidenceId as EvidenceId,
        kind: 'tracking_proof',
        findings: [],
        sha256: 'a'.repeat(64),
        mediaType: 'image/jpeg',
        bytes: 1024,
        fileName: 'tracking.jpg',
        note: '',
        arbitratorOnly: false,
      },
    });
    if (!added.ok) throw new Error(added.rejection.code);
    return { id, sellerEvidenceId };
  }

  it('lists every registered route', () => {
    const registered = w.app.routeList.filter((r) => !r.includes('/docs'));
    const missing = registered.filter((r) => ACCESS_MATRIX[r] === undefined);
    expect(missing).toEqual([]);
  });

  for (const [route, access] of Object.entries(ACCESS_MATRIX) as [string, Access][]) {
    it(`${route}: every role answers as the matrix says`, async () => {
      const [method] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE'];
      const cases: [string, Outcome | 400, Record<string, string>, string?][] = [];
      for (const who of CALLERS) {
        const expected = access[who];
        const headersFor = async (role: Who) =>
          role === 'anonymous' ? {} : ((await w.as(role)) as Record<string, string>);
        if (typeof expected === 'object') {
          cases.push([`${who} (own)`, expected.own, await headersFor(who)]);
          cases.push([
            `${who} (unrelated)`,
            expected.unrelated,
            others[who as 'buyer' | 'seller'] as unknown as Record<string, string>,
          ]);
        } else {
          cases.push([who, expected, await headersFor(who)]);
        }
      }
      for (const who of ACTING) {
        const expected: Outcome | ByRelation = actingAccess(access, who);
        const own = typeof expected === 'object' ? expected.own : expected;
        const unrelated = typeof expected === 'object' ? expected.unrelated : expected;
        cases.push([`${who} (own)`, own, { ...actingKey, [ACT_AS_HEADER]: actAs[who].own }]);
        cases.push([
          `${who} (unrelated)`,
          unrelated,
          { ...actingKey, [ACT_AS_HEADER]: actAs[who].unrelated },
        ]);
      }
      // The header from a key without the act_as scope, and a header that names no one: refused
      // on every route before anything else happens.
      cases.push([
        'integration key without act_as, acting',
        403,
        { ...plainKey, [ACT_AS_HEADER]: actAs.act_as_buyer.own },
        'auth.act_as_forbidden',
      ]);
      cases.push([
        'act_as key, malformed header',
        400,
        { ...actingKey, [ACT_AS_HEADER]: 'me' },
        'auth.act_as_malformed',
      ]);
      for (const [label, outcome, headers, code] of cases) {
        const req = sample(route, await contextFor(route, outcome));
        const withType =
          req.contentType === undefined ? headers : { ...headers, 'content-type': req.contentType };
        const res = await w.app.inject({
          method,
          url: req.url,
          headers: withType,
          ...(req.payload === undefined ? {} : { payload: req.payload as object }),
        });
        expect(
          satisfies(outcome, res.statusCode, problemCode(res.body)),
          `${route} as ${label}: expected ${outcome}, got ${res.statusCode} ${res.body.slice(0, 300)}`,
        ).toBe(true);
        if (code !== undefined) expect(problemCode(res.body), label).toBe(code);
        if (res.statusCode >= 400 && res.statusCode !== 429)
          expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });
  }

  it('never lists another buyer’s or store’s disputes', async () => {
    const c = await context('');
    for (const headers of [others.buyer, others.seller]) {
      const res = await w.app.inject({ method: 'GET', url: '/v1/disputes?limit=100', headers });
      expect((res.json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(
        c.disputeId,
      );
    }
  });
});
