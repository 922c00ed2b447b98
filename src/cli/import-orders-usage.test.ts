// Goal: `settle import orders` refuses a file it cannot use before touching a database: a
// readable sentence on stderr and exit code 2 for a missing file, a name that says no format,
// a --format it does not know, and a --rejects file it cannot write.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';

describe('settle import orders: usage errors', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'settle-import-usage-'));
    await writeFile(join(dir, 'orders.txt'), 'order_id\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(...args: string[]) {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const code = await main(['import', 'orders', ...args]);
      return { code, err: err.mock.calls.map((c) => String(c[0])).join('\n') };
    } finally {
      err.mockRestore();
    }
  }

  it('a missing file', async () => {
    const missing = join(dir, 'nope.csv');
    expect(await run(missing)).toEqual({ code: 2, err: `settle: no such file: ${missing}` });
  });

  it('a file whose name says no format', async () => {
    const { code, err } = await run(join(dir, 'orders.txt'));
    expect(code).toBe(2);
    expect(err).toMatch(/cannot tell the format of .*orders\.txt from its name: give --format/);
  });

  it('a --rejects file that cannot be written', async () => {
    const { code, err } = await run(join(dir, 'orders.txt'), '--format', 'csv', '--rejects', dir);
    expect(code).toBe(2);
    expect(err).toMatch(/^settle: cannot write .*: EISDIR/);
  });

  it('an unknown --format', async () => {
    expect(await run(join(dir, 'orders.txt'), '--format', 'xml')).toEqual({
      code: 2,
      err: 'settle: --format must be csv or jsonl, got "xml"',
    });
  });
});
