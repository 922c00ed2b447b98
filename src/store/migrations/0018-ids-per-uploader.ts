import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// Evidence and message ids are unique per uploader, not per dispute (domain/dispute/item-ids.ts):
// a party may reuse the id of the other party's arbitrator-only item, since refusing it would
// reveal that the hidden item exists. The read-side keys therefore include the uploader's role,
// and a file supersedes one of the same uploader's.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`alter table evidence drop constraint evidence_dispute_id_supersedes_fkey`,
    sql`alter table evidence drop constraint evidence_pkey`,
    sql`alter table evidence add primary key (dispute_id, uploaded_by_role, id)`,
    sql`alter table evidence add foreign key (dispute_id, uploaded_by_role, supersedes)
      references evidence (dispute_id, uploaded_by_role, id)`,
    sql`alter table messages drop constraint messages_pkey`,
    sql`alter table messages add primary key (dispute_id, author_role, id)`,
  ]);
}
