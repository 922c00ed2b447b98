import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

// What running Settle without the CLI needs (issue 8, items 14 and 16):
// - the virtual clock's time, so a restart resumes where an admin left it instead of jumping
//   back to the machine's time (one row, whose key can only be true);
// - API keys that expire on their own (null: never), set when an admin makes a key;
// - users an admin disables: they cannot sign in, and their sessions end with it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    sql`create table virtual_clock (
      id boolean primary key default true check (id),
      now timestamptz not null
    )`,
    sql`alter table api_keys add column expires_at timestamptz`,
    sql`alter table api_keys add constraint api_keys_expires_after_created
      check (expires_at is null or expires_at > created_at)`,
    sql`alter table users add column disabled_at timestamptz`,
  ]);
}
