// `settle simulate` refuses bad usage before it simulates anything: a readable message naming the
// flag or file, and exit code 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { main } from './main.ts';

afterEach(() => vi.restoreAllMocks());

it('answers bad sizes, unreadable and invalid policy files with exit code 2 and the reason', async () => {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
  const dir = mkdtempSync(join(tmpdir(), 'settle-simulate-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ negotiationDays: -2 }));
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{ not json');
  expect(await main(['simulate', '--orders', '12x'])).toBe(2);
  expect(await main(['simulate', '--sellers', '0'])).toBe(2);
  expect(await main(['simulate', '--policy', join(dir, 'missing.json')])).toBe(2);
  expect(await main(['simulate', '--policy', bad])).toBe(2);
  expect(await main(['simulate', '--compare', broken])).toBe(2);
  expect(errors).toEqual([
    'settle: --orders must be a whole number from 1 to 5000000, not "12x"',
    'settle: --sellers must be a whole number from 1 to 10000, not "0"',
    `settle: policy ${join(dir, 'missing.json')}: cannot read it (ENOENT)`,
    `settle: policy ${bad}: negotiationDays: must be a number of days, not negative`,
    `settle: policy ${broken}: not valid JSON`,
  ]);
});
