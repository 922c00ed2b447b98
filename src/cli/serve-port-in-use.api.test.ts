// `settle serve` on a port another process already listens on stops at once with exit code 2
// and a message saying so, and lets go of the PGlite data directory so the next CLI command runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOCK_FILE } from '../store/data-dir-lock.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'settle-serve-busy-'));
let squatter: Server;
let port = 0;

beforeAll(async () => {
  squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
  const address = squatter.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  port = address.port;
});

afterAll(async () => {
  await new Promise((resolve) => squatter.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

function serveOn(busyPort: number): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['src/cli/main.ts', 'serve', '--port', String(busyPort), '--no-demo'],
    {
      env: { ...process.env, SETTLE_DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve) => {
    // The old code kept running: the test then fails on this timer rather than hanging.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, output });
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

it('exits with code 2 and a readable message when the port is in use, releasing the data directory', async () => {
  const { code, output } = await serveOn(port);
  expect(code).toBe(2);
  expect(output).toContain(`port ${port} on 127.0.0.1 is already in use`);
  expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

  const check = spawnSync(process.execPath, ['src/cli/main.ts', 'ledger', 'check'], {
    env: { ...process.env, SETTLE_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  expect(check.stderr).not.toContain('is in use by process');
  expect(check.status).toBe(0);
}, 120_000);
