// Who may call what, as data: every route × caller role × relation to the object (the caller's
// own dispute, store or order, or an unrelated one). The authorization tests are generated from
// this table, and a route missing from it fails them. Objects a caller may not see answer 404.

export type Who = 'anonymous' | 'buyer' | 'seller' | 'arbitrator' | 'admin' | 'integration';

/**
 * ok: 2xx. visible: the caller reaches the engine, which may still refuse by its rules (403 for
 * a role the action is not for, 409, 422), never 401 or 404. public: no sign-in needed.
 */
export type Outcome = 'ok' | 'visible' | 'public' | 401 | 403 | 404;
export type ByRelation = { readonly own: Outcome; readonly unrelated: Outcome };
export type Access = {
  readonly [W in Who]: W extends 'buyer' | 'seller' ? Outcome | ByRelation : Outcome;
};

const PUBLIC: Access = {
  anonymous: 'public',
  buyer: 'public',
  seller: 'public',
  arbitrator: 'public',
  admin: 'public',
  integration: 'public',
};
/** A dispute's parties and staff see it; other buyers and stores, and integrations, do not. */
const DISPUTE_READ: Access = {
  anonymous: 401,
  buyer: { own: 'ok', unrelated: 404 },
  seller: { own: 'ok', unrelated: 404 },
  arbitrator: 'ok',
  admin: 'ok',
  integration: 404,
};
/** An action: visible parties and staff reach the engine, which decides by role and state. */
const DISPUTE_ACTION: Access = {
  anonymous: 401,
  buyer: { own: 'visible', unrelated: 404 },
  seller: { own: 'visible', unrelated: 404 },
  arbitrator: 'visible',
  admin: 'visible',
  integration: 404,
};
const INTEGRATION: Access = {
  anonymous: 401,
  buyer: 403,
  seller: 403,
  arbitrator: 403,
  admin: 'ok',
  integration: 'ok',
};
const ADMIN: Access = {
  anonymous: 401,
  buyer: 403,
  seller: 403,
  arbitrator: 403,
  admin: 'ok',
  integration: 403,
};

