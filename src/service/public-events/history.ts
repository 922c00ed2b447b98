// The state of each dispute and chargeback right after a given event, folded from their stored
// events: a public event shows its dispute as it was then, not as it is when the event is read.
// Loaded once per batch (one query per kind), so a page of a hundred events costs two reads.
import type { Kysely } from 'kysely';
import {
  type Chargeback,
  type ChargebackEvent,
  type Dispute,
  type DisputeEvent,
  evolve,
  evolveChargeback,
} from '../../domain/index.ts';
import type { Database } from '../../store/schema.ts';

export interface History {
  /** The dispute right after its event `seq`; undefined when that event is not stored. */
  dispute(disputeId: string, seq: number): Dispute | undefined;
  chargeback(chargebackId: string, seq: number): Chargeback | undefined;
}

interface Wanted {
  readonly disputes: ReadonlySet<string>;
  readonly chargebacks: ReadonlySet<string>;
}

/** What a batch of outbox payloads refers to: their `disputeId`s and `chargebackId`s. */
export function wantedBy(payloads: readonly unknown[]): Wanted {
  const disputes = new Set<string>();
  const chargebacks = new Set<string>();
  for (const p of payloads) {
    if (typeof p !== 'object' || p === null) continue;
    const { disputeId, chargebackId } = p as Record<string, unknown>;
    if (typeof chargebackId === 'string') chargebacks.add(chargebackId);
    else if (typeof disputeId === 'string') disputes.add(disputeId);
  }
  return { disputes, chargebacks };
}

export async function loadHistory(db: Kysely<Database>, wanted: Wanted): Promise<History> {
  const disputeStates = new Map<string, Dispute[]>();
  if (wanted.disputes.size > 0) {
    const rows = await db
      .selectFrom('dispute_events')
      .select(['dispute_id', 'seq', 'payload'])
      .where('dispute_id', 'in', [...wanted.disputes])
      .orderBy('dispute_id')
      .orderBy('seq')
      .execute();
    let state: Dispute | undefined;
    for (const row of rows) {
      const states = disputeStates.get(row.dispute_id) ?? [];
      if (states.length === 0) state = undefined;
      state = evolve(state, row.payload as DisputeEvent);
      states.push(state);
      disputeStates.set(row.dispute_id, states);
    }
  }
  const chargebackStates = new Map<string, Chargeback[]>();
  if (wanted.chargebacks.size > 0) {
    const rows = await db
      .selectFrom('chargebacks')
      .select(['id', 'events'])
      .where('id', 'in', [...wanted.chargebacks])
      .execute();
    for (const row of rows) {
      let state: Chargeback | undefined;
      const states: Chargeback[] = [];
      for (const stored of row.events as readonly { event: ChargebackEvent }[]) {
        state = evolveChargeback(state, stored.event);
        states.push(state);
      }
      chargebackStates.set(row.id, states);
    }
  }
  return {
    dispute: (id, seq) => disputeStates.get(id)?.[seq - 1],
    chargeback: (id, seq) => chargebackStates.get(id)?.[seq - 1],
  };
}
