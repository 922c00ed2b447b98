// Route schemas compile on first use, so `settle serve` answers its first request without
// compiling every validator and serializer first (docs/benchmarks.md, start-up). What that must
// not cost: bad input is still refused with the schema's 400, a response is still shaped by its
// schema, and a schema that does not compile is still caught, by warmSchemas(), which compiles
// every schema of the whole app.
import { Type } from 'typebox';
import { afterEach, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import type { RouteGroup } from './app.ts';
import { ROUTE_GROUPS } from './routes/index.ts';

const Amount = Type.Object(
  { minor: Type.String({ pattern: '^[0-9]+$' }) },
  { additionalProperties: false },
);

/** One route with a body and a response schema; the handler returns a field the schema lacks. */
const echo: RouteGroup = (app) => {
  app.post(
    '/test/echo',
    { schema: { body: Amount, response: { 200: Amount } } },
    async (request) => ({ minor: request.body.minor, internal: 'not in the response schema' }),
  );
};

/** A response schema fast-json-stringify cannot compile: a reference to nothing. */
const broken: RouteGroup = (app) => {
  app.get(
    '/test/broken',
    { schema: { response: { 200: Type.Ref('NoSuchSchema') } } },
    async () => ({}),
  );
};

describeEachDatabase('route schemas compiled on first use', (getStore) => {
  let w: ApiWorld | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('validates and serializes as the schema says, compiling on the first request', async () => {
    w = await apiWorld(getStore, { groups: [echo] });
    await w.app.ready();
    const buyer = await w.as('buyer');

    const bad = await w.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: buyer,
      payload: { minor: 100 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'request.invalid',
      detail: 'body.minor must be string',
    });

    const unknown = await w.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: buyer,
      payload: { minor: '100', extra: true },
    });
    expect(unknown.statusCode).toBe(400);

    const ok = await w.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: buyer,
      payload: { minor: '100' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ minor: '100' });
  });

  it('defers a schema that does not compile to warmSchemas, which names its route', async () => {
    w = await apiWorld(getStore, { groups: [broken] });
    await w.app.ready();
    expect((await w.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await expect(w.app.warmSchemas()).rejects.toThrow(
      /the schema of GET \/test\/broken response 200 does not compile/,
    );
  });

  it('compiles every schema of the real routes in warmSchemas, as settle serve does after listening', async () => {
    w = await apiWorld(getStore, { groups: ROUTE_GROUPS });
    await w.app.ready();
    // Nothing was compiled to get ready: every route's schemas are still waiting.
    const compiled = await w.app.warmSchemas();
    expect(compiled).toBeGreaterThan(50);
    expect(await w.app.warmSchemas()).toBe(0);
  });
});
