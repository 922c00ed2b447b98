// Liveness, readiness and a plain status page (the web console has `/`).
import { disputeCountsByStatus, readiness } from '../../service/status.ts';
import type { RouteGroup } from '../app.ts';

export const healthRoutes: RouteGroup = (app, { runtime }) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const r = await readiness(runtime.store);
    if (!r.ready) return reply.code(503).send({ status: 'unavailable', ...r });
    return { status: 'ready', database: r.database, clock: runtime.clock.kind };
  });

  app.get('/status', { schema: { hide: true } }, async (_request, reply) => {
    const counts = await disputeCountsByStatus(runtime.store);
    const rows = counts.map((c) => `<tr><td>${c.status}</td><td>${c.count}</td></tr>`).join('');
    return reply
      .type('text/html; charset=utf-8')
      .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Settle</title></head>
<body style="font-family: system-ui; max-width: 40rem; margin: 3rem auto">
<h1>Settle</h1><p>Dispute engine running on ${runtime.store.dialect} with the ${runtime.clock.kind} clock.</p>
<table><thead><tr><th>status</th><th>disputes</th></tr></thead><tbody>${rows}</tbody></table>
<p><a href="/">console</a> · <a href="/docs">API docs</a> · <a href="/openapi.json">openapi.json</a> · <a href="/healthz">healthz</a> · <a href="/readyz">readyz</a></p></body></html>`);
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
