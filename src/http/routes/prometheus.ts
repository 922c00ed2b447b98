// GET /metrics in Prometheus text format: request counts and latencies per route, disputes by
// status, deadlines fired by this process, outbox backlog, and Node's process metrics.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { disputeCountsByStatus, outboxPending } from '../../service/status.ts';
import type { RouteGroup } from '../app.ts';

export const prometheusRoutes: RouteGroup = (app, { runtime }) => {
  // One registry per app: tests build many apps in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'settle_http_requests_total',
    help: 'HTTP requests',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'settle_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: 'settle_disputes',
    help: 'Disputes by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const c of await disputeCountsByStatus(runtime.store))
        this.set({ status: c.status }, c.count);
    },
  });
  new Gauge({
    name: 'settle_deadlines_fired',
    help: 'Deadlines fired by this process since start',
    registers: [registry],
    collect() {
      this.set(runtime.runner.fired);
    },
  });
  new Gauge({
    name: 'settle_outbox_pending',
    help: 'Outbox messages not yet delivered',
    registers: [registry],
    async collect() {
      this.set(await outboxPending(runtime.store));
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unknown';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1_000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
};
