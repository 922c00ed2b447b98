// `settle serve`: migrate, seed the demo on an empty database, listen, run the deadline runner,
// and on SIGINT/SIGTERM stop taking requests, let in-flight ones and the runner's batch commit,
// then close the database. A port it cannot listen on stops it with a readable message before
// the runner starts, and closes the database so the data directory is free for the next command.
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../http/app.ts';
import { ROUTE_GROUPS } from '../http/routes/index.ts';
import { type Config, ConfigError } from '../service/config.ts';
import { ensureConsoleBuiltApart } from '../service/console/assets.ts';
import { seedDemo } from '../service/demo.ts';
import { seedDemoUsers } from '../service/demo-users.ts';
import { loadEvidenceConfig } from '../service/evidence/config.ts';
import { openBlobStore } from '../service/evidence/open-blob-store.ts';
import { openRuntime, type Runtime } from '../service/runtime.ts';
import { seedDemoMarketplace } from '../simulation/demo-marketplace.ts';

/** How long after listening the remaining route schemas start compiling. */
const SCHEMA_WARM_DELAY_MS = 1_000;

export async function serve(config: Config): Promise<void> {
  const logger = pino({ level: config.logLevel });
  // Before the database opens: a fresh clone builds the console here (once); a restart on the
  // same sources only hashes them. A console that does not build leaves the API serving. The
  // build runs in a child process so the server does not keep the bundler's memory.
  await ensureConsoleBuiltApart((message) => logger.info(message)).catch((error: unknown) =>
    logger.error({ err: error }, 'the web console did not build; serving the API only'),
  );
  const runtime = await openRuntime(config, logger);
  if (config.demo) {
    // The simulated marketplace first: its policy version and history predate the demo's.
    if (config.demoSimulation && (await seedDemoMarketplace(runtime)))
      logger.info('demo marketplace simulated');
    // The same blob store the evidence routes open, so the demo's files download.
    const blobs = openBlobStore(loadEvidenceConfig(), config.dataDir);
    if (await seedDemo(runtime, blobs)) logger.info('demo data seeded');
    await seedDemoUsers(runtime);
  }
  const app = await buildApp({ runtime, logger }, ROUTE_GROUPS);
  const address = await listenOrClose(app, runtime, config);
  if (config.runner) await runtime.runner.start();
  runtime.webhooks.start();
  logger.info(
    { address, database: runtime.store.dialect, clock: runtime.clock.kind },
    `Settle listening on ${address}`,
  );
  // Route schemas compile on first use (http/lazy-schemas.ts), so the server answers without
  // waiting for them; the rest compile in the background, one per turn of the event loop, so no
  // route's first caller pays. A second later, to leave the CPU to the first requests, the
  // runner's first pass and the webhook worker's.
  setTimeout(() => {
    void app.warmSchemas().then(
      (compiled) => logger.debug({ compiled }, 'route schemas compiled'),
      (error: unknown) => logger.error({ err: error }, 'a route schema does not compile'),
    );
  }, SCHEMA_WARM_DELAY_MS).unref();

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: finishing in-flight work');
      const force = setTimeout(() => {
        logger.error('shutdown grace period over; exiting');
        process.exit(1);
      }, config.shutdownGraceMs);
      force.unref();
      await app.close();
      await runtime.close();
      logger.info('stopped');
      resolve();
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
}

/** Errors from listen(2) that are the operator's to fix (exit 2), not a crash. */
const LISTEN_ERRORS: Readonly<Record<string, (where: string) => string>> = {
  EADDRINUSE: (where) =>
    `${where} is already in use: stop the process listening there, or choose another port (--port, PORT)`,
  EACCES: (where) => `${where} needs privileges this process lacks: choose a port above 1023`,
  EADDRNOTAVAIL: (where) => `${where} is not an address of this machine (--host, HOST)`,
};

async function listenOrClose(app: FastifyInstance, runtime: Runtime, config: Config) {
  try {
    return await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Whatever went wrong, nothing may keep the process (and the PGlite lock) alive.
    await app.close();
    await runtime.close();
    const explain = LISTEN_ERRORS[(error as NodeJS.ErrnoException).code ?? ''];
    if (explain === undefined) throw error;
    throw new ConfigError(explain(`port ${config.port} on ${config.host}`));
  }
}
