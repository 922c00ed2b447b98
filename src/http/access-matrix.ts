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
/**
 * The marketplace's key (scopes integration + act_as) acting for a party with `Settle-Act-As`
 * (own: the dispute's buyer or its store's staff member; unrelated: another buyer or store).
 * Authorization is that person's: absent, the entry is the buyer's or seller's own. The tests
 * also send the header on every route with a key lacking act_as (403) and a malformed one (400).
 */
export type ActingWho = 'act_as_buyer' | 'act_as_seller';
export type Access = {
  readonly [W in Who]: W extends 'buyer' | 'seller' ? Outcome | ByRelation : Outcome;
} & { readonly [W in ActingWho]?: Outcome | ByRelation };

/** What a key acting for a party gets: the party's own entry unless the route says otherwise. */
export function actingAccess(access: Access, who: ActingWho): Outcome | ByRelation {
  return access[who] ?? access[who === 'act_as_buyer' ? 'buyer' : 'seller'];
}

const PUBLIC: Access = {
  anonymous: 'public',
  buyer: 'public',
  seller: 'public',
  arbitrator: 'public',
  admin: 'public',
  integration: 'public',
};
/**
 * A dispute's parties and staff see it, and the marketplace's integration sees every dispute of
 * its marketplace (issue 10); other buyers and stores do not.
 */
