// Goal: rows written through unnest come back exactly as given, in order, whatever the text
// holds (quotes, backslashes, braces, commas, "NULL", emoji, empty strings, nulls) and whatever
// the JSON holds, on both engines; text a separator could corrupt is refused before any write.
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { encodeJson } from './json-codec.ts';
import { type Column, insertRows, unnestRows } from './unnest.ts';

interface Probe {
  t: string | null;
  n: number;
  j: unknown;
  at: Date;
}

const COLUMNS: readonly Column<Probe>[] = [
  ['t', 'text', (r) => r.t],
  ['n', 'int', (r) => r.n],
  ['j', 'jsonb', (r) => encodeJson(r.j)],
  ['at', 'timestamptz', (r) => r.at],
];

const AT = new Date(Date.UTC(2026, 10, 26, 12));
const TRICKY = [
  '',
  'plain',
  'say "hi"',
  'back\\slash',
  '{a,b}',
  'NULL',
  ' spaced ',
  '中文 🧾',
  null,
];

describeEachDatabase('unnest rows', (getStore) => {
  beforeAll(async () => {
    await sql`create table unnest_probe (id serial primary key, t text, n int not null,
      j jsonb not null, at timestamptz not null)`.execute(getStore().db);
  });

  it('inserts every row exactly and in order', async () => {
    const { db } = getStore();
    const rows: Probe[] = TRICKY.map((t, n) => ({
      t,
      n,
      j: { t, nested: ['"quoted"', '\u001e inside a JSON string', 2n ** 70n] },
      at: new Date(AT.getTime() + n),
    }));
    await insertRows('unnest_probe', rows, COLUMNS).execute(db);
    const back = await sql<{
      t: string | null;
      n: number;
      j: unknown;
      at: Date;
    }>`select t, n, j, at from unnest_probe order by id`.execute(db);
    expect(back.rows).toEqual(rows);
  });

  it('keeps a lone empty string a row', async () => {
    const { db } = getStore();
    await sql`delete from unnest_probe`.execute(db);
    await insertRows('unnest_probe', [{ t: '', n: 1, j: {}, at: AT }], COLUMNS).execute(db);
    const back = await sql<{ t: string | null }>`select t from unnest_probe`.execute(db);
    expect(back.rows).toEqual([{ t: '' }]);
  });

  it('joins rows into an update', async () => {
    const { db } = getStore();
    await sql`delete from unnest_probe`.execute(db);
    await insertRows(
      'unnest_probe',
      [1, 2, 3].map((n) => ({ t: `old ${n}`, n, j: {}, at: AT })),
      COLUMNS,
    ).execute(db);
    const changes = [3, 1].map((n) => ({ t: `new "${n}"`, n, j: { n }, at: AT }));
    await sql`update unnest_probe set t = rows.t, j = rows.j from ${unnestRows(changes, COLUMNS)}
      where unnest_probe.n = rows.n`.execute(db);
    const back = await sql<{ t: string; j: unknown }>`select t, j from unnest_probe
      order by n`.execute(db);
    expect(back.rows).toEqual([
      { t: 'new "1"', j: { n: 1 } },
      { t: 'old 2', j: {} },
      { t: 'new "3"', j: { n: 3 } },
    ]);
  });

  it('refuses text holding the separator, writing nothing', async () => {
    const { db } = getStore();
    await sql`delete from unnest_probe`.execute(db);
    const bad = [{ t: 'a\u001eb', n: 1, j: {}, at: AT }];
    expect(() => insertRows('unnest_probe', bad, COLUMNS)).toThrow(/U\+001E/);
    const lone = [{ t: '\u001f', n: 1, j: {}, at: AT }];
    expect(() => insertRows('unnest_probe', lone, COLUMNS)).toThrow(/U\+001F/);
    const count = await sql<{ n: bigint }>`select count(*) as n from unnest_probe`.execute(db);
    expect(count.rows[0]?.n).toBe(0n);
  });
});
