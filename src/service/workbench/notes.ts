// Internal notes on a case: staff write them for each other (what was checked, what to ask).
// They live in their own table, outside the dispute's events, so no view, case file, export or
// webhook built from the events can carry one to a party.
import type { Kysely } from 'kysely';
import type { Instant } from '../../domain/index.ts';
import type { Database } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';

/** A limit, like every list a dispute has: notes are working remarks, not a transcript. */
export const NOTES_PER_CASE_MAX = 200;
export const NOTE_CHARS_MAX = 4_000;

export interface InternalNote {
  readonly id: string;
  readonly disputeId: string;
  readonly staffId: string;
  readonly staffName: string;
  readonly body: string;
  readonly at: number;
}

export async function listNotes(db: Kysely<Database>, disputeId: string): Promise<InternalNote[]> {
  const rows = await db
    .selectFrom('arbitration_notes as n')
    .leftJoin('users as u', 'u.id', 'n.staff_id')
    .select(['n.id', 'n.dispute_id', 'n.staff_id', 'u.name', 'n.body', 'n.at'])
    .where('n.dispute_id', '=', disputeId)
    .orderBy('n.at')
    .orderBy('n.id')
    .limit(NOTES_PER_CASE_MAX)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    disputeId: r.dispute_id,
    staffId: r.staff_id,
    staffName: r.name ?? r.staff_id,
    body: r.body,
    at: r.at.getTime(),
  }));
}

export type AddNoteResult =
  | { readonly ok: true; readonly note: InternalNote; readonly created: boolean }
  | { readonly ok: false; readonly code: 'note.limit_reached' | 'note.id_reused' };

/** Adds a note; `noteId` is the client's, so a retry of the same note is answered, not doubled. */
export async function addNote(
  store: Store,
  input: { noteId: string; disputeId: string; staffId: string; body: string; at: Instant },
): Promise<AddNoteResult> {
  return store.db.transaction().execute(async (trx) => {
    const same = await trx
      .selectFrom('arbitration_notes')
      .selectAll()
      .where('id', '=', input.noteId)
      .executeTakeFirst();
    if (same !== undefined) {
      if (same.dispute_id !== input.disputeId || same.body !== input.body)
        return { ok: false, code: 'note.id_reused' };
      const note = (await listNotes(trx, input.disputeId)).find((n) => n.id === input.noteId);
      if (note !== undefined) return { ok: true, note, created: false };
    }
    const { count } = await trx
      .selectFrom('arbitration_notes')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('dispute_id', '=', input.disputeId)
      .executeTakeFirstOrThrow();
    if (Number(count) >= NOTES_PER_CASE_MAX) return { ok: false, code: 'note.limit_reached' };
    await trx
      .insertInto('arbitration_notes')
      .values({
        id: input.noteId,
        dispute_id: input.disputeId,
        staff_id: input.staffId,
        body: input.body,
        at: new Date(input.at),
      })
      .execute();
    const name = await trx
      .selectFrom('users')
      .select('name')
      .where('id', '=', input.staffId)
      .executeTakeFirst();
    return {
      ok: true,
      created: true,
      note: {
        id: input.noteId,
        disputeId: input.disputeId,
        staffId: input.staffId,
        staffName: name?.name ?? input.staffId,
        body: input.body,
        at: input.at,
      },
    };
  });
}
