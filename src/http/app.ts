// buildApp(deps) builds the Fastify app without listening, so tests drive it with inject().
// Until the public API lands, it serves health, readiness and a status page.
import Fastify from 'fastify';
import type { Logger } from 'pino';
import type { Runtime } from '../service/runtime.ts';
import { disputeCountsByStatus, readiness } from '../service/status.ts';

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
    const r = await readiness(runtime.store);
    if (!r.ready) return reply.code(503).send({ status: 'unavailable', ...r });
    return { status: 'ready', database: r.database, clock: runtime.clock.kind };
  });

  app.get('/', async (_request, reply) => {
    const counts = await disputeCountsByStatus(runtime.store);
    const rows = counts.map((c) => `<tr><td>${c.status}</td><td>${c.count}</td></tr>`).join('');
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
