// Outbox messages as public events: the one function both the webhook fan-out and the catch-up
// feed call, so a webhook and the feed carry the same object for the same message.
import type { Kysely } from 'kysely';
import { instant, isoString } from '../../domain/index.ts';
import type { Database } from '../../store/schema.ts';
import { toWire } from '../webhooks/envelope.ts';
import { type History, loadHistory, wantedBy } from './history.ts';
import { PUBLIC_EVENT_VERSION } from './schemas.ts';
import { PUBLIC_EVENT_TYPES, type PublicEventType } from './table.ts';

export { PUBLIC_EVENT_VERSION, publicEventSchema } from './schemas.ts';
export { FEED_TYPES, PUBLIC_EVENT_TYPES, type PublicEventType } from './table.ts';

export interface OutboxMessage {
  readonly id: bigint;
  readonly topic: string;
  readonly payload: unknown;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

export interface PublicEvent {
  readonly apiVersion: typeof PUBLIC_EVENT_VERSION;
  /** `msg_<outbox id>`: also the Standard Webhooks `webhook-id`. */
  readonly id: string;
  readonly type: string;
  readonly timestamp: string;
  readonly data: unknown;
}

/** The Standard Webhooks message id and public event id: one per outbox message. */
export function publicEventId(outboxId: bigint): string {
  return `msg_${outboxId}`;
}

/** The outbox id behind a public event id, or undefined when it is not one. */
export function outboxIdOf(eventId: string): bigint | undefined {
  const m = /^msg_([0-9]{1,18})$/.exec(eventId);
  return m?.[1] === undefined ? undefined : BigInt(m[1]);
}

/**
 * A topic without a public shape yet goes out as stored (bigints as strings): the public-events
 * test fails until it has one. So does a message whose history cannot be read (a dispute's events
 * gone): one bad message must not hold up every delivery queued behind it.
 */
function dataOf(type: PublicEventType | undefined, payload: unknown, history: History): unknown {
  if (type === undefined) return toWire(payload);
  try {
    return type.build(payload, history);
  } catch {
    return toWire(payload);
  }
}

export async function toPublicEvents(
  db: Kysely<Database>,
  messages: readonly OutboxMessage[],
): Promise<PublicEvent[]> {
  const history = await loadHistory(db, wantedBy(messages.map((m) => m.payload)));
  return messages.map((m) => {
    const type = PUBLIC_EVENT_TYPES[m.topic];
    return {
      apiVersion: PUBLIC_EVENT_VERSION,
      id: publicEventId(m.id),
      type: m.topic,
      timestamp: isoString(instant(m.createdAt)),
      data: dataOf(type, m.payload, history),
    };
  });
}
