// Goal: a first migration does not fail because some *other* schema of the database is dropped
// while it runs (another tenant's, or another test file's). Kysely's own catalogue check called
// has_schema_privilege(name) on every schema and failed with 3F000 naming the vanished one;
// migrate() now asks only about its own schema. PostgreSQL only: PGlite has one connection.
import { expect, it } from 'vitest';
import { describePostgres } from '../../test/support/databases.ts';
import { dropSchema, uniqueSchemaName, withRawPg } from '../../test/support/postgres.ts';
import { openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

describePostgres('migrate beside schemas being dropped', (url) => {
  it('applies every migration to fresh schemas while others come and go', async () => {
    let stop = false;
    const churn = withRawPg(url, async (c) => {
      const prefix = uniqueSchemaName('churn');
      for (let i = 0; !stop; i++) {
        await c.query(`create schema ${prefix}_${i}`);
        await c.query(`create table ${prefix}_${i}.t (a int)`);
        await c.query(`drop schema ${prefix}_${i} cascade`);
      }
    });
    const failures: string[] = [];
    try {
      // Without the fix about one first migration in four failed here.
      for (let k = 0; k < 8; k++) {
        const schema = uniqueSchemaName('mig');
        const store = await openDatabase({ databaseUrl: url, schema });
        try {
          await migrate(store);
        } catch (error) {
          failures.push(String(error));
        } finally {
          await store.close();
          await dropSchema(url, schema);
        }
      }
    } finally {
      stop = true;
      await churn;
    }
    expect(failures).toEqual([]);
  });
});
