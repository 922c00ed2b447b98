// The dispute row must always equal the fold of its events: checked by tests after each case
// and available to operators. A mismatch means a write path forgot to update one of them.

import { type DisputeEvent, fold, nextDeadline } from '../domain/index.ts';
import { canonicalJson } from '../store/canonical-json.ts';
import { loadEvents } from '../store/event-log.ts';
import type { Store } from '../store/store.ts';
import { decodeDispute } from './state-codec.ts';

export interface ProjectionMismatch {
  readonly disputeId: string;
  readonly problem: string;
}

export async function checkProjections(
  store: Store,
  limit = 10_000,
): Promise<ProjectionMismatch[]> {
  const rows = await store.db
    .selectFrom('disputes')
    .select(['id', 'state', 'version', 'status', 'next_deadline_at', 'next_deadline_kind'])
    .orderBy('id')
    .limit(limit)
    .execute();
  const problems: ProjectionMismatch[] = [];
  for (const row of rows) {
    const events = (await loadEvents(store.db, row.id)).map((e) => e.payload as DisputeEvent);
    const folded = fold(events);
    const problem = (what: string) => problems.push({ disputeId: row.id, problem: what });
    if (folded === undefined) {
      problem('a row without events');
      continue;
    }
    if (row.version !== events.length)
      problem(`version ${row.version} but ${events.length} events`);
    if (row.status !== folded.status)
      problem(`status ${row.status} but the events say ${folded.status}`);
    if (canonicalJson(decodeDispute(row.state)) !== canonicalJson(folded))
      problem('the state snapshot differs from the fold');
    const offers = await store.db
      .selectFrom('offers')
      .select(['id', 'status'])
      .where('dispute_id', '=', row.id)
      .execute();
    if (offerStatuses(offers) !== offerStatuses(folded.offers))
      problem('the offers table differs from the fold');
    const next = nextDeadline(folded);
    if (
      (row.next_deadline_at?.getTime() ?? null) !== (next?.dueAt ?? null) ||
      row.next_deadline_kind !== (next?.kind ?? null)
    ) {
      problem('next deadline differs from the fold');
    }
  }
  return problems;
}

/** Offer id → status, in a stable order, to compare the offers table with the fold. */
function offerStatuses(offers: readonly { id: string; status: string }[]): string {
  return offers
    .map((o) => `${o.id}=${o.status}`)
    .sort()
    .join('\n');
}