export const ACCESS_MATRIX: Readonly<Record<string, Access>> = {
  'GET /healthz': PUBLIC,
  'GET /readyz': PUBLIC,
  'GET /metrics': PUBLIC,
  'GET /openapi.json': PUBLIC,
  'GET /status': PUBLIC,
  // The web console's files and pages (src/http/routes/console.ts).
  'GET /': PUBLIC,
  'GET /*': PUBLIC,
  'GET /console/config.json': PUBLIC,
  'POST /v1/session': PUBLIC,
  'GET /v1/session': {
    anonymous: 401,
    buyer: 'ok',
    seller: 'ok',
    arbitrator: 'ok',
    admin: 'ok',
    integration: 403,
  },
  'DELETE /v1/session': {
    anonymous: 'public',
    buyer: 'ok',
    seller: 'ok',
    arbitrator: 'ok',
    admin: 'ok',
    integration: 'public',
  },

  'POST /v1/disputes': {
    anonymous: 401,
    buyer: { own: 'ok', unrelated: 404 },
    seller: 403,
    arbitrator: 403,
    admin: 403,
    integration: 403,
  },
  // The buyer's own orders (the console's "my orders"); nobody else has a list here.
  'GET /v1/orders': {
    anonymous: 401,
    buyer: 'ok',
    seller: 403,
    arbitrator: 403,
    admin: 403,
    integration: 403,
  },
  'GET /v1/disputes': {
    anonymous: 401,
    buyer: 'ok',
    seller: 'ok',
    arbitrator: 'ok',
    admin: 'ok',
    integration: 403,
  },
  'GET /v1/disputes/:disputeId': DISPUTE_READ,
  'GET /v1/disputes/:disputeId/events': DISPUTE_READ,
  'GET /v1/disputes/:disputeId/case-file': DISPUTE_READ,
  // Every event, hidden ones included, to verify offline: staff only (docs/audit.md).
  'GET /v1/disputes/:disputeId/case-file.json': {
    anonymous: 401,
    buyer: { own: 403, unrelated: 404 },
    seller: { own: 403, unrelated: 404 },
    arbitrator: 'ok',
    admin: 'ok',
    integration: 404,
  },
  'GET /v1/disputes/:disputeId/impact': {
    anonymous: 401,
    buyer: { own: 404, unrelated: 404 },
    seller: { own: 'ok', unrelated: 404 },
    arbitrator: 'ok',
    admin: 'ok',
    integration: 404,
  },
  'POST /v1/disputes/:disputeId/offers': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/offers/:offerId/accept': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/offers/:offerId/reject': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/evidence': { ...DISPUTE_ACTION, integration: 403 },
  'GET /v1/disputes/:disputeId/evidence/:evidenceId/file': { ...DISPUTE_READ, integration: 403 },
  'GET /v1/disputes/:disputeId/evidence/:evidenceId/thumbnail': {
    ...DISPUTE_READ,
    integration: 403,
  },
  'POST /v1/disputes/:disputeId/evidence-requests': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/evidence/:evidenceId/findings': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/messages': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/cancel': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/escalate': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/escalation/withdraw': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/return-label': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/return-shipment': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/return-receipt': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/replacement-shipment': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/ruling': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/appeal': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/appeal/decision': DISPUTE_ACTION,

  'GET /v1/arbitration/queue': {
    anonymous: 401,
    buyer: 403,
    seller: 403,
    arbitrator: 'ok',
    admin: 'ok',
    integration: 403,
  },
  'GET /v1/sellers/:sellerId/metrics': {
    anonymous: 401,
    buyer: { own: 404, unrelated: 404 },
    seller: { own: 'ok', unrelated: 404 },
    arbitrator: 'ok',
    admin: 'ok',
    integration: 404,
  },
  'GET /v1/policies': ADMIN,
  'POST /v1/policies': { ...ADMIN, admin: 'ok' },
  'POST /v1/clock/advance': ADMIN,
  'POST /v1/webhooks': ADMIN,
  'GET /v1/webhooks': ADMIN,
  'DELETE /v1/webhooks/:id': { ...ADMIN, admin: 404 },
  'GET /v1/webhooks/:id/deliveries': { ...ADMIN, admin: 404 },
  'POST /v1/webhook-deliveries/:id/redeliver': { ...ADMIN, admin: 404 },
  // Accounts and keys (routes/admin-users.ts, admin-api-keys.ts): the tests name a user and a
  // key that do not exist, so an admin gets 404 where the route needs one.
  'POST /v1/admin/users': ADMIN,
  'GET /v1/admin/users': ADMIN,
  'GET /v1/admin/users/:userId': { ...ADMIN, admin: 404 },
  'POST /v1/admin/users/:userId/disable': { ...ADMIN, admin: 404 },
  'POST /v1/admin/users/:userId/enable': { ...ADMIN, admin: 404 },
  'POST /v1/admin/users/:userId/password': { ...ADMIN, admin: 404 },
  'GET /v1/admin/sellers/:sellerId/staff': ADMIN,
  'POST /v1/admin/sellers/:sellerId/staff': ADMIN,
  'POST /v1/admin/api-keys': ADMIN,
  'GET /v1/admin/api-keys': ADMIN,
  'DELETE /v1/admin/api-keys/:keyId': { ...ADMIN, admin: 404 },

  'PUT /v1/sellers/:sellerId': INTEGRATION,
  'PUT /v1/buyers/:buyerId': INTEGRATION,
  'PUT /v1/orders/:orderId': INTEGRATION,
  'POST /v1/orders/:orderId/status': INTEGRATION,
  'PUT /v1/shipments/:shipmentId': INTEGRATION,
  'POST /v1/tracking-events': INTEGRATION,

  // Chargebacks and their outcomes come from the integration alone, not admins: the engine
  // takes them from the payment processor's side only.
  'POST /v1/chargebacks': { ...INTEGRATION, admin: 403 },
  'GET /v1/chargebacks/:chargebackId': {
    anonymous: 401,
    buyer: { own: 404, unrelated: 404 },
    seller: { own: 'ok', unrelated: 404 },
    arbitrator: 'ok',
    admin: 'ok',
    integration: 'ok',
  },
  'POST /v1/chargebacks/:chargebackId/defence': {
    anonymous: 401,
    buyer: 403,
    seller: { own: 'ok', unrelated: 404 },
    arbitrator: 403,
    admin: 403,
    integration: 403,
  },
  'POST /v1/chargebacks/:chargebackId/outcome': { ...INTEGRATION, admin: 403 },
};
