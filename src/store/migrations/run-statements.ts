import type { Kysely, RawBuilder } from 'kysely';

// PGlite runs one statement per query (extended protocol), so a migration is a list of
// statements executed in order, inside the migrator's transaction.
export async function runStatements(
  db: Kysely<unknown>,
  statements: readonly RawBuilder<unknown>[],
): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
