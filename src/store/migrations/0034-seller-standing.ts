import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// Seller standing (issue 10, item 12): the level each seller was last announced at, so a write
// that moves the seller-responsibility rate across a policy threshold (either way) announces it
// once. A seller without a row is in good standing: nothing was ever announced for it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create table seller_standing (
      seller_id text primary key references sellers (id),
      level text not null check (level in ('good', 'warn', 'restrict')),
      tier text,
      rate_bp int not null check (rate_bp >= 0),
      ruled_against int not null check (ruled_against >= 0),
      changed_at timestamptz not null
    )`,
  ]);
}
