// Evidence over HTTP on both databases: the upload attack suite end to end (renamed executables,
// polyglots, a decompression bomb, oversize files, GPS EXIF), and the access rules on download:
// strangers and hidden evidence answer 404, files carry nosniff, a private cache policy and a
// strong ETag equal to the stored bytes' SHA-256.

import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../../test/support/api.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { type FilePart, form } from '../../../test/support/multipart.ts';
import { type DisputeId, money } from '../../domain/index.ts';
import { EVIDENCE_DEFAULTS } from '../../service/evidence/config.ts';
import {
  elfExecutable,
  exifHasGps,
  htmlBehindPngHeader,
  htmlBehindPngSignature,
  minimalMp4,
  minimalPdf,
  PAYLOAD_MARKER,
  photoWithGps,
  plainPhoto,
  pngBomb,
  windowsExecutable,
  withTail,
} from '../../service/evidence/test-fixtures.ts';
import { evidenceRoutesWith } from './evidence.ts';

// Above app.ts's 1 MiB JSON body limit, which must not apply to uploads.
const BYTES_MAX = 2 * 1024 * 1024;

type Headers = Record<string, string>;

describeEachDatabase('evidence routes', (getStore) => {
  let w: ApiWorld;
  let dataDir: string;
  let disputeId: DisputeId;
  let buyer: Headers;
  let seller: Headers;
  let arbitrator: Headers;
  let arbitrator2: Headers;
  let stranger: Headers;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'settle-evidence-api-'));
    const evidence = evidenceRoutesWith({ config: { ...EVIDENCE_DEFAULTS, bytesMax: BYTES_MAX } });
    w = await apiWorld(getStore, { groups: [evidence], config: { dataDir } });
    buyer = (await w.as('buyer')) as Headers;
    seller = (await w.as('seller')) as Headers;
    arbitrator = (await w.as('arbitrator')) as Headers;
    arbitrator2 = (await w.as('arbitrator2')) as Headers;
    stranger = (await w.createUser('buyer')).headers;
    disputeId = w.disputeId();
    const opened = await w.service.open(w.buyer, {
      disputeId,
      orderId: await w.newOrder(),
      reason: 'damaged',
      request: { kind: 'refund', amount: money(2_000, 'USD') },
      description: 'the speaker arrived cracked',
    });
    expect(opened.ok).toBe(true);
  });
  afterAll(async () => {
    await w?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function upload(
    headers: Headers,
    fields: Record<string, string | string[]>,
    files: readonly FilePart[],
    dispute: string = disputeId,
  ) {
    const body = form(fields, files);
    return w.app.inject({
      method: 'POST',
      url: `/v1/disputes/${dispute}/evidence`,
      headers: { ...headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  }

  function download(
    headers: Headers,
    evidenceId: string,
    what: 'file' | 'thumbnail' = 'file',
    extra: Headers = {},
  ) {
    return w.app.inject({
      method: 'GET',
      url: `/v1/disputes/${disputeId}/evidence/${evidenceId}/${what}`,
      headers: { ...headers, ...extra },
    });
  }

  const photo = async (name = 'photo.jpg') => ({
    name,
    type: 'image/jpeg',
    bytes: await photoWithGps('jpeg'),
  });

  describe('upload', () => {
    it('stores a photo upright with no EXIF, records its hash, and serves it inline', async () => {
      const res = await upload(
        buyer,
        { kind: 'item_photo', findings: 'item_damaged', evidenceId: 'ev-photo' },
        [await photo('IMG_2041.jpg')],
      );
      expect(res.statusCode).toBe(201);
      const view = res.json();
      expect(view).toMatchObject({
        id: 'ev-photo',
        by: 'buyer',
        kind: 'item_photo',
        findings: ['item_damaged'],
        mediaType: 'image/jpeg',
        fileName: 'IMG_2041.jpg',
        arbitratorOnly: false,
        fileUrl: `/v1/disputes/${disputeId}/evidence/ev-photo/file`,
        thumbnailUrl: `/v1/disputes/${disputeId}/evidence/ev-photo/thumbnail`,
      });
      expect(res.headers.location).toBe(view.fileUrl);
      expect(res.headers.connection).not.toBe('close');

      const file = await download(seller, 'ev-photo');
      expect(file.statusCode).toBe(200);
      expect(file.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-cache',
        etag: `"${view.sha256}"`,
      });
      expect(file.headers['content-disposition']).toMatch(/^inline; filename="IMG_2041.jpg"/);
      expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(view.sha256);
      expect(file.rawPayload.length).toBe(view.bytes);
      const meta = await sharp(file.rawPayload).metadata();
      expect([meta.width, meta.height, meta.exif, meta.orientation, exifHasGps(meta.exif)]).toEqual(
        [30, 60, undefined, undefined, false],
      );
    });

    it('serves a WebP thumbnail of images, and 304 to a matching If-None-Match', async () => {
      const thumb = await download(buyer, 'ev-photo', 'thumbnail');
      expect(thumb.statusCode).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      expect(thumb.headers['x-content-type-options']).toBe('nosniff');
      expect((await sharp(thumb.rawPayload).metadata()).format).toBe('webp');
      const again = await download(buyer, 'ev-photo', 'thumbnail', {
        'if-none-match': String(thumb.headers.etag),
      });
      expect([again.statusCode, again.rawPayload.length]).toEqual([304, 0]);
      const file = await download(buyer, 'ev-photo');
      const head = await w.app.inject({
        method: 'HEAD',
        url: `/v1/disputes/${disputeId}/evidence/ev-photo/file`,
        headers: buyer,
      });
      expect([head.statusCode, head.headers.etag, head.rawPayload.length]).toEqual([
        200,
        file.headers.etag,
        0,
      ]);
      expect(
        (await download(buyer, 'ev-photo', 'file', { 'if-none-match': String(file.headers.etag) }))
          .statusCode,
      ).toBe(304);
    });

    it('accepts PDF and MP4 by their bytes and serves them as attachments, unchanged', async () => {
      for (const [id, kind, type, bytes] of [
        ['ev-pdf', 'document', 'application/pdf', minimalPdf()],
        ['ev-mp4', 'video', 'video/mp4', minimalMp4()],
      ] as const) {
        // Sent with a misleading name and type: only the bytes count.
        const res = await upload(seller, { kind, evidenceId: id }, [
          { name: 'receipt.exe', type: 'application/octet-stream', bytes },
        ]);
        expect(res.statusCode).toBe(201);
        expect(res.json().mediaType).toBe(type);
        expect(res.json().thumbnailUrl).toBeUndefined();
        const file = await download(buyer, id);
        expect(file.headers['content-type']).toBe(type);
        expect(file.headers['content-disposition']).toMatch(
          /^attachment; filename="receipt\.(pdf|mp4)"/,
        );
        expect(file.headers['x-content-type-options']).toBe('nosniff');
        expect(file.rawPayload).toEqual(bytes);
        expect((await download(buyer, id, 'thumbnail')).statusCode).toBe(404);
      }
    });

    it('a polyglot is re-encoded: the appended ZIP or HTML is not in the stored file', async () => {
      for (const kind of ['zip', 'html'] as const) {
        const bytes = withTail(await plainPhoto(), kind);
        const res = await upload(buyer, { kind: 'item_photo' }, [
          { name: 'photo.jpg', type: 'image/jpeg', bytes },
        ]);
        expect(res.statusCode).toBe(201);
        const file = await download(buyer, res.json().id);
        expect(file.rawPayload.includes(PAYLOAD_MARKER)).toBe(false);
        expect((await sharp(file.rawPayload).metadata()).format).toBe('jpeg');
      }
    });

    it('refuses renamed executables and HTML behind a PNG signature', async () => {
      for (const bytes of [elfExecutable(), windowsExecutable(), htmlBehindPngSignature()]) {
        const res = await upload(buyer, { kind: 'item_photo' }, [
          { name: 'photo.jpg', type: 'image/jpeg', bytes },
        ]);
        expect(res.statusCode).toBe(415);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.json().code).toBe('evidence.unsupported_type');
      }
      const broken = await upload(buyer, { kind: 'item_photo' }, [
        { name: 'photo.png', type: 'image/png', bytes: htmlBehindPngHeader() },
      ]);
      expect([broken.statusCode, broken.json().code]).toEqual([422, 'evidence.undecodable']);
    });

    it('refuses a decompression bomb by its pixel count', async () => {
      const bomb = pngBomb();
      expect(bomb.length).toBeLessThan(BYTES_MAX);
      const res = await upload(buyer, { kind: 'item_photo' }, [
        { name: 'bomb.png', type: 'image/png', bytes: bomb },
      ]);
      expect([res.statusCode, res.json().code]).toEqual([422, 'evidence.too_many_pixels']);
      expect(res.json().facts).toMatchObject({
        width: 20_000,
        height: 20_000,
        pixelsMax: 40_000_000,
      });
    });

    it('refuses a file over the limit, while streaming and from Content-Length alone', async () => {
      for (const size of [BYTES_MAX + 1, BYTES_MAX * 4]) {
        const res = await upload(buyer, { kind: 'document' }, [
          { name: 'big.pdf', type: 'application/pdf', bytes: minimalPdf(size) },
        ]);
        expect([res.statusCode, res.json().code]).toEqual([413, 'evidence.too_large']);
        expect(res.json().facts).toEqual({ bytesMax: BYTES_MAX });
        // The rest of the body is not read: the connection is closed instead of drained.
        expect(res.headers.connection).toBe('close');
      }
      const exactly = await upload(buyer, { kind: 'document' }, [
        { name: 'limit.pdf', type: 'application/pdf', bytes: minimalPdf(BYTES_MAX) },
      ]);
      expect(exactly.statusCode).toBe(201);
    });

    it('evidence kind must match the file judged by its bytes: no PDF as a video or a photo', async () => {
      const pdf = { name: 'clip.mp4', type: 'video/mp4', bytes: minimalPdf() };
      const mp4 = { name: 'photo.jpg', type: 'image/jpeg', bytes: minimalMp4() };
      for (const [kind, file, mediaType] of [
        ['video', pdf, 'application/pdf'],
        ['item_photo', pdf, 'application/pdf'],
        ['label_comparison_photo', mp4, 'video/mp4'],
        ['document', mp4, 'video/mp4'],
        ['video', await photo(), 'image/jpeg'],
      ] as const) {
        const res = await upload(buyer, { kind, evidenceId: `ev-mismatch-${kind}` }, [file]);
        expect([res.statusCode, res.json().code], kind).toEqual([422, 'evidence.kind_mismatch']);
        expect(res.json().facts).toMatchObject({ kind, mediaType });
        expect(res.json().detail).toContain(`evidence of kind ${kind} must be`);
      }
      const loaded = await w.service.get(disputeId);
      expect(loaded?.dispute.evidence.some((e) => e.id.startsWith('ev-mismatch-'))).toBe(false);
      // What fits is accepted: a PDF as a document, an image as other.
      for (const [kind, bytes] of [
        ['tracking_proof', minimalPdf()],
        ['other', await plainPhoto()],
      ] as const) {
        const res = await upload(buyer, { kind }, [{ name: 'f', type: 'x/y', bytes }]);
        expect(res.statusCode, kind).toBe(201);
      }
    });

    it('needs exactly one file and well-formed fields', async () => {
      const none = await upload(buyer, { kind: 'item_photo' }, []);
      expect([none.statusCode, none.json().code]).toEqual([422, 'evidence.file_required']);
      const two = await upload(buyer, { kind: 'item_photo' }, [await photo(), await photo()]);
      expect([two.statusCode, two.json().code]).toEqual([422, 'evidence.too_many_files']);
      const badKind = await upload(buyer, { kind: 'selfie' }, [await photo()]);
      expect([badKind.statusCode, badKind.json().code, badKind.json().facts]).toEqual([
        422,
        'input.invalid',
        { field: 'kind' },
      ]);
      const json = await w.app.inject({
        method: 'POST',
        url: `/v1/disputes/${disputeId}/evidence`,
        headers: buyer,
        payload: { kind: 'item_photo' },
      });
      expect(json.statusCode).toBe(415);
    });

    it('takes findings repeated or comma-separated', async () => {
      const res = await upload(
        buyer,
        {
          kind: 'outer_packaging_photo',
          findings: ['packaging_damaged,item_damaged', 'labels_mismatch'],
        },
        [await photo()],
      );
      expect(res.json().findings).toEqual(['packaging_damaged', 'item_damaged', 'labels_mismatch']);
    });

    it('a retry with the same id is idempotent; another file under that id is refused', async () => {
      const first = await upload(buyer, { kind: 'document', evidenceId: 'ev-retry' }, [
        { name: 'a.pdf', type: 'application/pdf', bytes: minimalPdf() },
      ]);
      const retry = await upload(buyer, { kind: 'document', evidenceId: 'ev-retry' }, [
        { name: 'a.pdf', type: 'application/pdf', bytes: minimalPdf() },
      ]);
      expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
      expect(retry.json().sha256).toBe(first.json().sha256);
      const other = await upload(buyer, { kind: 'document', evidenceId: 'ev-retry' }, [
        { name: 'b.pdf', type: 'application/pdf', bytes: minimalPdf(500) },
      ]);
      expect([other.statusCode, other.json().code]).toEqual([409, 'evidence.id_reused']);
    });

    it('a mistaken file is superseded, never replaced, and only by its uploader', async () => {
      const newer = await upload(
        buyer,
        { kind: 'item_photo', evidenceId: 'ev-photo-2', supersedes: 'ev-photo' },
        [{ name: 'better.jpg', type: 'image/jpeg', bytes: await plainPhoto(80, 60) }],
      );
      expect([newer.statusCode, newer.json().supersedes]).toEqual([201, 'ev-photo']);
      // The old file is still there, unchanged.
      expect((await download(buyer, 'ev-photo')).statusCode).toBe(200);
      const notYours = await upload(seller, { kind: 'item_photo', supersedes: 'ev-photo' }, [
        await photo(),
      ]);
      expect([notYours.statusCode, notYours.json().code]).toEqual([404, 'evidence.not_found']);
    });

    it('the engine decides who may add evidence when', async () => {
      // Arbitrators add evidence only during arbitration.
      const res = await upload(arbitrator, { kind: 'document' }, [
        { name: 'a.pdf', type: 'application/pdf', bytes: minimalPdf() },
      ]);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('dispute.wrong_state');
    });
  });

  describe('access', () => {
    it('strangers get 404 for uploads and downloads; anonymous callers 401; integrations 403', async () => {
      const up = await upload(stranger, { kind: 'item_photo' }, [await photo()]);
      expect([up.statusCode, up.json().code, up.headers.connection]).toEqual([
        404,
        'dispute.not_found',
        'close',
      ]);
      expect((await download(stranger, 'ev-photo')).statusCode).toBe(404);
      expect((await download(stranger, 'ev-photo', 'thumbnail')).statusCode).toBe(404);
      expect(
        (await upload(buyer, { kind: 'item_photo' }, [await photo()], 'no-such-dispute'))
          .statusCode,
      ).toBe(404);
      expect((await download({}, 'ev-photo')).statusCode).toBe(401);
      expect((await upload({}, { kind: 'item_photo' }, [await photo()])).statusCode).toBe(401);
    });

    it('arbitrator-only evidence is hidden from the other party, not from its uploader or arbitrators', async () => {
      const res = await upload(
        buyer,
        { kind: 'chat_record', arbitratorOnly: 'true', evidenceId: 'ev-secret' },
        [await photo('chat.jpg')],
      );
      expect([res.statusCode, res.json().arbitratorOnly]).toEqual([201, true]);
      expect((await download(seller, 'ev-secret')).statusCode).toBe(404);
      expect((await download(seller, 'ev-secret', 'thumbnail')).statusCode).toBe(404);
      expect((await download(buyer, 'ev-secret')).statusCode).toBe(200);
      expect((await download(arbitrator, 'ev-secret')).statusCode).toBe(200);
      expect((await download(arbitrator2, 'ev-secret', 'thumbnail')).statusCode).toBe(200);
      expect((await download((await w.as('admin')) as Headers, 'ev-secret')).statusCode).toBe(200);
      // Hidden and missing look the same.
      expect((await download(seller, 'ev-secret')).json()).toEqual(
        (await download(seller, 'ev-nothing')).json(),
      );
    });
  });
});
