// `settle serve`: migrate, seed the demo on an empty database, listen, run the deadline runner,
// and on SIGINT/SIGTERM stop taking requests, let in-flight ones and the runner's batch commit,
// then close the database.
import { pino } from 'pino';
import { buildApp } from '../http/app.ts';
import { ROUTE_GROUPS } from '../http/routes/index.ts';
import type { Config } from '../service/config.ts';
import { seedDemo } from '../service/demo.ts';
import { seedDemoUsers } from '../service/demo-users.ts';
import { openRuntime } from '../service/runtime.ts';

export async function serve(config: Config): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const runtime = await openRuntime(config, logger);
  if (config.demo) {
    if (await seedDemo(runtime)) logger.info('demo data seeded');
    await seedDemoUsers(runtime);
  }
  const app = await buildApp({ runtime, logger }, ROUTE_GROUPS);
  if (config.runner) await runtime.runner.start();
  runtime.webhooks.start();
  const address = await app.listen({ port: config.port, host: config.host });
  logger.info(
    { address, database: runtime.store.dialect, clock: runtime.clock.kind },
    `Settle listening on ${address}`,
  );

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
