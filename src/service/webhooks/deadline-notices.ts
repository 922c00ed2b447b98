// "deadline.approaching": disputes whose next deadline falls within the notice window get one
// outbox message each, which then fans out like any other. The notice row and the message are
// written in one transaction, and the notice's key (dispute, kind, due at) makes a second scan,
// or a second worker, announce nothing new; a deadline moved to a new time is announced again.
import { sql } from 'kysely';
import { HOUR_MS, type Instant } from '../../domain/index.ts';
import { enqueue } from '../../store/outbox.ts';
import type { Store } from '../../store/store.ts';
import type { ChainHead } from '../outbox-payload.ts';
import { DEADLINE_APPROACHING } from './topics.ts';

export const NOTICE_WINDOW_MS = 24 * HOUR_MS;
export const NOTICE_BATCH_DEFAULT = 100;

export interface DeadlineNotice {
  readonly disputeId: string;
  readonly status: string;
  readonly deadline: { readonly kind: string; readonly dueAt: number };
  /** The dispute's chain head when announced, as in every dispute webhook (outbox-payload.ts). */
  readonly chain: ChainHead;
}

/** Announces up to `limit` approaching deadlines; returns how many it announced. */
export async function announceDeadlines(
  store: Store,
  now: Instant,
  limit: number = NOTICE_BATCH_DEFAULT,
): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    // Nobody listening: record nothing, so a later subscriber still hears of what is coming.
    const listener = await trx
      .selectFrom('webhook_subscriptions')
      .select('id')
      .where('enabled', '=', true)
      .where(sql<boolean>`${DEADLINE_APPROACHING} = any(topics)`)
      .limit(1)
      .executeTakeFirst();
    if (listener === undefined) return 0;
    const due = await trx
      .selectFrom('disputes as d')
      .select(['d.id', 'd.status', 'd.next_deadline_at', 'd.next_deadline_kind', 'd.version'])
      .select((eb) =>
        eb
          .selectFrom('dispute_events as e')
          .select('e.hash')
          .whereRef('e.dispute_id', '=', 'd.id')
          .whereRef('e.seq', '=', 'd.version')
          .as('head_hash'),
      )
      .where('d.next_deadline_at', '>', new Date(now))
      .where('d.next_deadline_at', '<=', new Date(now + NOTICE_WINDOW_MS))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('webhook_deadline_notices as n')
              .select('n.dispute_id')
              .whereRef('n.dispute_id', '=', 'd.id')
              .whereRef('n.deadline_kind', '=', 'd.next_deadline_kind')
              .whereRef('n.due_at', '=', 'd.next_deadline_at'),
          ),
        ),
      )
      .orderBy('d.next_deadline_at')
      .orderBy('d.id')
      .limit(limit)
      .execute();
    let announced = 0;
    for (const row of due) {
      if (row.next_deadline_at === null || row.next_deadline_kind === null) continue;
      if (row.head_hash === null) continue; // a row with no events yet has nothing to announce
      // A concurrent worker may have announced it since our read: the key decides who sends.
      const inserted = await trx
        .insertInto('webhook_deadline_notices')
        .values({
          dispute_id: row.id,
          deadline_kind: row.next_deadline_kind,
          due_at: row.next_deadline_at,
          announced_at: new Date(now),
        })
        .onConflict((oc) => oc.doNothing())
        .returning('dispute_id')
        .executeTakeFirst();
      if (inserted === undefined) continue;
      const payload: DeadlineNotice = {
        disputeId: row.id,
        status: row.status,
        deadline: { kind: row.next_deadline_kind, dueAt: row.next_deadline_at.getTime() },
        chain: { seq: row.version, headHash: row.head_hash },
      };
      await enqueue(trx, {
        topic: DEADLINE_APPROACHING,
        aggregateId: row.id,
        payload,
        availableAt: now,
      });
      announced += 1;
    }
    return announced;
  });
}
