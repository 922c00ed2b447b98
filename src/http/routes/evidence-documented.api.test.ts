// /docs "Try it out" must work for writes: the committed docs/openapi.json alone tells a client
// how to upload evidence (the multipart form) and how a signed-in browser signs a write (the
// CSRF header). The form is built only from the document's schema, the CSRF header from its
// security scheme, and the upload succeeds.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { type FilePart, form } from '../../../test/support/multipart.ts';
import { type DisputeId, money } from '../../domain/index.ts';
import { EVIDENCE_DEFAULTS } from '../../service/evidence/config.ts';
import { KIND_MEDIA_TYPES } from '../../service/evidence/kind-media.ts';
import { minimalPdf } from '../../service/evidence/test-fixtures.ts';
import { evidenceRoutesWith } from './evidence.ts';

interface Property {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly string[];
  readonly items?: Property;
  readonly pattern?: string;
}
interface Operation {
  readonly requestBody?: {
    readonly content: Record<string, { schema: { properties: Record<string, Property> } }>;
  };
  readonly security?: readonly Record<string, readonly string[]>[];
}
interface Document {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: {
    readonly securitySchemes: Record<string, { type: string; in?: string; name?: string }>;
  };
}

const DOCUMENT = JSON.parse(
  readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'),
) as Document;
const UPLOAD = DOCUMENT.paths['/v1/disputes/{disputeId}/evidence']?.post;

/** A value for one form field, from its documented schema alone. */
function valueFor(name: string, p: Property): string | string[] {
  if (p.type === 'array') return [String(valueFor(name, p.items ?? {}))];
  if (p.type === 'boolean') return 'false';
  if (p.enum !== undefined) {
    // A kind that can hold a PDF, the file this test sends.
    const fits = p.enum.find((k) =>
      (KIND_MEDIA_TYPES as Record<string, readonly string[]>)[k]?.includes('application/pdf'),
    );
    return fits ?? p.enum[0] ?? '';
  }
  if (p.pattern !== undefined) return `doc-${name}-${Date.now().toString(36)}`;
  return `sent through the documented form (${name})`;
}

describeEachDatabase('evidence upload through the documented schema', (getStore) => {
  let w: ApiWorld;
  let dataDir: string;
  let disputeId: DisputeId;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'settle-evidence-doc-'));
    const evidence = evidenceRoutesWith({ config: EVIDENCE_DEFAULTS });
    w = await apiWorld(getStore, { groups: [evidence], config: { dataDir } });
    disputeId = w.disputeId();
    const opened = await w.service.open(w.buyer, {
      disputeId,
      orderId: await w.newOrder(),
      reason: 'damaged',
      request: { kind: 'refund', amount: money(2_000, 'USD') },
      description: 'cracked',
    });
    if (!opened.ok) throw new Error(opened.rejection.message);
  });
  afterAll(async () => {
    await w?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('declares the CSRF header for cookie-signed writes, and the multipart form', () => {
    expect(UPLOAD?.security).toContainEqual({ session: [], csrf: [] });
    expect(DOCUMENT.components.securitySchemes.csrf).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'x-csrf-token',
    });
    const properties = UPLOAD?.requestBody?.content['multipart/form-data']?.schema.properties;
    expect(properties?.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(Object.keys(properties ?? {})).toEqual(
      expect.arrayContaining(['file', 'kind', 'findings', 'note', 'arbitratorOnly', 'evidenceId']),
    );
  });

  it('a browser session uploads with a form built from docs/openapi.json alone', async () => {
    const properties = UPLOAD?.requestBody?.content['multipart/form-data']?.schema.properties ?? {};
    const fields: Record<string, string | string[]> = {};
    const files: FilePart[] = [];
    for (const [name, p] of Object.entries(properties)) {
      // `supersedes` names earlier evidence of one's own: there is none yet to name.
      if (name === 'supersedes') continue;
      if (p.format === 'binary') {
        files.push({
          field: name,
          name: 'receipt.pdf',
          type: 'application/pdf',
          bytes: minimalPdf(),
        });
      } else fields[name] = valueFor(name, p);
    }
    // Signed in as a browser is: the cookie, and the CSRF token under the documented name.
    const { cookie, 'x-csrf-token': token } = (await w.as('buyer')) as Record<string, string>;
    const csrfHeader = DOCUMENT.components.securitySchemes.csrf?.name ?? '';
    const body = form(fields, files);
    const res = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${disputeId}/evidence`,
      headers: {
        cookie: cookie ?? '',
        [csrfHeader]: token ?? '',
        'content-type': body.contentType,
      },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      id: fields.evidenceId,
      kind: fields.kind,
      mediaType: 'application/pdf',
    });
    // Without the documented header the same write is refused: the declaration is load-bearing.
    const unsigned = form({ ...fields, evidenceId: `${fields.evidenceId}-2` }, files);
    const refused = await w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${disputeId}/evidence`,
      headers: { cookie: cookie ?? '', 'content-type': unsigned.contentType },
      payload: unsigned.payload,
    });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'auth.csrf_failed']);
  });
});
