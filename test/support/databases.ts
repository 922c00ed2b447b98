import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/open-pglite.ts';
import type { Store } from '../../src/store/store.ts';
import { pgliteTemplate } from './pglite-template.ts';
import {
  dropSchema,
  postgresProbe,
  postgresRequired,
  postgresUrl,
  uniqueSchemaName,
} from './postgres.ts';

// One database suite, run against every dialect in a loop (Kysely's own practice): PGlite
// always, PostgreSQL when reachable, and PostgreSQL always under CI. Each block gets a fresh,
// migrated database: in-memory PGlite (loaded from the run's migrated template), or its own
// PostgreSQL schema dropped afterwards.

export type GetStore = () => Store;

export function describeEachDatabase(title: string, body: (getStore: GetStore) => void): void {
  describe(`${title} [pglite]`, () => {
    // From the run's migrated template (pglite-template.ts): migrate() then finds nothing to do.
    const getStore = useStore(async () =>
      openPglite({ memory: true, from: await pgliteTemplate() }),
    );
    body(getStore);
  });
  describePostgres(title, (url) => {
    const schema = uniqueSchemaName();
    const getStore = useStore(
      async () => openDatabase({ databaseUrl: url, schema }),
      () => dropSchema(url, schema),
    );
    body(getStore);
  });
}

/**
 * Registers a PostgreSQL block: skipped with the reason in its title when the server is
 * unreachable locally; one failing test naming the URL when it is unreachable under CI.
 */
export function describePostgres(title: string, body: (url: string) => void): void {
  if (postgresProbe.reachable) {
    describe(`${title} [postgres]`, () => body(postgresUrl));
    return;
  }
  const reason = postgresProbe.reason;
  if (!postgresRequired) {
    describe.skip(`${title} [postgres] (PostgreSQL unreachable at ${postgresUrl}: ${reason})`, () =>
      body(postgresUrl));
    return;
  }
  // The suite itself is not registered: its hooks would only repeat the connection error.
  describe(`${title} [postgres]`, () => {
    it('reaches PostgreSQL, which CI=true requires', () => {
      throw new Error(
        `PostgreSQL unreachable at ${postgresUrl} (${reason}); CI=true requires it: ` +
          'start the service or set TEST_DATABASE_URL',
      );
    });
  });
}

function useStore(open: () => Promise<Store>, cleanUp?: () => Promise<void>): GetStore {
  let store: Store | undefined;
  beforeAll(async () => {
    store = await open();
    await migrate(store);
  });
  afterAll(async () => {
    await store?.close();
    await cleanUp?.();
  });
  return () => {
    if (store === undefined) throw new Error('the store is opened in beforeAll; use it in tests');
    return store;
  };
}
