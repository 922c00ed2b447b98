// Bad input gets a clear 4xx problem+json and changes nothing: malformed JSON, wrong types,
// unknown fields, huge bodies, bad amounts and currencies, control characters, text the database
// cannot store (a NUL, a lone surrogate) in every string field of every route, unknown ids.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';

const usd = (minor: string) => ({ minor, currency: 'USD' });

interface BadCase {
  readonly name: string;
  readonly role: 'buyer' | 'seller' | 'integration';
  readonly method: 'POST' | 'PUT';
  readonly url: (c: { disputeId: string; orderId: string }) => string;
  /** A JS value sent as JSON, or a raw string sent as is. */
  readonly payload: unknown;
  readonly contentType?: string;
  readonly status: number;
}

const offer = (terms: unknown) => ({ terms });
const CASES: BadCase[] = [
  {
    name: 'malformed JSON',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: '{"terms": {"kind": "refund",',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'an empty JSON body',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: '',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'a JSON array instead of an object',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: '[1,2]',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'the wrong content type',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/messages`,
    payload: 'body=hi',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
  },
  {
    name: 'a number where a string belongs',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: { minor: 100, currency: 'USD' } }),
    status: 400,
  },
  {
    name: 'an unknown field',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: { ...offer({ kind: 'refund', amount: usd('100') }), isAdmin: true },
    status: 400,
  },
  {
    name: 'an unknown offer kind',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'bitcoin', amount: usd('100') }),
    status: 400,
  },
  {
    name: 'a negative amount',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: usd('-100') }),
    status: 400,
  },
  {
    name: 'a zero amount',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: usd('0') }),
    status: 422,
  },
  {
    name: 'a fractional amount',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: usd('12.5') }),
    status: 400,
  },
  {
    name: 'an overflowing amount',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: usd('99999999999999999999999') }),
    status: 400,
  },
  {
    name: 'an amount above the refundable',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: usd('999999999') }),
    status: 422,
  },
  {
    name: 'the wrong currency',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: { minor: '100', currency: 'EUR' } }),
    status: 422,
  },
  {
    name: 'a malformed currency',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    payload: offer({ kind: 'refund', amount: { minor: '100', currency: 'usd' } }),
    status: 400,
  },
  {
    name: 'control characters in text',
    role: 'buyer',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/messages`,
    payload: { body: 'hello\u0000\u001b[2J' },
    status: 422,
  },
  {
    name: 'a text over its limit',
    role: 'buyer',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/messages`,
    payload: { body: 'x'.repeat(4_001) },
    status: 400,
  },
  {
    name: 'a huge body',
    role: 'buyer',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/messages`,
    payload: { body: 'x'.repeat(2_000_000) },
    status: 413,
  },
  {
    name: 'an unknown dispute',
    role: 'buyer',
    method: 'POST',
    url: () => '/v1/disputes/no-such-dispute/messages',
    payload: { body: 'hi' },
    status: 404,
  },
  {
    name: 'an id with path tricks',
    role: 'buyer',
    method: 'POST',
    url: () => '/v1/disputes/..%2F..%2Fetc/messages',
    payload: { body: 'hi' },
    status: 400,
  },
  {
    name: 'an id far over its length limit',
    role: 'buyer',
    method: 'POST',
    url: () => `/v1/disputes/${'x'.repeat(400)}/messages`,
    payload: { body: 'hi' },
    status: 400,
  },
  {
    name: 'a malformed percent-encoding in the path',
    role: 'buyer',
    method: 'POST',
    url: () => '/v1/disputes/%E0%A4%A/messages',
    payload: { body: 'hi' },
    status: 400,
  },
  {
    name: 'an unknown order',
    role: 'buyer',
    method: 'POST',
    url: () => '/v1/disputes',
    payload: {
      orderId: 'no-such-order',
      reason: 'damaged',
      request: { kind: 'refund', amount: usd('100') },
      description: 'x',
    },
    status: 404,
  },
  {
    name: 'an unknown reason',
    role: 'buyer',
    method: 'POST',
    url: () => '/v1/disputes',
    payload: {
      orderId: 'x',
      reason: 'bored',
      request: { kind: 'refund', amount: usd('100') },
      description: 'x',
    },
    status: 400,
  },
  {
    name: 'a bad date',
    role: 'integration',
    method: 'POST',
    url: (c) => `/v1/orders/${c.orderId}/status`,
    payload: { status: 'delivered', at: 'yesterday' },
    status: 400,
  },
  {
    name: 'a bad country',
    role: 'integration',
    method: 'PUT',
    url: () => '/v1/sellers/s-bad',
    payload: { name: 'S', country: 'China' },
    status: 400,
  },
  {
    name: 'an order in mixed currencies',
    role: 'integration',
    method: 'PUT',
    url: () => '/v1/orders/o-mixed',
    payload: {
      sellerId: 'x',
      buyerId: 'y',
      buyerCountry: 'US',
      amountPaid: usd('100'),
      paidAt: '2026-11-01T00:00:00Z',
      items: [{ sku: 'a', title: 'b', quantity: 1, unitPrice: { minor: '100', currency: 'EUR' } }],
    },
    status: 422,
  },
];

