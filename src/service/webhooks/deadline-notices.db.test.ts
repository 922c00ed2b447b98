// Goal: "deadline.approaching" goes out once per deadline, when the dispute's next deadline
// comes within 24 hours, however often the worker runs, and only while someone subscribes; like
// every dispute webhook it carries the dispute's chain head.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { serviceWorld } from '../../../test/support/service-world.ts';
import { startReceiver } from '../../../test/support/webhook-receiver.ts';
import { DAY_MS, HOUR_MS, money } from '../../domain/index.ts';
import { NOTICE_WINDOW_MS } from './deadline-notices.ts';
import { createSubscription } from './subscriptions.ts';
import { WebhookWorker } from './worker.ts';

describeEachDatabase('deadline.approaching webhooks', (getStore) => {
  it('announces the next deadline once, within the window, only to subscribers', async () => {
    const store = getStore();
    const w = await serviceWorld(store);
    // The receiver listens on 127.0.0.1: private targets are allowed, as in local development.
    const worker = new WebhookWorker(store, w.clock, {
      random: () => 0,
      allowPrivateTargets: true,
    });
    const disputeId = w.disputeId();
    const opened = await w.service.open(w.buyer, {
      disputeId,
      orderId: await w.newOrder(),
      reason: 'wrong_item',
      request: { kind: 'refund', amount: money(2_000, 'USD') },
      description: 'got item B',
    });
    if (!opened.ok) throw new Error(opened.rejection.message);
    const due = await store.db
      .selectFrom('disputes')
      .select(['next_deadline_at', 'next_deadline_kind'])
      .where('id', '=', disputeId)
      .executeTakeFirstOrThrow();
    const dueAt = due.next_deadline_at?.getTime() ?? 0;
    expect(dueAt - w.clock.current()).toBeGreaterThan(NOTICE_WINDOW_MS);

    // Inside the window with nobody subscribed: nothing is recorded, so nothing is lost.
    w.clock.advance(dueAt - NOTICE_WINDOW_MS - w.clock.current() + HOUR_MS);
    expect(await worker.drain()).toMatchObject({ announced: 0 });
    const receiver = await startReceiver(() => w.clock.current());
    try {
      const created = await createSubscription(
        store,
        w.clock,
        { url: receiver.url, topics: ['deadline.approaching'] },
        { allowPrivate: true },
      );
      if (!created.ok) throw new Error(created.message);
      receiver.secret = created.secret;

      expect(await worker.drain()).toMatchObject({ announced: 1, succeeded: 1 });
      w.clock.advance(HOUR_MS);
      expect(await worker.drain()).toMatchObject({ announced: 0, attempted: 0 });

      const mine = receiver.received.filter((r) => r.json.data.disputeId === disputeId);
      expect(mine).toHaveLength(1);
      expect(mine[0]?.verified.ok).toBe(true);
      expect(mine[0]?.json).toMatchObject({
        type: 'deadline.approaching',
        data: {
          disputeId,
          status: 'negotiating',
          // A public event (issue 10): times as ISO 8601.
          deadline: { kind: due.next_deadline_kind, dueAt: new Date(dueAt).toISOString() },
        },
      });
      // The dispute's chain head as announced: its one event, dispute_opened.
      const head = await store.db
        .selectFrom('dispute_events')
        .select(['seq', 'hash'])
        .where('dispute_id', '=', disputeId)
        .executeTakeFirstOrThrow();
      expect(mine[0]?.json.data.chain).toEqual({ seq: head.seq, headHash: head.hash });
      // Past the deadline (the runner would fire it), nothing more is announced for it.
      w.clock.advance(DAY_MS);
      expect(await worker.drain()).toMatchObject({ announced: 0 });
    } finally {
      await receiver.close();
    }
  });
});
