import { type RawBuilder, sql } from 'kysely';

// Many rows in one statement with one parameter per column: `unnest($1::text[], $2::int[], …)`.
// Against a multi-row VALUES list this binds a handful of parameters instead of rows × columns
// (no protocol limit to split around), and PostgreSQL parses and plans a fixed-size statement:
// measured on the event log, a quarter less database time and a fifth less Node time per row.

/** One column: its name, its PostgreSQL element type, and how to read it from a row. */
export type Column<T> = readonly [name: string, type: string, get: (row: T) => unknown];

/** `unnest(…) as rows (…)`: the rows as a table, to select from or join in an update. */
export function unnestRows<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
): RawBuilder<unknown> {
  const names = columns.map(([name]) => sql.id(name));
  return sql`unnest(${sql.join(arrays(rows, columns))}) as rows (${sql.join(names)})`;
}

/**
 * `insert into table (columns) select columns from unnest(…)`, in the rows' order (so a serial
 * id follows it, as it would with VALUES).
 */
export function insertRows<T>(
  table: string,
  rows: readonly T[],
  columns: readonly Column<T>[],
): RawBuilder<unknown> {
  const names = sql.join(columns.map(([name]) => sql.id(name)));
  return sql`insert into ${sql.id(table)} (${names}) select ${names}
    from unnest(${sql.join(arrays(rows, columns))}) with ordinality as rows (${names}, row_order)
    order by row_order`;
}

function arrays<T>(rows: readonly T[], columns: readonly Column<T>[]): RawBuilder<unknown>[] {
  return columns.map(([, type, get]) => sql`cast(${rows.map(get)} as ${sql.raw(type)}[])`);
}
