// Rate limits per caller (session user or API key; the IP for anonymous callers), answered as
// a 429 problem with Retry-After. Health and metrics endpoints are exempt.
import rateLimit from '@fastify/rate-limit';
import type { App, AppDeps } from './app.ts';
import { callerKey } from './caller.ts';

export async function registerRateLimit(app: App, { runtime }: AppDeps): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: runtime.config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) =>
      request.caller.kind === 'anonymous' ? `ip:${request.ip}` : callerKey(request.caller),
    allowList: (request) =>
      request.url === '/healthz' || request.url === '/readyz' || request.url === '/metrics',
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'rate_limited',
      message: `too many requests: at most ${context.max} a minute; retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
}
