// The router lets ids up to 2,000 characters through to schema validation, so an id over its
// length limit gets the schema's own 400 naming the parameter, not the router's bad-URL answer;
// and the app sets it where Fastify 5 wants it, so no start logs a deprecation warning.
import { afterEach, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';

describeEachDatabase('router options', (getStore) => {
  let w: ApiWorld | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('answers a long id with the schema 400 and builds the app without a deprecation warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error & { code?: string }) =>
      warnings.push(warning.code ?? warning.message);
    process.on('warning', onWarning);
    try {
      w = await apiWorld(getStore);
      await w.app.ready();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((code) => code.startsWith('FSTDEP'))).toEqual([]);

    const buyer = await w.as('buyer');
    const res = await w.app.inject({
      method: 'GET',
      url: `/v1/disputes/${'x'.repeat(400)}`,
      headers: buyer,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.invalid' });
    expect(res.json().detail).toMatch(/^params\.disputeId /);
  });
});
