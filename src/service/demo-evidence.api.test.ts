// The demo's evidence is real: after seeding, every evidence item of every demo dispute
// downloads with 200, the content type and SHA-256 its record states, and every image has a
// thumbnail. (The demo once seeded records without files, and each download answered 404.)
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/support/api.ts';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { seedDemo } from './demo.ts';
import { loadEvidenceConfig } from './evidence/config.ts';
import { openBlobStore } from './evidence/open-blob-store.ts';

describeEachDatabase('demo evidence files', (getStore) => {
  let w: ApiWorld;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'settle-demo-evidence-'));
    w = await apiWorld(getStore, { config: { dataDir } });
    // The blob store `settle serve` hands the seed: the one the evidence routes read.
    expect(await seedDemo(w.runtime, openBlobStore(loadEvidenceConfig({}), dataDir))).toBe(true);
  });
  afterAll(async () => {
    await w?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves every demo evidence file and thumbnail', async () => {
    const arbitrator = await w.as('arbitrator');
    const get = (url: string) => w.app.inject({ method: 'GET', url, headers: arbitrator });
    const mediaTypes: string[] = [];
    for (let n = 1; n <= 6; n += 1) {
      const view = await get(`/v1/disputes/demo-dispute-${n}`);
      expect(view.statusCode, view.body).toBe(200);
      for (const e of view.json().evidence as {
        fileUrl: string;
        thumbnailUrl?: string;
        mediaType: string;
        sha256: string;
      }[]) {
        const file = await get(e.fileUrl);
        expect(file.statusCode, `${e.fileUrl}: ${file.body.slice(0, 200)}`).toBe(200);
        expect(file.headers['content-type']).toContain(e.mediaType);
        expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(e.sha256);
        if (e.mediaType.startsWith('image/')) {
          expect(e.thumbnailUrl).toBeDefined();
          const thumb = await get(e.thumbnailUrl ?? '');
          expect(thumb.statusCode, e.thumbnailUrl).toBe(200);
          expect(thumb.headers['content-type']).toMatch(/^image\//);
        }
        mediaTypes.push(e.mediaType);
      }
    }
    // Photos (a label comparison, the outer box, the damage) and a PDF receipt.
    expect(mediaTypes.filter((t) => t === 'image/jpeg').length).toBeGreaterThanOrEqual(3);
    expect(mediaTypes).toContain('application/pdf');
  });
});
