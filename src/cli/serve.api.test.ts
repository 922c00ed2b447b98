// `settle serve` as an operator runs it (`npm start`'s own command line, on plain Node with no
// transpiler): a fresh data directory, demo data, the API answering with its routes, a second
// process on its data directory refused, and SIGTERM stopping it cleanly (exit code 0) after
// in-flight work.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'settle-serve-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** `npm start` must be Node itself running the source: no tsx, no build step. */
function startScriptArgs(): string[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...args] = (pkg.scripts.start ?? '').split(/\s+/);
  expect(command).toBe('node');
  return args;
}

function start(): Promise<{ url: string; output: () => string }> {
  child = spawn(process.execPath, [...startScriptArgs(), '--port', '0'], {
    env: { ...process.env, SETTLE_DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Settle listening on (http:\/\/[^"\s]+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ url: match[1], output: () => output });
      }
    };
    child?.stdout?.on('data', onData);
    child?.stderr?.on('data', onData);
    child?.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

it('serves the API with demo data and stops cleanly on SIGTERM', async () => {
  const { url, output } = await start();
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
  const signIn = await fetch(`${url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'arbitrator@settle.example', password: 'demo-password' }),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  const queue = await fetch(`${url}/v1/arbitration/queue`, { headers: { cookie } });
  expect(queue.status).toBe(200);
  expect(((await queue.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  expect((await fetch(`${url}/v1/disputes`)).status).toBe(401);
  // Beside the five scenarios, the simulated marketplace's disputes: last season, all settled,
  // opened before the demo's; the demo's own stay where they were parked.
  const all = await fetch(`${url}/v1/disputes?limit=100`, { headers: { cookie } });
  const items = (
    (await all.json()) as { items: { id: string; status: string; openedAt: string }[] }
  ).items;
  const simulated = items.filter((d) => d.id.startsWith('sim-dispute-'));
  const demo = items.filter((d) => d.id.startsWith('demo-dispute-'));
  expect(simulated.length).toBeGreaterThan(0);
  expect(simulated.every((d) => d.status === 'resolved' || d.status === 'cancelled')).toBe(true);
  expect(demo.some((d) => d.status !== 'resolved')).toBe(true);
  const lastSimulated = Math.max(...simulated.map((d) => Date.parse(d.openedAt)));
  expect(demo.every((d) => Date.parse(d.openedAt) > lastSimulated)).toBe(true);

  // A second process on the same PGlite directory would corrupt it: it is refused, readably.
  const check = spawnSync(process.execPath, ['src/cli/main.ts', 'ledger', 'check'], {
    env: { ...process.env, SETTLE_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  expect(check.status).toBe(2);
  expect(check.stderr).toContain(`is in use by process ${child?.pid}`);

  const exited = new Promise<number | null>((resolve) =>
    child?.on('exit', (code) => resolve(code)),
  );
  child?.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(output()).toContain('stopped');
}, 120_000);
