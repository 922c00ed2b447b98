// `settle runner`: a process that only fires deadlines. Start any number on PostgreSQL.
import { pino } from 'pino';
import type { Config } from '../service/config.ts';
import { openRuntime } from '../service/runtime.ts';

export async function runnerCommand(config: Config, options: { once: boolean }): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const runtime = await openRuntime(config, logger);
  if (options.once) {
    const fired = await runtime.runner.drain();
    logger.info({ fired }, 'deadlines fired');
    await runtime.close();
    return;
  }
  await runtime.runner.start();
  logger.info({ database: runtime.store.dialect }, 'deadline runner started');
  await new Promise<void>((resolve) => {
    const stop = async () => {
      await runtime.close();
      logger.info({ fired: runtime.runner.fired }, 'deadline runner stopped');
      resolve();
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });
}
