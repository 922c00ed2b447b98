// buildApp(deps) builds the Fastify app without listening, so tests drive it with inject().
// Route groups live one per file under routes/; this file wires the shared parts: schemas and
// OpenAPI, problem+json errors, authentication, idempotency, rate and body limits.

import type { IncomingMessage, ServerResponse } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  LogController,
  type RawServerDefault,
} from 'fastify';
import type { Logger } from 'pino';
import type { Runtime } from '../service/runtime.ts';
import { registerAuth } from './auth.ts';
import { ANONYMOUS } from './caller.ts';
import { registerErrors } from './errors.ts';
import { registerIdempotency } from './idempotency.ts';
import { useBoundedJson } from './json-depth.ts';
import { LazySchemas } from './lazy-schemas.ts';
import { documentRoute, SECURITY_SCHEMES } from './openapi-routes.ts';
import { EVENT_SCHEMAS, WEBHOOKS } from './openapi-webhooks.ts';
import { problem } from './problem.ts';
import { registerRateLimit } from './rate-limit.ts';
import { registerRefusedBodyDrain } from './refused-body.ts';
import { consoleRoutes } from './routes/console.ts';
import { healthRoutes } from './routes/health.ts';
import { ProblemSchema } from './schemas/common.ts';
import { SHARED_SCHEMAS } from './schemas/dispute-view.ts';
import { registerServerClockHeader } from './server-clock.ts';
import { useValidators } from './validators.ts';

export interface AppDeps {
  readonly runtime: Runtime;
  readonly logger: Logger;
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Every route group registers itself through this signature. */
declare module 'fastify' {
  interface FastifyInstance {
    routeList: readonly string[];
    /** Compiles the route schemas no request has used yet (lazy-schemas.ts); how many. */
    warmSchemas(): Promise<number>;
  }
}

export type RouteGroup = (app: App, deps: AppDeps) => void | Promise<void>;

export const BODY_BYTES_MAX = 1_048_576;
export const API_VERSION = '0.1.0';

export async function buildApp(deps: AppDeps, groups: readonly RouteGroup[] = []): Promise<App> {
  const schemas = new LazySchemas();
  const app = Fastify({
    loggerInstance: deps.logger,
    // One access line per request (the onResponse hook below) instead of Fastify's two
    // ("incoming request" and "request completed"): under load the log writes were a tenth of
    // the server's CPU on a cached dispute view (docs/benchmarks.md, profile).
    logController: new LogController({ disableRequestLogging: true }),
    schemaController: { compilersFactory: { buildSerializer: schemas.serializerFactory() } },
    bodyLimit: BODY_BYTES_MAX,
    // Long ids must reach schema validation (a 400 problem), not the router's bare 414. Under
    // routerOptions: the top-level option logs a deprecation warning (FSTDEP022) on every start.
    routerOptions: { maxParamLength: 2_000 },
    frameworkErrors: (error, _request, reply) => {
      // A URL the router cannot decode: still a problem+json, never Fastify's bare JSON.
      const body = JSON.stringify(problem(400, 'request.bad_url', error.message));
      void reply
        .code(400 as never)
        .header('content-type', 'application/problem+json')
        .send(body as never);
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  // Every route registered, for the authorization matrix check ("no route left out").
  const routes: string[] = [];
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      { req: request, res: reply, responseTime: reply.elapsedTime },
      'request completed',
    );
    done();
  });
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat())
      if (method !== 'HEAD') routes.push(`${method} ${r.url}`);
  });
  app.decorate('routeList', routes);
  app.decorateRequest('caller', { getter: () => ANONYMOUS, setter: () => undefined });
  registerErrors(app);
  useBoundedJson(app);
  registerRefusedBodyDrain(app);
  useValidators(app, schemas);
  app.decorate('warmSchemas', () => schemas.warm());
  app.addSchema({ ...ProblemSchema, $id: 'Problem' });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  await app.register(swagger, {
    // Shared schemas keep their $id as the component name (DisputeView, Problem...).
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Settle API',
        version: API_VERSION,
        description:
          'After-sales dispute resolution: disputes, offers, evidence, arbitration, returns and the escrow ledger. Errors are RFC 9457 problem+json with stable codes.',
      },
      components: { securitySchemes: SECURITY_SCHEMES, schemas: EVENT_SCHEMAS as never },
      webhooks: WEBHOOKS as never,
    },
    transform: documentRoute,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await registerAuth(app, deps);
  await registerRateLimit(app, deps);
  registerIdempotency(app, deps);
  registerServerClockHeader(app, deps);
  for (const group of [healthRoutes, consoleRoutes, ...groups]) await group(app, deps);
  return app;
}
