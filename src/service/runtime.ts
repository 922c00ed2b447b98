// Opens everything a process needs, in order, and closes it in reverse: database (migrated),
// clock, service, runner. `settle serve`, `settle runner` and the CLI checks all start here.
import type { Logger } from 'pino';
import { nextDeadline } from '../domain/index.ts';
import { openDatabase } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import type { Store } from '../store/store.ts';
import { openSigner } from './audit/audit-keys.ts';
import { backfillCheckpoints } from './audit/backfill-checkpoints.ts';
import type { CheckpointSigner } from './audit/checkpoint.ts';
import { firstSigningDone, markFirstSigningDone } from './audit/first-signing.ts';
import { ChargebackService } from './chargebacks.ts';
import { type Clock, DatabaseClock, SystemClock } from './clock.ts';
import { type Config, loadConfig } from './config.ts';
import { DeadlineRunner } from './deadline-runner.ts';
import { DisputeService } from './dispute-service.ts';
import { Marketplace } from './marketplace.ts';
import { openVirtualClock } from './virtual-clock-store.ts';
import { WebhookWorker } from './webhooks/worker.ts';

export interface Runtime {
  readonly config: Config;
  readonly store: Store;
  /** The dispute clock: the database's, or a virtual one an admin moves (demos, tests). */
  readonly clock: Clock;
  /**
   * Real time, whatever the dispute clock says: sessions and API key use are people's time, so
   * moving a virtual clock 30 days ahead must not sign everyone out.
   */
  readonly realClock: Clock;
  readonly service: DisputeService;
  readonly chargebacks: ChargebackService;
  readonly runner: DeadlineRunner;
  readonly marketplace: Marketplace;
  readonly webhooks: WebhookWorker;
  /** Signs audit checkpoints (openRuntime always brings one). */
  readonly signer?: CheckpointSigner;
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
  const realClock = new DatabaseClock(store);
  let clock: Clock = realClock;
  try {
    const applied = await migrate(store);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    // A virtual clock resumes where it was left (service/virtual-clock-store.ts).
    if (config.clock === 'virtual') clock = await openVirtualClock(store, Date.now());
  } catch (error) {
    await store.close();
    throw error;
  }
  let signer: CheckpointSigner;
  try {
    signer = openSigner(
      config.auditKeyFile,
      config.auditPublicKeysDefault ? config.auditPublicKeys : undefined,
    );
    // Disputes written before this version signed anything get their first checkpoint now,
    // once: afterwards a missing checkpoint is evidence, not an upgrade (first-signing.ts).
    if (!firstSigningDone(config.auditKeyFile)) {
      await backfillOnStart(store, clock, signer, logger);
      markFirstSigningDone(config.auditKeyFile, await clock.now());
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const runtime = runtimeFor(store, clock, logger, config, signer, realClock);
  return {
    ...runtime,
    async close() {
      await runtime.close();
      await store.close();
    },
  };
}

/**
 * Trust on first signing (docs/audit.md): signs the heads of disputes that have none and whose
 * chain verifies. A broken chain is logged and left unsigned; it does not stop the start.
 */
async function backfillOnStart(
  store: Store,
  clock: Clock,
  signer: CheckpointSigner,
  logger: Logger,
): Promise<void> {
  const report = await backfillCheckpoints(store.db, signer, { now: await clock.now(), logger });
  if (report.signed > 0)
    logger.info({ signed: report.signed }, 'signed checkpoints of disputes written before signing');
  if (report.refusedCount > 0)
    logger.error(
      { refused: report.refusedCount },
      'disputes with a broken chain left unsigned: see `settle audit verify` (docs/audit.md)',
    );
}

/**
 * A runtime on a store someone else opened (and will close): tests and tools that bring their
 * own database and clock. close() stops the runner but leaves the store open. Without a
 * signer, writes keep no signed checkpoints (openRuntime always brings one).
 */
export function runtimeFor(
  store: Store,
  clock: Clock,
  logger: Logger,
  config: Config = loadConfig({}),
  signer?: CheckpointSigner,
  realClock: Clock = new SystemClock(),
): Runtime {
  const runner = new DeadlineRunner(store, clock, {
    ...(signer === undefined ? {} : { signer }),
    batchSize: config.runnerBatch,
    pollMs: config.runnerPollMs,
    eventsRetentionDays: config.eventsRetentionDays,
    logger,
    ...(config.databaseUrl === undefined ? {} : { listenUrl: config.databaseUrl }),
  });
  const webhooks = new WebhookWorker(store, clock, {
    logger,
    allowPrivateTargets: config.webhookAllowPrivate,
  });
  // In-process hints: a command that leaves a deadline already due wakes this process's runner,
  // and every write wakes the webhook worker so events leave now, not at its next poll.
  const service = new DisputeService(
    store,
    clock,
    logger,
    (written) => {
      const next = nextDeadline(written.dispute);
      if (next !== undefined && next.dueAt <= (written.events.at(-1)?.at ?? 0)) runner.wake();
      webhooks.wake();
    },
    signer,
  );
  return {
    config,
    store,
    clock,
    realClock,
    service,
    chargebacks: new ChargebackService(store, clock, service, logger, () => webhooks.wake()),
    runner,
    marketplace: new Marketplace(store.db, service),
    webhooks,
    ...(signer === undefined ? {} : { signer }),
    async close() {
      await runner.stop();
      await webhooks.stop();
    },
  };
}

/** A throwaway runtime on an in-memory PGlite (tools such as the OpenAPI generator). */
export async function openMemoryRuntime(logger: Logger, clock: Clock): Promise<Runtime> {
  const store = await openDatabase({ memory: true });
  await migrate(store);
  const runtime = runtimeFor(store, clock, logger, { ...loadConfig({}), demo: false });
  return {
    ...runtime,
    async close() {
      await runtime.close();
      await store.close();
    },
  };
}
