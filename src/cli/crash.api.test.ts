// Goal: an acknowledged or committed write is never lost nor done twice across a kill -9. The
// real `settle serve` (PGlite, then PostgreSQL) takes keyed writes, is SIGKILLed at a random
// moment, restarts, and every request is retried with its key: each retry answers 200 (the
// stored outcome, or a fresh run when the first attempt never committed), every message is
// stored exactly once, and `settle ledger check` passes. SETTLE_CRASH_CYCLES sets the kills per
// database (default 3; a soak can run 100).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import {
  postgresProbe,
  postgresRequired,
  postgresUrl,
  withRawPg,
} from '../../test/support/postgres.ts';

const CYCLES = Number(process.env.SETTLE_CRASH_CYCLES ?? 3);
const WRITES_PER_CYCLE = 16;
const DISPUTE = 'demo-dispute-1';
const BUYER = { email: 'demo-buyer-us@example.com', password: 'demo-password' };

interface Server {
  readonly url: string;
  readonly child: ChildProcess;
}

function start(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--port', '0'], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
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
        resolve({ url: match[1], child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

function stop(server: Server, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill(signal);
  });
}

interface Keyed {
  readonly key: string;
  readonly messageId: string;
}

async function crashAndRetry(env: Record<string, string>): Promise<void> {
  let server = await start(env);
  const signIn = await fetch(`${server.url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BUYER),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const send = (url: string, w: Keyed) =>
    fetch(`${url}/v1/disputes/${DISPUTE}/messages`, {
      method: 'POST',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        'content-type': 'application/json',
        'idempotency-key': w.key,
      },
      body: JSON.stringify({ messageId: w.messageId, body: `crash test ${w.messageId}` }),
    });

  const sent: Keyed[] = [];
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const batch = Array.from({ length: WRITES_PER_CYCLE }, () => ({
      key: randomUUID(),
      messageId: randomUUID(),
    }));
    sent.push(...batch);
    const url = server.url;
    const answers = batch.map((w) => send(url, w).catch(() => undefined));
    // Somewhere between before the first commit and after the last.
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 400)));
    await stop(server, 'SIGKILL');
    const acknowledged = (await Promise.all(answers)).filter((a) => a?.status === 200).length;
    server = await start(env);
    // Every request ever sent, retried with its key: the original 200 or a fresh 200.
    for (const w of sent) {
      const retry = await send(server.url, w);
      expect(retry.status, `${await retry.text()} (cycle ${cycle}, ${acknowledged} acked)`).toBe(
        200,
      );
    }
  }

  const view = await fetch(`${server.url}/v1/disputes/${DISPUTE}`, {
    headers: { cookie },
  });
  const messages = ((await view.json()) as { messages: { body: string }[] }).messages;
  for (const w of sent)
    expect(messages.filter((m) => m.body === `crash test ${w.messageId}`)).toHaveLength(1);
  await stop(server, 'SIGTERM');

  const check = spawnSync(process.execPath, ['src/cli/main.ts', 'ledger', 'check'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(check.status, check.stderr + check.stdout).toBe(0);
}

it('PGlite: every keyed write retried after kill -9 answers its outcome, done once', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'settle-crash-'));
  try {
    await crashAndRetry({ SETTLE_DATA_DIR: dataDir, DATABASE_URL: '' });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 600_000);

it.skipIf(!postgresProbe.reachable && !postgresRequired)(
  'PostgreSQL: every keyed write retried after kill -9 answers its outcome, done once',
  async () => {
    const database = `settle_crash_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await withRawPg(postgresUrl, (c) =>
      c.query(`create database ${pg.escapeIdentifier(database)}`),
    );
    const url = new URL(postgresUrl);
    url.pathname = `/${database}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'settle-crash-pg-'));
    try {
      await crashAndRetry({ DATABASE_URL: url.toString(), SETTLE_DATA_DIR: dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await withRawPg(postgresUrl, (c) =>
        c.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`),
      );
    }
  },
  600_000,
);