// Written as JSON escapes on purpose: JSON.stringify would keep them, but this is what a client
// sends on the wire.
const LONE_SURROGATE_JSON = '"x\\ud800y"';
const NUL_JSON = '"x\\u0000y"';
const UNSTORABLE = [
  ['a lone surrogate', LONE_SURROGATE_JSON],
  ['a NUL', NUL_JSON],
] as const;

/** Otherwise valid bodies whose one marked field (value "@BAD") is replaced by bad text. */
interface StorableCase {
  readonly name: string;
  readonly role: 'buyer' | 'seller' | 'integration';
  readonly method: 'POST' | 'PUT';
  readonly url: (c: { disputeId: string; orderId: string }) => string;
  readonly body: (c: { disputeId: string; orderId: string }) => unknown;
  readonly field: string;
}
const STORABLE_CASES: StorableCase[] = [
  {
    name: 'a message',
    role: 'buyer',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/messages`,
    body: () => ({ body: '@BAD' }),
    field: 'body',
  },
  {
    name: 'a dispute description',
    role: 'buyer',
    method: 'POST',
    url: () => '/v1/disputes',
    body: (c) => ({
      orderId: c.orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: usd('100') },
      description: '@BAD',
    }),
    field: 'description',
  },
  {
    name: 'an offer note',
    role: 'seller',
    method: 'POST',
    url: (c) => `/v1/disputes/${c.disputeId}/offers`,
    body: () => ({ terms: { kind: 'refund', amount: usd('100') }, note: '@BAD' }),
    field: 'note',
  },
  {
    name: 'a seller name',
    role: 'integration',
    method: 'PUT',
    url: () => '/v1/sellers/s-unstorable',
    body: () => ({ name: '@BAD', country: 'CN' }),
    field: 'name',
  },
  {
    name: 'a carrier',
    role: 'integration',
    method: 'PUT',
    url: () => '/v1/shipments/sh-unstorable',
    body: (c) => ({
      orderId: c.orderId,
      channel: 'platform',
      carrier: '@BAD',
      trackingNumber: 'T1',
      at: '2026-11-02T00:00:00Z',
    }),
    field: 'carrier',
  },
  {
    name: 'a tracking number',
    role: 'integration',
    method: 'PUT',
    url: () => '/v1/shipments/sh-unstorable',
    body: (c) => ({
      orderId: c.orderId,
      channel: 'platform',
      carrier: 'DHL',
      trackingNumber: '@BAD',
      at: '2026-11-02T00:00:00Z',
    }),
    field: 'trackingNumber',
  },
];

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly $ref?: string;
}

/** Every path (as property names) to a string in a request body schema, refs resolved. */
function stringPaths(
  schema: JsonSchema | undefined,
  resolve: (ref: string) => JsonSchema,
  at: readonly string[] = [],
  depth = 0,
): string[][] {
  if (schema === undefined || depth > 8) return [];
  if (schema.$ref !== undefined) return stringPaths(resolve(schema.$ref), resolve, at, depth + 1);
  const paths: string[][] = [];
  if ([schema.type].flat().includes('string')) paths.push([...at]);
  for (const [name, child] of Object.entries(schema.properties ?? {}))
    paths.push(...stringPaths(child, resolve, [...at, name], depth + 1));
  if (schema.items !== undefined)
    paths.push(...stringPaths(schema.items, resolve, [...at, '0'], depth + 1));
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    paths.push(...stringPaths(branch, resolve, at, depth + 1));
  return paths;
}

/** A JSON text with `raw` (already JSON) placed at `path`: arrays for numeric steps. */
function jsonWith(path: readonly string[], raw: string): string {
  if (path.length === 0) return raw;
  const [head, ...rest] = path as [string, ...string[]];
  const inner = jsonWith(rest, raw);
  return /^[0-9]+$/.test(head) ? `[${inner}]` : `{${JSON.stringify(head)}:${inner}}`;
}

describeEachDatabase('bad input', (getStore) => {
  let w: ApiWorld;
  let ctx: { disputeId: string; orderId: string };

  beforeAll(async () => {
    w = await apiWorld(getStore);
    const orderId = await w.newOrder();
    const disputeId = `bad-input-${Date.now().toString(36)}`;
    const opened = await w.service.open(w.buyer, {
      disputeId: disputeId as never,
      orderId,
      reason: 'damaged',
      request: { kind: 'refund', amount: { minor: 500n, currency: 'USD' as never } },
      description: 'cracked',
    });
    if (!opened.ok) throw new Error(opened.rejection.code);
    ctx = { disputeId, orderId };
  });
  afterAll(async () => {
    await w?.close();
  });

  it.each(CASES)('$name → $status problem+json, nothing changed', async (c) => {
    const before = await w.service.get(ctx.disputeId);
    const headers = {
      ...((await w.as(c.role)) as Record<string, string>),
      'content-type': c.contentType ?? 'application/json',
    };
    const res = await w.app.inject({
      method: c.method,
      url: c.url(ctx),
      headers,
      payload: typeof c.payload === 'string' ? c.payload : JSON.stringify(c.payload),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(c.status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json() as {
      type: string;
      title: string;
      status: number;
      detail: string;
      code: string;
    };
    expect(problem).toMatchObject({ status: c.status });
    expect(problem.detail.length).toBeGreaterThan(0);
    expect(problem.code.length).toBeGreaterThan(0);
    const after = await w.service.get(ctx.disputeId);
    expect(after?.version).toBe(before?.version);
  });

  /** Row counts of every table: a refused request must leave each one as it was. */
  async function rowCounts(): Promise<Record<string, number>> {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = ${w.store.schema} and table_type = 'BASE TABLE'
      order by table_name`.execute(w.store.db);
    const counts: Record<string, number> = {};
    for (const { table_name } of rows) {
      const counted = await sql<{ n: string | number | bigint }>`
        select count(*) as n from ${sql.table(`${w.store.schema}.${table_name}`)}`.execute(
        w.store.db,
      );
      counts[table_name] = Number(counted.rows[0]?.n ?? 0);
    }
    return counts;
  }

  it.each(STORABLE_CASES.flatMap((c) => UNSTORABLE.map(([what, raw]) => ({ ...c, what, raw }))))(
    '$what in $name → 422 input.invalid naming $field, nothing stored',
    async (c) => {
      const headers = {
        ...((await w.as(c.role)) as Record<string, string>),
        'content-type': 'application/json',
      };
      const before = await rowCounts();
      const res = await w.app.inject({
        method: c.method,
        url: c.url(ctx),
        headers,
        payload: JSON.stringify(c.body(ctx)).replace('"@BAD"', c.raw),
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'input.invalid', facts: { field: c.field } });
      expect(res.json().detail).toContain(c.field);
      expect(await rowCounts()).toEqual(before);
    },
  );

  it('every string field of every route refuses a lone surrogate and a NUL, naming it', async () => {
    await w.app.ready();
    const doc = w.app.swagger() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
      >;
      components?: { schemas?: Record<string, JsonSchema> };
    };
    const resolve = (ref: string): JsonSchema =>
      doc.components?.schemas?.[ref.split('/').at(-1) ?? ''] ?? {};
    // Some routes check the role before validation: each is tried as every role until one passes.
    const roles = ['integration', 'admin', 'buyer', 'seller', 'arbitrator'] as const;
    const headersOf = await Promise.all(
      roles.map(async (role) => ({
        ...((await w.as(role)) as Record<string, string>),
        'content-type': 'application/json',
      })),
    );
    // Sign-in links take a key that may act for the marketplace's users.
    headersOf.push({
      ...((await w.apiKey(['integration', 'act_as'])) as Record<string, string>),
      'content-type': 'application/json',
    });
    const send = async (method: string, url: string, payload: string) => {
      for (const headers of headersOf) {
        const res = await w.app.inject({
          method: method.toUpperCase() as 'POST',
          url,
          headers,
          payload,
        });
        if (res.statusCode !== 401 && res.statusCode !== 403) return res;
      }
      throw new Error(`no role may ${method} ${url}`);
    };
    let checked = 0;
    const before = await rowCounts();
    for (const [route, operations] of Object.entries(doc.paths)) {
      const url = route
        .replace('{disputeId}', ctx.disputeId)
        .replace(/\{[A-Za-z]+\}/g, 'unstorable');
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        for (const path of stringPaths(schema, resolve)) {
          for (const [, raw] of UNSTORABLE) {
            const res = await send(method, url, jsonWith(path, raw));
            const field = path.join('.');
            const where = `${method} ${route} ${field}`;
            expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).toBe(422);
            expect(res.json(), where).toMatchObject({
              code: 'input.invalid',
              facts: { field: field === '' ? 'body' : field },
            });
            checked += 1;
          }
        }
      }
    }
    // The free-text and integration fields of the issue are among them, on many routes.
    expect(checked).toBeGreaterThan(40);
    expect(await rowCounts()).toEqual(before);
  });

  it('unicode text is kept exactly', async () => {
    const body = '商品破损了 — ça arrive 👀 עברית';
    const res = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${ctx.disputeId}/messages`,
      headers: (await w.as('buyer')) as Record<string, string>,
      payload: { body },
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { messages: { body: string }[] }).messages.at(-1)?.body).toBe(body);
  });

  it('an Idempotency-Key replays the first response and refuses a different body', async () => {
    const headers = {
      ...((await w.as('seller')) as Record<string, string>),
      'idempotency-key': `k-${Date.now()}`,
    };
    const payload = {
      offerId: `idem-${Date.now()}`,
      terms: { kind: 'refund', amount: usd('150') },
    };
    const first = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${ctx.disputeId}/offers`,
      headers,
      payload,
    });
    const again = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${ctx.disputeId}/offers`,
      headers,
      payload,
    });
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const other = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${ctx.disputeId}/offers`,
      headers,
      payload: { ...payload, note: 'changed' },
    });
    expect(other.statusCode).toBe(422);
    expect((other.json() as { code: string }).code).toBe('idempotency.key_reused');
  });
});
