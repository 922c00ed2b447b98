// buildApp(deps) builds the Fastify app without listening, so tests drive it with inject().
// Until the public API lands, it serves health, readiness and a status page.
import Fastify from 'fastify';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Runtime } from '../service/runtime.ts';
import { migrationStatus } from '../store/migrate.ts';

export interface AppDeps {
  readonly runtime: Runtime;
  readonly logger: Logger;
}

export const BODY_BYTES_MAX = 1_048_576;

export async function buildApp({ runtime, logger }: AppDeps) {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: BODY_BYTES_MAX,
    disableRequestLogging: true,
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(runtime.store.db);
      const pending = (await migrationStatus(runtime.store)).filter((m) => m.executedAt === null);
      if (pending.length > 0)
        return reply.code(503).send({ status: 'migrating', pending: pending.map((m) => m.name) });
      return { status: 'ready', database: runtime.store.dialect, clock: runtime.clock.kind };
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  app.get('/', async (_request, reply) => {
    const counts = await runtime.store.db
      .selectFrom('disputes')
      .select(['status', runtime.store.db.fn.countAll<string>().as('n')])
      .groupBy('status')
      .execute();
    const rows = counts.map((c) => `<tr><td>${c.status}</td><td>${c.n}</td></tr>`).join('');
    return reply
      .type('text/html; charset=utf-8')
      .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Settle</title></head>
<body style="font-family: system-ui; max-width: 40rem; margin: 3rem auto">
<h1>Settle</h1><p>Dispute engine running on ${runtime.store.dialect} with the ${runtime.clock.kind} clock.</p>
<table><thead><tr><th>status</th><th>disputes</th></tr></thead><tbody>${rows}</tbody></table>
<p><a href="/healthz">healthz</a> · <a href="/readyz">readyz</a></p></body></html>`);
  });

  return app;
}
