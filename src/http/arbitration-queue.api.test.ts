// The arbitration queue: disputes waiting for an arbitrator, longest waiting first, and its first
// page is the longest waiting ones even when later activity (a message in arbitration) touched
// them after disputes that started waiting later.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { type DisputeId, type MessageId, money } from '../domain/index.ts';

const HOUR_MS = 3_600_000;

describeEachDatabase('GET /v1/arbitration/queue', (getStore) => {
  let w: ApiWorld;
  const escalated: DisputeId[] = [];

  beforeAll(async () => {
    w = await apiWorld(getStore);
    // Three disputes escalated an hour apart, and one left negotiating (not in the queue).
    for (let i = 0; i < 4; i += 1) {
      const id = `queue-${i}-${w.disputeId()}` as DisputeId;
      const opened = await w.service.open(w.buyer, {
        disputeId: id,
        orderId: await w.newOrder(),
        reason: 'damaged',
        request: { kind: 'refund', amount: money(100, 'USD') },
        description: `dispute ${i}`,
      });
      if (!opened.ok) throw new Error(opened.rejection.code);
      if (i < 3) {
        const up = await w.service.handle(id, w.seller, {
          type: 'escalate',
          note: 'please decide',
        });
        if (!up.ok) throw new Error(up.rejection.code);
        escalated.push(id);
      }
      w.clock.advance(HOUR_MS);
    }
    // The longest waiting dispute is the most recently touched one.
    const posted = await w.service.handle(escalated[0] as DisputeId, w.seller, {
      type: 'post_message',
      messageId: randomUUID() as MessageId,
      body: 'any news?',
      arbitratorOnly: false,
    });
    if (!posted.ok) throw new Error(posted.rejection.code);
  });
  afterAll(async () => {
    await w?.close();
  });

  const queue = async (query: string) => {
    const res = await w.app.inject({
      method: 'GET',
      url: `/v1/arbitration/queue${query}`,
      headers: await w.as('arbitrator'),
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: { dispute: { id: string }; waitingSince: string }[] }).items;
  };

  it('lists the escalated disputes, longest waiting first', async () => {
    const items = await queue('');
    expect(items.map((i) => i.dispute.id)).toEqual(escalated);
    const since = items.map((i) => Date.parse(i.waitingSince));
    expect(since).toEqual([...since].sort((a, b) => a - b));
  });

  it('a page shorter than the queue holds the longest waiting, however recently touched', async () => {
    expect((await queue('?limit=1')).map((i) => i.dispute.id)).toEqual([escalated[0]]);
    expect((await queue('?limit=2')).map((i) => i.dispute.id)).toEqual(escalated.slice(0, 2));
  });
});
