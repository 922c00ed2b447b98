import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { JsonbInput } from './jsonb.ts';

// The Kysely view of the schema built by ./migrations. A table is an interface; read types are
// what the type parsers in ./type-parsers.ts produce (int8/numeric -> bigint, timestamptz ->
// Date, jsonb -> decoded JSON with bigints revived). Keep in step with the migrations.

/** timestamptz: read as Date, written as Date. */
export type Timestamp = ColumnType<Date, Date, Date>;
/** jsonb: read as decoded JSON, written only through `jsonb(value)`. */
export type Jsonb = ColumnType<unknown, JsonbInput, JsonbInput>;

export type Role = 'buyer' | 'seller' | 'arbitrator' | 'admin';
export type OrderStatus = 'paid' | 'shipped' | 'delivered' | 'completed';
export type ShipmentDirection = 'outbound' | 'return' | 'replacement';
export type ShipmentChannel = 'platform' | 'seller';
export type TrackingStatus =
  | 'info_received'
  | 'in_transit'
  | 'out_for_delivery'
  | 'delivered'
  | 'exception'
  | 'returned_to_sender';

export interface SellersTable {
  id: string;
  name: string;
  country: string;
  protection_enrolled: Generated<boolean>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  role: Role;
  seller_id: string | null;
  created_at: Timestamp;
  /** Set by an admin (migration 0015): the user cannot sign in and has no live session. */
  disabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface OrdersTable {
  id: string;
  seller_id: string;
  buyer_id: string;
  buyer_country: string;
  currency: string;
  amount_paid_minor: bigint;
  paid_at: Timestamp;
  promised_delivery_at: Timestamp | null;
  status: OrderStatus;
  completed_by: 'buyer' | 'timeout' | null;
  completed_at: Timestamp | null;
  delivered_at: Timestamp | null;
  shipped_at: Timestamp | null;
  /** When the runner looks at the order's escrow next (migration 0010); null: nothing to do. */
  escrow_release_due_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface OrderItemsTable {
  order_id: string;
  line: number;
  sku: string;
  title: string;
  quantity: number;
  unit_price_minor: bigint;
  /** The marketplace's line id (0030); null in rows fed before it: the line number stands in. */
  line_id: string | null;
  /** What the buyer paid for the line (0030); null: quantity × unit price. */
  line_total_minor: bigint | null;
}

export interface ShipmentsTable {
  id: string;
  order_id: string;
  dispute_id: string | null;
  direction: ShipmentDirection;
  channel: ShipmentChannel;
  carrier: string;
  tracking_number: string;
  created_at: Timestamp;
}

export interface TrackingEventsTable {
  id: Generated<bigint>;
  shipment_id: string;
  status: TrackingStatus;
  at: Timestamp;
  place: string | null;
  signed: Generated<boolean>;
}

export interface DisputesTable {
  id: string;
  order_id: string;
  seller_id: string;
  buyer_id: string;
  status: string;
  version: number;
  next_deadline_at: Timestamp | null;
  next_deadline_kind: string | null;
  opened_at: Timestamp;
  updated_at: Timestamp;
  policy_version_id: string;
  state: Jsonb;
}

export interface DisputeEventsTable {
  dispute_id: string;
  seq: number;
  type: string;
  at: Timestamp;
  actor_role: string;
  actor_id: string | null;
  payload: Jsonb;
  prev_hash: string;
  hash: string;
}

export interface OffersTable {
  id: string;
  dispute_id: string;
  proposed_by: string;
  kind: string;
  amount_minor: bigint | null;
  currency: string | null;
  status: string;
  payload: Jsonb;
  created_at: Timestamp;
}

export interface EvidenceTable {
  id: string;
  dispute_id: string;
  uploaded_by_role: string;
  uploaded_by: string;
  kind: string;
  findings: Generated<string[]>;
  sha256: string;
  media_type: string;
  bytes: bigint;
  file_name: string;
  blob_key: string;
  arbitrator_only: Generated<boolean>;
  supersedes: string | null;
  created_at: Timestamp;
}

export interface MessagesTable {
  id: string;
  dispute_id: string;
  author_role: string;
  author_id: string;
  body: string;
  arbitrator_only: Generated<boolean>;
  created_at: Timestamp;
}

export interface LedgerTransactionsTable {
  id: string;
  order_id: string | null;
  dispute_id: string | null;
  kind: string;
  at: Timestamp;
  event_seq: number | null;
}

export interface LedgerPostingsTable {
  transaction_id: string;
  line: number;
  account: string;
  amount_minor: bigint;
  currency: string;
}

export interface CouponsTable {
  code: string;
  seller_id: string;
  buyer_id: string;
  dispute_id: string;
  value_minor: bigint;
  currency: string;
  min_spend_minor: bigint;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface PolicyVersionsTable {
  id: string;
  market: string;
  version: number;
  values: Jsonb;
  created_at: Timestamp;
  created_by: string;
}

export interface IdempotencyKeysTable {
  key: string;
  caller: string;
  request_hash: string;
  status: 'in_flight' | 'done';
  response_status: number | null;
  response_body: ColumnType<unknown, JsonbInput | null, JsonbInput | null>;
  created_at: Timestamp;
  locked_until: Timestamp;
}

export interface OutboxTable {
  id: Generated<bigint>;
  topic: string;
  aggregate_id: string;
  payload: Jsonb;
  created_at: Timestamp;
  available_at: Timestamp;
  attempts: Generated<number>;
  delivered_at: Timestamp | null;
  last_error: string | null;
  /** Its place in the catch-up feed, given after it committed (migration 0027); null: not yet. */
  feed_position: Generated<bigint | null>;
}

/** The feed's one row (migration 0027): the last position given and the last one pruned. */
export interface EventFeedTable {
  id: number;
  last_position: bigint;
  pruned_through: bigint;
  pruned_id_max: bigint;
}

export interface ChargebacksTable {
  id: string;
  order_id: string;
  status: string;
  amount_minor: bigint;
  currency: string;
  defence_due_at: Timestamp;
  opened_at: Timestamp;
  state: Jsonb;
  /** How many events the chargeback has; a write succeeds only at the version it read. */
  version: number;
  /** Its events in order, each `{ seq, actor, event }` (migration 0008). */
  events: Jsonb;
}

/** The signed head of one dispute's hash chain, replaced by every write (migration 0012). */
export interface ChainCheckpointsTable {
  dispute_id: string;
  /** The dispute's event count when signed: the seq of its last event. */
  seq: number;
  head_hash: string;
  signed_at: Timestamp;
  /** Fingerprint of the public key that verifies `signature` (service/audit/audit-keys.ts). */
  key_id: string;
  /** Ed25519 over the checkpoint's canonical message, base64. */
  signature: string;
}

export interface Database {
  sellers: SellersTable;
  users: UsersTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  shipments: ShipmentsTable;
  tracking_events: TrackingEventsTable;
  disputes: DisputesTable;
  dispute_events: DisputeEventsTable;
  offers: OffersTable;
  evidence: EvidenceTable;
  messages: MessagesTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_postings: LedgerPostingsTable;
  coupons: CouponsTable;
  policy_versions: PolicyVersionsTable;
  idempotency_keys: IdempotencyKeysTable;
  outbox: OutboxTable;
  event_feed: EventFeedTable;
  chargebacks: ChargebacksTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  sign_in_links: SignInLinksTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_deadline_notices: WebhookDeadlineNoticesTable;
  chain_checkpoints: ChainCheckpointsTable;
  virtual_clock: VirtualClockTable;
  metric_disputes: MetricDisputesTable;
  seller_metric_buckets: SellerMetricBucketsTable;
  seller_standing: SellerStandingTable;
  arbitration_claims: ArbitrationClaimsTable;
  arbitration_notes: ArbitrationNotesTable;
}

/** Who holds a case in the arbitration queue, until when (0036). */
export interface ArbitrationClaimsTable {
  dispute_id: string;
  staff_id: string;
  claimed_at: Timestamp;
  expires_at: Timestamp;
}

/** A staff member's internal note on a case: never shown to a party (0036). */
export interface ArbitrationNotesTable {
  id: string;
  dispute_id: string;
  staff_id: string;
  body: string;
  at: Timestamp;
}

/** The standing each seller was last announced at (0034); no row: good standing. */
export interface SellerStandingTable {
  seller_id: string;
  level: 'good' | 'warn' | 'restrict';
  tier: string | null;
  rate_bp: number;
  ruled_against: number;
  changed_at: Date;
}

/** A dispute's metrics summary (domain summarize), kept so a write knows what it changes (0020). */
export interface MetricDisputesTable {
  dispute_id: string;
  order_id: string;
  seller_id: string;
  /** DisputeSummary as JSON. */
  summary: unknown;
}

/**
 * Seller metric counters per bucket (migration 0020): grain 0 = UTC day, 1 = hour, 2 = minute,
 * 3 = the exact instant; `start_at` is the bucket's first instant (domain/metrics-projection.ts).
 */
export interface SellerMetricBucketsTable {
  seller_id: string;
  grain: number;
  start_at: Timestamp;
  confirmed: number;
  resolved: number;
  escalated: number;
  escalated_counted: number;
  ruled_against: number;
  orders_touched: number;
  orders_disputed: number;
}

export type DisputeEventRow = Selectable<DisputeEventsTable>;
export type NewOrder = Insertable<OrdersTable>;

/** A signed-in browser session; `id` is the SHA-256 (hex) of the cookie's token. */
export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

/** act_as: send `Settle-Act-As` and make sign-in links for the marketplace's users (0028). */
export type ApiKeyScope = 'integration' | 'admin' | 'act_as';

/** A one-time sign-in link (migration 0028); `id` is the SHA-256 (hex) of the link's token. */
export interface SignInLinksTable {
  id: string;
  user_id: string;
  /** A path on Settle's own origin, `/` by default. */
  return_to: string;
  /** The API key that made it. */
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** An API key `sk_<id>_<secret>`; only the SHA-256 (hex) of the secret is kept. */
export interface ApiKeysTable {
  id: string;
  name: string;
  secret_hash: string;
  scopes: ApiKeyScope[];
  created_at: Timestamp;
  created_by: string | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** After this the key no longer authenticates (migration 0015); null: it never expires. */
  expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** The virtual clock's time, one row (migration 0015): a restart resumes from it. */
export interface VirtualClockTable {
  id: Generated<boolean>;
  now: Timestamp;
}

/**
 * Where webhooks go. The secret (`whsec_<base64 of 32 bytes>`) is stored readable, not hashed:
 * HMAC signing needs the key itself, so a hash would make signing impossible.
 */
export interface WebhookSubscriptionsTable {
  id: string;
  url: string;
  topics: string[];
  secret: string;
  description: Generated<string>;
  enabled: Generated<boolean>;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'dead';

/** One message to one subscription, with the outcome of its latest attempt. */
export interface WebhookDeliveriesTable {
  id: Generated<bigint>;
  subscription_id: string;
  outbox_id: bigint;
  topic: string;
  /** The Standard Webhooks message id, stable across attempts. */
  webhook_id: string;
  payload: Jsonb;
  attempt: Generated<number>;
  status: WebhookDeliveryStatus;
  /** Set while the delivery is still to be tried (pending or failed). */
  next_attempt_at: Timestamp | null;
  last_attempt_at: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

/** An approaching deadline already announced: (dispute, kind, due at) is sent once. */
export interface WebhookDeadlineNoticesTable {
  dispute_id: string;
  deadline_kind: string;
  due_at: Timestamp;
  announced_at: Timestamp;
}
