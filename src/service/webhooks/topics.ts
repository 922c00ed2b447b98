// The topics a subscription can ask for: every outbox topic the dispute and chargeback writers
// emit, plus the deadline notice the webhook worker emits itself.
import type { Topic } from '../outbox-topics.ts';

export const DEADLINE_APPROACHING = 'deadline.approaching';

export type WebhookTopic = Topic | typeof DEADLINE_APPROACHING;

// A record over the union, so a topic added to outbox-topics.ts without a line here fails to
// compile instead of being silently unsubscribable. The text documents the API.
export const TOPIC_DESCRIPTIONS: { readonly [T in WebhookTopic]: string } = {
  'dispute.opened': 'a buyer opened a dispute',
  'dispute.updated': 'a dispute changed (offers answered, evidence, escalation, returns ...)',
  'dispute.resolved': 'a dispute was resolved, or an appeal decided',
  'offer.made': 'a party proposed an offer',
  'deadline.approaching': "a dispute's next deadline falls within the next 24 hours",
  'money.refunded': 'money was refunded to the buyer',
  'money.released': 'escrowed money was released to the seller',
  'refund.succeeded': 'the marketplace reported a refund paid: it moved from owed to paid',
  'refund.failed': "a refund's payment failed; retryAt says when the next attempt is asked for",
  'refund.retry_requested': "a failed refund's payment is asked for again (attempt n)",
  'refund.escalated': 'a refund failed its last attempt and was handed to staff',
  'chargeback.updated':
    'a chargeback was opened, moved stage, defended, conceded, left undefended or decided',
  'seller.standing_changed':
    "a seller's seller-responsibility rate crossed a policy threshold (up or down): the level, the policy's penalty tier, the rates and the disputes that weigh most",
};

export const WEBHOOK_TOPICS = Object.keys(TOPIC_DESCRIPTIONS) as readonly WebhookTopic[];

export function isWebhookTopic(topic: string): topic is WebhookTopic {
  return Object.hasOwn(TOPIC_DESCRIPTIONS, topic);
}