const DISPUTE_READ: Access = {
  anonymous: 401,
  buyer: { own: 'ok', unrelated: 404 },
  seller: { own: 'ok', unrelated: 404 },
  arbitrator: 'ok',
  admin: 'ok',
  integration: 'ok',
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

/** A case's staff-only parts (the workbench): parties and the marketplace's key get 404. */
const STAFF_CASE: Access = {
  anonymous: 401,
  buyer: { own: 404, unrelated: 404 },
  seller: { own: 404, unrelated: 404 },
  arbitrator: 'ok',
  admin: 'ok',
  integration: 404,
};

const SELLER_MONEY: Access = {
  anonymous: 401,
  buyer: { own: 404, unrelated: 404 },
  seller: { own: 'ok', unrelated: 404 },
  arbitrator: 404,
  admin: 'ok',
  integration: 'ok',
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
  // A key acting for someone has no session to describe.
  'GET /v1/session': {
    anonymous: 401,
    buyer: 'ok',
    seller: 'ok',
    arbitrator: 'ok',
    admin: 'ok',
    integration: 403,
    act_as_buyer: 403,
    act_as_seller: 403,
  },
  'DELETE /v1/session': {
    anonymous: 'public',
    buyer: 'ok',
    seller: 'ok',
    arbitrator: 'ok',
    admin: 'ok',
    integration: 'public',
  },
  // Sign-in links: made by the marketplace's key (with act_as: the matrix's integration key has
  // only the integration scope, so 403; routes/sign-in-links.api.test.ts covers the rest),
  // opened by anyone holding one (the token is the credential).
  'POST /v1/sign-in-links': {
    anonymous: 401,
    buyer: 403,
    seller: 403,
    arbitrator: 403,
    admin: 403,
    integration: 403,
  },
  'GET /v1/sign-in-links/:token': PUBLIC,

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
    integration: 'ok',
  },
  'GET /v1/disputes/counts': {
    anonymous: 401,
    buyer: 'ok',
    seller: 'ok',
    arbitrator: 'ok',
    admin: 'ok',
    integration: 'ok',
  },
  'GET /v1/disputes/:disputeId': DISPUTE_READ,
  'GET /v1/disputes/:disputeId/events': DISPUTE_READ,
  'GET /v1/disputes/:disputeId/timeline': DISPUTE_READ,
  // The printable case file is for the parties and staff; the integration reads the JSON view.
  'GET /v1/disputes/:disputeId/case-file': { ...DISPUTE_READ, integration: 404 },
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
  // The catch-up feed: the marketplace's events (issue 10, item 2); admins read it too.
  'GET /v1/events': INTEGRATION,
  'POST /v1/disputes/:disputeId/evidence-requests': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/evidence/:evidenceId/findings': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/messages': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/cancel': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/escalate': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/escalation/withdraw': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/return-label': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/return-shipment': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/return-receipt': DISPUTE_ACTION,
  'POST /v1/disputes/:disputeId/return-details': DISPUTE_ACTION,
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
  // The workbench (routes/workbench.ts): staff only; to anyone else the case's claim and notes
  // do not exist. Only an arbitrator claims (the matrix's dispute is not waiting: 409).
  'GET /v1/disputes/:disputeId/claim': STAFF_CASE,
  'POST /v1/disputes/:disputeId/claim': { ...STAFF_CASE, arbitrator: 'visible', admin: 403 },
  'DELETE /v1/disputes/:disputeId/claim': STAFF_CASE,
  'GET /v1/disputes/:disputeId/notes': STAFF_CASE,
  'POST /v1/disputes/:disputeId/notes': STAFF_CASE,
  'GET /v1/disputes/:disputeId/ruling-preview': STAFF_CASE,
  'GET /v1/sellers/:sellerId/metrics': {
    anonymous: 401,
    buyer: { own: 404, unrelated: 404 },
    seller: { own: 'ok', unrelated: 404 },
    arbitrator: 'ok',
    admin: 'ok',
    integration: 404,
  },
  'GET /v1/sellers/:sellerId/metrics/history': {
    anonymous: 401,
    buyer: { own: 404, unrelated: 404 },
    seller: { own: 'ok', unrelated: 404 },
    arbitrator: 'ok',
    admin: 'ok',
    integration: 404,
  },
  // A seller's money (routes/seller-money.ts): its own staff, admins and the marketplace's key.
  'GET /v1/sellers/:sellerId/balance': SELLER_MONEY,
  'GET /v1/sellers/:sellerId/statement': SELLER_MONEY,
  'GET /v1/policies': ADMIN,
  'POST /v1/policies': { ...ADMIN, admin: 'ok' },
  'POST /v1/clock/advance': ADMIN,
  'GET /v1/clock': ADMIN,
  // The admin's policy page, the books and the platform's accounts (issue 12).
  'GET /v1/policies/markets/:market': ADMIN,
  'POST /v1/policies/preview': ADMIN,
  'GET /v1/policies/usage': ADMIN,
  // Policy what-ifs run by the simulator on a store of their own (issue 13).
  'POST /v1/simulations': ADMIN,
  // The matrix names no simulation that exists: an admin reaches the handler and hears 404.
  'GET /v1/simulations/:simulationId': { ...ADMIN, admin: 404 },
  'GET /v1/simulations/:simulationId/report.html': { ...ADMIN, admin: 404 },
  'DELETE /v1/simulations/:simulationId': { ...ADMIN, admin: 404 },
  'POST /v1/simulations/:simulationId/cancel': { ...ADMIN, admin: 404 },
  'GET /v1/policies/versions/:versionId/disputes': ADMIN,
  'POST /v1/admin/books/ledger-check': ADMIN,
  'POST /v1/admin/books/audit-verify': ADMIN,
  'GET /v1/admin/platform-accounts': ADMIN,
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
  'POST /v1/admin/users/:userId/role': { ...ADMIN, admin: 404 },
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
  // A refund: the integration (one marketplace per deployment) reads and reports every one; the
  // dispute's parties and staff read it; only the payment side reports its result.
  'GET /v1/refunds/:refundId': { ...DISPUTE_READ, integration: 'ok' },
  'POST /v1/refunds/:refundId/result': { ...INTEGRATION, admin: 403 },
  'POST /v1/chargebacks/:chargebackId/stage': { ...INTEGRATION, admin: 403 },
  // The order's seller accepts the loss; nobody else may concede for it.
  'POST /v1/chargebacks/:chargebackId/concede': {
    anonymous: 401,
    buyer: 403,
    seller: { own: 'ok', unrelated: 404 },
    arbitrator: 403,
    admin: 403,
    integration: 403,
  },
};
