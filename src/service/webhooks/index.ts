// Outbound webhooks: the public surface for the HTTP layer, the CLI and integrators' tests.
export { ATTEMPTS_HARD_MAX, ATTEMPTS_MAX, RETRY_DELAYS_MS } from './backoff.ts';
export { NOTICE_WINDOW_MS } from './deadline-notices.ts';
export {
  DELIVERIES_PAGE_DEFAULT,
  DELIVERIES_PAGE_MAX,
  DELIVERY_ID_TEXT,
  type Delivery,
  type DeliveryPage,
  listDeliveries,
  type Redelivered,
  redeliver,
} from './deliveries.ts';
export {
  generateSecret,
  sign,
  TOLERANCE_SECONDS_DEFAULT,
  type VerifyFailure,
  type VerifyResult,
  verifyWebhook,
  webhookHeaders,
} from './signing.ts';
export {
  type Created,
  createSubscription,
  DESCRIPTION_CHARS_MAX,
  disableSubscription,
  getSubscription,
  listSubscriptions,
  type NewSubscription,
  SUBSCRIPTIONS_MAX,
  type Subscription,
  URL_CHARS_MAX,
} from './subscriptions.ts';
export {
  DEADLINE_APPROACHING,
  TOPIC_DESCRIPTIONS,
  WEBHOOK_TOPICS,
  type WebhookTopic,
} from './topics.ts';
export { type WebhookRound, WebhookWorker, type WebhookWorkerOptions } from './worker.ts';
