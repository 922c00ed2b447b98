// The virtual clock survives a restart of the process: an admin who moved it 30 days ahead finds
// it there after the store is closed and opened again, and it never starts behind an event
// already stored, so time never runs backwards against the log (PGlite on disk, PostgreSQL).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { describePostgres } from '../../test/support/databases.ts';
import { dropSchema, uniqueSchemaName } from '../../test/support/postgres.ts';
import { serviceWorld } from '../../test/support/service-world.ts';
import { DAY_MS, money } from '../domain/index.ts';
import { migrate } from '../store/migrate.ts';
import { VirtualClock } from './clock.ts';
import { type Config, loadConfig } from './config.ts';
import { openRuntime, openStore } from './runtime.ts';
import { advanceVirtualClock } from './virtual-clock-store.ts';

const logger = pino({ level: 'silent' });
const USD = (minor: number) => money(minor, 'USD');

async function virtualNow(config: Config): Promise<number> {
  const runtime = await openRuntime(config, logger);
  try {
    return await runtime.clock.now();
  } finally {
    await runtime.close();
  }
}

function restartSuite(config: () => Config): void {
  it('resumes where an admin moved it, across a restart', async () => {
    const first = await openRuntime(config(), logger);
    let moved: number;
    try {
      const clock = first.clock;
      if (!(clock instanceof VirtualClock)) throw new Error('expected the virtual clock');
      const started = clock.current();
      moved = await advanceVirtualClock(first.store, clock, 30 * DAY_MS);
      expect(moved).toBe(started + 30 * DAY_MS);
    } finally {
      await first.close();
    }
    expect(await virtualNow(config())).toBe(moved);
    // A second restart does not drift either way.
    expect(await virtualNow(config())).toBe(moved);
  });

  it('never starts behind the latest stored event', async () => {
    // A dispute whose deadline fired a year past the saved virtual time (a system clock, or a
    // lost save): its events lie ahead of anything the clock remembers.
    const store = await openStore(config());
    let latestAt: number;
    try {
      await migrate(store);
      const w = await serviceWorld(store);
      const opened = await w.service.open(w.buyer, {
        disputeId: w.disputeId(),
        orderId: await w.newOrder(),
        reason: 'damaged',
        request: { kind: 'refund', amount: USD(500) },
        description: 'cracked',
      });
      expect(opened.ok).toBe(true);
      w.clock.advance(Date.now() + 400 * DAY_MS - w.clock.current());
      expect(await w.runner.drain()).toBeGreaterThan(0);
      const row = await store.db
        .selectFrom('dispute_events')
        .select((eb) => eb.fn.max('at').as('at'))
        .executeTakeFirstOrThrow();
      latestAt = new Date(row.at as Date).getTime();
      expect(latestAt).toBeGreaterThan(Date.now() + 300 * DAY_MS);
    } finally {
      await store.close();
    }
    expect(await virtualNow(config())).toBeGreaterThanOrEqual(latestAt);
  });
}

describe('virtual clock across restarts [pglite]', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'settle-clock-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  restartSuite(() => ({ ...loadConfig({ SETTLE_DATA_DIR: dataDir }), clock: 'virtual' }));
});

describePostgres('virtual clock across restarts', (url) => {
  const schema = uniqueSchemaName();
  afterAll(() => dropSchema(url, schema));
  restartSuite(() => ({
    ...loadConfig({ DATABASE_URL: url, SETTLE_SCHEMA: schema }),
    clock: 'virtual',
  }));
});
