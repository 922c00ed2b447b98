// Opens everything a process needs, in order, and closes it in reverse: database (migrated),
// clock, service, runner. `settle serve`, `settle runner` and the CLI checks all start here.
import type { Logger } from 'pino';
import { nextDeadline } from '../domain/index.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import type { Store } from '../store/store.ts';
import { type Clock, DatabaseClock, VirtualClock } from './clock.ts';
import type { Config } from './config.ts';
import { DeadlineRunner } from './deadline-runner.ts';
import { DisputeService } from './dispute-service.ts';

export interface Runtime {
  readonly config: Config;
  readonly store: Store;
  readonly clock: Clock;
  readonly service: DisputeService;
  readonly runner: DeadlineRunner;
  close(): Promise<void>;
}

export async function openStore(config: Config): Promise<Store> {
  return openDatabase(
    config.databaseUrl === undefined
      ? { dataDir: config.dataDir }
      : { databaseUrl: config.databaseUrl, schema: config.schema },
  );
}

export async function openRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const store = await openStore(config);
  try {
    const applied = await migrate(store);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  } catch (error) {
    await store.close();
    throw error;
  }
  const clock: Clock =
    config.clock === 'virtual' ? new VirtualClock(Date.now()) : new DatabaseClock(store);
  const runner = new DeadlineRunner(store, clock, {
    batchSize: config.runnerBatch,
    pollMs: config.runnerPollMs,
    logger,
    ...(config.databaseUrl === undefined ? {} : { listenUrl: config.databaseUrl }),
  });
  // In-process hint: a command that leaves a deadline already due wakes this process's runner.
  const service = new DisputeService(store, clock, logger, (written) => {
    const next = nextDeadline(written.dispute);
    if (next !== undefined && next.dueAt <= (written.events.at(-1)?.at ?? 0)) runner.wake();
  });
  return {
    config,
    store,
    clock,
    service,
    runner,
    async close() {
      await runner.stop();
      await store.close();
    },
  };
}
