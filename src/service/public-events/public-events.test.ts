// Goal: every topic the outbox can carry has a public event shape (issue 10, item 3). Helpers
// adding outbox topics at the same time (refund results, return condition, chargeback stages,
// seller standing) see this fail with the topic's name: add one entry to table.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEBHOOK_TOPICS } from '../webhooks/topics.ts';
import { PUBLIC_EVENT_TYPES } from './table.ts';

const SERVICE = join(import.meta.dirname, '..');

/** The topic literals of outbox-topics.ts's union (`| 'dispute.opened'`). */
function unionTopics(): string[] {
  const text = readFileSync(join(SERVICE, 'outbox-topics.ts'), 'utf8');
  const union = /export type Topic =([^;]*);/.exec(text)?.[1] ?? '';
  return [...union.matchAll(/'([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1] ?? '');
}

/** Topics written straight into the outbox elsewhere: `topic: 'x.y'` or `..._TOPIC = 'x.y'`. */
function literalTopics(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return literalTopics(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    const text = readFileSync(path, 'utf8');
    return [...text.matchAll(/(?:topic:|_TOPIC(?::\s*\w+)?\s*=)\s*'([a-z_]+\.[a-z_.]+)'/g)].map(
      (m) => m[1] ?? '',
    );
  });
}

describe('public event shapes', () => {
  it('has one for every outbox topic', () => {
    const topics = new Set([...unionTopics(), ...WEBHOOK_TOPICS, ...literalTopics(SERVICE)]);
    expect(unionTopics().length).toBeGreaterThan(0);
    const missing = [...topics].filter((t) => PUBLIC_EVENT_TYPES[t] === undefined);
    expect(missing, 'add these to src/service/public-events/table.ts').toEqual([]);
  });
});
