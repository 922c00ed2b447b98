// The OpenAPI document is generated from the route schemas and committed; so are the typed
// client's types. Both must equal what the code generates now (run `npm run openapi`), and the
// typed client must work against the real app.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { feedOrder } from '../../test/support/http-client.ts';
import { injectFetch } from '../../test/support/inject-fetch.ts';
import { createSettleClient } from '../client/index.ts';
import { generateClientTypes, generateOpenApi } from './openapi-document.ts';

describe('the committed API contract', () => {
  // Generated once for both tests: each generation opens a database and builds the whole app.
  let generated: Promise<string> | undefined;
  const openApi = () => {
    generated ??= generateOpenApi();
    return generated;
  };

  it('docs/openapi.json and src/client/schema.generated.ts are up to date (npm run openapi)', async () => {
    const document = await openApi();
    expect(document).toBe(
      readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'),
    );
    expect(await generateClientTypes(document)).toBe(
      readFileSync(new URL('../client/schema.generated.ts', import.meta.url), 'utf8'),
    );
  });

  it('documents every route with a problem+json error and OpenAPI 3.1', async () => {
    const doc = JSON.parse(await openApi()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(
          Object.keys(op.responses).some((s) => s.startsWith('4')),
          `${method} ${path}`,
        ).toBe(true);
      }
    }
  });
});

describeEachDatabase('the typed client', (getStore) => {
  let w: ApiWorld;
  afterEach(async () => w?.close());

  it('opens and reads a dispute through openapi-fetch with compile-time checked bodies', async () => {
    w = await apiWorld(getStore);
    const orderId = await feedOrder(w, { orderId: `client-${Date.now()}`, minor: '1999' });
    const client = createSettleClient({
      baseUrl: 'http://settle.test',
      headers: (await w.as('buyer')) as Record<string, string>,
      fetch: injectFetch(w.app),
    });
    const opened = await client.POST('/v1/disputes', {
      body: {
        orderId,
        reason: 'damaged',
        request: { kind: 'refund', amount: { minor: '1999', currency: 'USD' } },
        description: 'cracked',
      },
    });
    expect(opened.response.status).toBe(201);
    const id = opened.data?.id ?? '';
    const read = await client.GET('/v1/disputes/{disputeId}', {
      params: { path: { disputeId: id } },
    });
    expect(read.data?.viewer.actions).toContain('cancel');
    const refused = await client.POST('/v1/disputes/{disputeId}/return-receipt', {
      params: { path: { disputeId: id } },
      body: {},
    });
    expect(refused.response.status).toBe(403);
    expect(refused.error?.code).toBe('actor.role_not_allowed');
  });
});
