// A multi-row statement binds one parameter per column per row, and PostgreSQL's protocol caps a
// statement at 65,535 parameters. Batched writes split their rows into statements that stay well
// under it (and under the point where one huge statement plans slower than two).

/** Parameters one batched statement binds at most. */
export const PARAMETERS_PER_STATEMENT_MAX = 20_000;

/** `rows` in consecutive groups, each small enough for one statement of `columns` per row. */
export function chunksFor<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT_MAX / columns));
  const groups: T[][] = [];
  for (let start = 0; start < rows.length; start += size)
    groups.push(rows.slice(start, start + size));
  return groups;
}
