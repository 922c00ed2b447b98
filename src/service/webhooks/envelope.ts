// What a receiver gets: the Standard Webhooks envelope {type, timestamp, data}. Deliveries keep
// the envelope with bigints intact (the store's jsonb codec); it becomes wire JSON only when
// sent or shown, with bigints (money in minor units) as decimal strings, because a JSON number
// past 2^53 silently loses digits in most receivers' parsers.
import { type Instant, isoString } from '../../domain/index.ts';

const DEPTH_MAX = 64;

export interface Envelope {
  readonly type: string;
  /** When the message was created (ISO 8601). */
  readonly timestamp: string;
  readonly data: unknown;
}

export function envelope(type: string, createdAt: Instant, data: unknown): Envelope {
  return { type, timestamp: isoString(createdAt), data };
}

/** A JSON-ready copy with every bigint as its decimal string. */
export function toWire(value: unknown, depth = 0): unknown {
  if (depth > DEPTH_MAX) throw new Error(`webhook payload nested deeper than ${DEPTH_MAX}`);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((item) => toWire(item, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, toWire(item, depth + 1)]),
  );
}

/** The exact body that is signed and sent. */
export function encodeBody(payload: unknown): string {
  return JSON.stringify(toWire(payload));
}
