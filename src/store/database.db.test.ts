// Goal: openDatabase gives the same JS types on PGlite and PostgreSQL (int8/numeric as bigint,
// timestamptz as Date, jsonb with bigints revived), keeps data across reopening a directory,
// and refuses a data directory that is not, or not wholly, a database cluster, or that another
// PGlite holds open.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { LOCK_FILE } from './data-dir-lock.ts';
import { openDatabase } from './database.ts';
import { DataDirError } from './errors.ts';
import { jsonb } from './jsonb.ts';
import { migrate } from './migrate.ts';

describeEachDatabase('column types', (getStore) => {
  it('maps int8 and integral numeric to bigint, timestamptz to Date', async () => {
    const { rows } = await sql<Record<string, unknown>>`select
      1::int8 as small, 9223372036854775807::int8 as big, sum(x) as total,
      '2025-01-15T09:30:00.123Z'::timestamptz as at
      from (values (9223372036854775807::int8), (1::int8)) as v(x)`.execute(getStore().db);
    expect(rows[0]).toEqual({
      small: 1n,
      big: 9223372036854775807n,
      total: 9223372036854775808n,
      at: new Date('2025-01-15T09:30:00.123Z'),
    });
  });

  it('round-trips JSON values with bigints through jsonb', async () => {
    const { db } = getStore();
    // jsonb cannot hold U+0000 or lone surrogates; our payloads are never such strings.
    const text = fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000'));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(
          fc.bigInt(),
          text,
          fc.integer(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        ),
        fc.constantFrom(true, false, null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(
          text.filter((k) => k !== '$bigint'),
          tie('value'),
          { maxKeys: 4 },
        ),
      ),
    }));
    await fc.assert(
      fc.asyncProperty(value, async (input) => {
        const { rows } = await sql<{ j: unknown }>`select ${jsonb(input)} as j`.execute(db);
        expect(rows[0]?.j).toEqual(JSON.parse(JSON.stringify(input, bigintsAsTags), revive));
      }),
      { numRuns: 50 },
    );
  });
});

// The oracle: plain JSON with bigints tagged by hand, independent of the codec under test.
function bigintsAsTags(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? { $bigint: value.toString() } : value;
}
function revive(_key: string, value: unknown): unknown {
  const tag = (value as { $bigint?: unknown } | null)?.$bigint;
  return typeof tag === 'string' && Object.keys(value as object).length === 1 ? BigInt(tag) : value;
}

describe('PGlite data directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'settle-data-dir-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates a database in an empty directory and finds its data after reopening', async () => {
    const dataDir = join(root, 'fresh');
    mkdirSync(dataDir);
    const first = await openDatabase({ dataDir });
    await migrate(first);
    await first.db
      .insertInto('sellers')
      .values({ id: 's1', name: 'Shop', country: 'CN' })
      .execute();
    await first.close();

    const second = await openDatabase({ dataDir });
    try {
      expect(await migrate(second)).toEqual([]);
      const sellers = await second.db.selectFrom('sellers').select('id').execute();
      expect(sellers).toEqual([{ id: 's1' }]);
    } finally {
      await second.close();
    }
  });

  it('refuses a directory another PGlite holds, until it is closed', async () => {
    const dataDir = join(root, 'held');
    const first = await openDatabase({ dataDir });
    try {
      const second = openDatabase({ dataDir });
      await expect(second).rejects.toBeInstanceOf(DataDirError);
      await expect(second).rejects.toThrow(`${dataDir} is in use by process ${process.pid}`);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir });
    await again.close();
  });

  it('takes over a lock whose process is gone', async () => {
    const dataDir = join(root, 'stale');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, LOCK_FILE), `${gone.stdout.toString()}\n`);
    const store = await openDatabase({ dataDir });
    try {
      expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    } finally {
      await store.close();
    }
  });

  it('refuses a non-empty directory that holds no cluster, naming it', async () => {
    const dataDir = join(root, 'documents');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'notes.txt'), 'mine');
    const opening = openDatabase({ dataDir });
    await expect(opening).rejects.toBeInstanceOf(DataDirError);
    await expect(opening).rejects.toThrow(`${dataDir} is not a Settle data directory`);
    await expect(opening).rejects.toThrow(/no PG_VERSION.*SETTLE_DATA_DIR/);
  });

  it('refuses a half-initialised cluster', async () => {
    const dataDir = join(root, 'half');
    mkdirSync(join(dataDir, 'base'), { recursive: true });
    writeFileSync(join(dataDir, 'PG_VERSION'), '18\n');
    await expect(openDatabase({ dataDir })).rejects.toThrow(
      `${dataDir} is a half-initialised data directory (PG_VERSION present but missing global/pg_control)`,
    );
  });

  it('refuses a path that is a file', async () => {
    const dataDir = join(root, 'a-file');
    writeFileSync(dataDir, '');
    await expect(openDatabase({ dataDir })).rejects.toThrow(`${dataDir} is not a directory`);
  });

  it('needs a data directory or memory: true', async () => {
    await expect(openDatabase({})).rejects.toThrow(/needs dataDir, or memory: true/);
    await expect(openDatabase({ memory: true, dataDir: root })).rejects.toThrow(/not both/);
  });
});

describe('schema names', () => {
  it('puts the tables and the migration history in the given schema on PGlite', async () => {
    const store = await openDatabase({ memory: true, schema: 'tenant_a' });
    try {
      await migrate(store);
      const { rows } = await sql<{ n: bigint }>`select count(*) as n from information_schema.tables
        where table_schema = 'tenant_a' and table_name in ('disputes', 'kysely_migration')`.execute(
        store.db,
      );
      expect(rows[0]?.n).toBe(2n);
    } finally {
      await store.close();
    }
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openDatabase({ memory: true, schema: 'x; drop table users' })).rejects.toThrow(
      /must match/,
    );
  });
});
