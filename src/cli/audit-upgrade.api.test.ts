// The real CLI on a real data directory: `settle serve` with the demo leaves data that `settle
// audit verify` and `settle ledger check` both accept, and a database written before signed
// checkpoints (no checkpoint rows) fails `audit verify` until `settle audit checkpoint`, or the
// start of `settle runner`, signs its disputes (PGlite on disk, and PostgreSQL).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describePostgres } from '../../test/support/databases.ts';
import { dropSchema, uniqueSchemaName } from '../../test/support/postgres.ts';
import { settleCli, startServe, stopServe } from '../../test/support/serve-process.ts';
import { serviceWorld } from '../../test/support/service-world.ts';
import { money } from '../domain/index.ts';
import { loadConfig } from '../service/config.ts';
import { openStore } from '../service/runtime.ts';
import { migrate } from '../store/migrate.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'settle-upgrade-'));
  dirs.push(dir);
  return dir;
}

/** Disputes as a version without signing wrote them, through the store the CLI will open. */
async function writeLegacyDisputes(env: Record<string, string>): Promise<void> {
  const store = await openStore(loadConfig(env));
  try {
    await migrate(store);
    const w = await serviceWorld(store);
    for (const request of [700, 1_200]) {
      const opened = await w.service.open(w.buyer, {
        disputeId: w.disputeId(),
        orderId: await w.newOrder(),
        reason: 'damaged',
        request: { kind: 'refund', amount: money(request, 'USD') },
        description: 'arrived broken',
      });
      expect(opened.ok).toBe(true);
    }
  } finally {
    await store.close();
  }
}

function upgradeSuite(baseEnv: () => Record<string, string>): void {
  it('fails audit verify with no_checkpoint until `settle audit checkpoint` signs; twice is a no-op', async () => {
    const env = baseEnv();
    await writeLegacyDisputes(env);
    const before = await settleCli(['audit', 'verify'], env);
    expect(before.stdout).toContain('no_checkpoint');
    expect(before.status).toBe(1);
    const backfill = await settleCli(['--json', 'audit', 'checkpoint'], env);
    expect(backfill.status, backfill.stderr).toBe(0);
    expect(JSON.parse(backfill.stdout)).toMatchObject({ ok: true, signed: 2, refusedCount: 0 });
    const after = await settleCli(['audit', 'verify'], env);
    expect(after.status, after.stdout).toBe(0);
    const again = await settleCli(['--json', 'audit', 'checkpoint'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, signed: 0 });
  });

  it('signs the disputes of an upgraded database when `settle runner` starts', async () => {
    const env = baseEnv();
    await writeLegacyDisputes(env);
    expect((await settleCli(['audit', 'verify'], env)).status).toBe(1);
    const runner = await settleCli(['runner', '--once'], env);
    expect(runner.status, runner.stderr).toBe(0);
    expect(runner.stdout).toContain('signed checkpoints of disputes written before signing');
    const after = await settleCli(['audit', 'verify'], env);
    expect(after.status, after.stdout).toBe(0);
  });

  it('signs on start only once: a checkpoint deleted later stays missing across restarts', async () => {
    const env = baseEnv();
    await writeLegacyDisputes(env);
    expect((await settleCli(['runner', '--once'], env)).status).toBe(0);
    // Someone with the database drops a checkpoint, hoping the next start signs what they wrote.
    const store = await openStore(loadConfig(env));
    try {
      const victim = await store.db
        .selectFrom('chain_checkpoints')
        .select('dispute_id')
        .executeTakeFirstOrThrow();
      await store.db
        .deleteFrom('chain_checkpoints')
        .where('dispute_id', '=', victim.dispute_id)
        .execute();
    } finally {
      await store.close();
    }
    const restarted = await settleCli(['runner', '--once'], env);
    expect(restarted.status, restarted.stderr).toBe(0);
    expect(restarted.stdout).not.toContain('written before signing');
    const audit = await settleCli(['audit', 'verify'], env);
    expect(audit.stdout).toContain('no_checkpoint');
    expect(audit.status).toBe(1);
  });
}

describe('upgrading to signed checkpoints [pglite]', () => {
  upgradeSuite(() => {
    const dir = tempDir();
    return { SETTLE_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'info' };
  });

  it('`settle serve` with the demo leaves data that audit verify and ledger check accept', async () => {
    const env = { SETTLE_DATA_DIR: tempDir(), DATABASE_URL: '' };
    const server = await startServe(env);
    try {
      // The demo is seeded before the server listens: it is all there by now.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await stopServe(server, 'SIGTERM');
    }
    expect(server.child.exitCode).toBe(0);
    const audit = await settleCli(['audit', 'verify'], env);
    expect(audit.status, audit.stdout + audit.stderr).toBe(0);
    expect(audit.stdout).toMatch(/signed checkpoints match: [1-9]\d* checkpoints/);
    const ledger = await settleCli(['ledger', 'check'], env);
    expect(ledger.status, ledger.stdout + ledger.stderr).toBe(0);
  });
});

describePostgres('upgrading to signed checkpoints', (url) => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(url, schema);
  });
  upgradeSuite(() => {
    const schema = uniqueSchemaName();
    schemas.push(schema);
    // The key file lives beside no database: a temporary directory of its own.
    return {
      DATABASE_URL: url,
      SETTLE_SCHEMA: schema,
      SETTLE_DATA_DIR: tempDir(),
      LOG_LEVEL: 'info',
    };
  });
});
