// Evidence files: upload (multipart) and download, both behind the dispute's access rules. Files
// are never served from a public folder: every read loads the dispute, checks that the caller
// may see this evidence, and streams the blob; anything hidden answers 404, never 403.
import { createHash, randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Actor, DisputeId, Evidence, EvidenceInput } from '../../domain/index.ts';
import type { Written } from '../../service/dispute-writer.ts';
import {
  type BlobKey,
  type BlobStore,
  contentKey,
  thumbnailKey,
} from '../../service/evidence/blob-store.ts';
import { readBounded, tooLarge } from '../../service/evidence/bounded-read.ts';
import { type EvidenceConfig, loadEvidenceConfig } from '../../service/evidence/config.ts';
import { type EvidenceFileCode, EvidenceFileError } from '../../service/evidence/errors.ts';
import { type EvidenceFields, parseEvidenceFields } from '../../service/evidence/fields.ts';
import { cleanFileName, contentDisposition } from '../../service/evidence/file-name.ts';
import { openBlobStore } from '../../service/evidence/open-blob-store.ts';
import { THUMBNAIL_MEDIA_TYPE, THUMBNAIL_SIZE_PX } from '../../service/evidence/sanitize-image.ts';
import { type StoredEvidenceFile, storeEvidenceFile } from '../../service/evidence/upload.ts';
import {
  evidenceFor,
  evidenceViewerOf,
  type Resolved,
  resolveEvidence,
} from '../../service/evidence/visibility.ts';
import { Idempotency } from '../../service/idempotency.ts';
import type { Runtime } from '../../service/runtime.ts';
import type { App, RouteGroup } from '../app.ts';
import { type CallerRole, requireRole } from '../auth.ts';
import { checkUploadKey, keyScope, runKeyed } from '../idempotency.ts';
import { type Problem, problem, rejectionProblem, sendProblem, sendRejection } from '../problem.ts';
import { evidenceResponse, problemResponse } from '../replay.ts';
import { DisputeParams, Id, PROBLEMS, Problem as ProblemSchema } from '../schemas/common.ts';
import { EvidenceView, UploaderSchema } from '../schemas/dispute-view.ts';
import { EvidenceUploadForm } from '../schemas/evidence-upload.ts';
import { evidenceView } from '../views/evidence-view.ts';

export interface EvidenceRouteOptions {
  /** Defaults to loadEvidenceConfig(process.env). */
  readonly config?: EvidenceConfig;
  /** Defaults to the configured store (files under `<dataDir>/blobs`). */
  readonly blobs?: BlobStore;
}

const FILE_STATUS: Readonly<Record<EvidenceFileCode, number>> = {
  'evidence.too_large': 413,
  'evidence.unsupported_type': 415,
  'evidence.too_many_pixels': 422,
  'evidence.undecodable': 422,
  'evidence.kind_mismatch': 422,
};
/** Room for the text fields and part headers around the file in a multipart body. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
const FIELD_BYTES_MAX = 16 * 1024;

/** Who may call these routes at all; which dispute and which file they see is decided after. */
const READER_ROLES: readonly CallerRole[] = ['buyer', 'seller', 'arbitrator', 'admin'];

const FileParams = Type.Object({ disputeId: Id, evidenceId: Id }, { additionalProperties: false });
const FileQuery = Type.Object(
  { by: Type.Optional(UploaderSchema) },
  { additionalProperties: false },
);
// Streams skip serialisation: these schemas document the bytes and type the problems.
const FILE_RESPONSES = {
  200: Type.String({ format: 'binary', description: 'the stored bytes; ETag is their SHA-256' }),
  304: Type.Null({ description: 'unchanged since the ETag sent in If-None-Match' }),
  ...PROBLEMS,
};

export function evidenceRoutesWith(options: EvidenceRouteOptions = {}): RouteGroup {
  return async (app, { runtime }) => {
    const config = options.config ?? loadEvidenceConfig();
    const blobs = options.blobs ?? openBlobStore(config, runtime.config.dataDir);
    // Encapsulated: the multipart parser and its limits apply to these routes only.
    await app.register(async (scope: App) => {
      await scope.register(multipart, {
        throwFileSizeLimit: false,
        limits: {
          fieldNameSize: 100,
          fieldSize: FIELD_BYTES_MAX,
          fields: 20,
          // One byte over the limit is how readBounded tells "too large" from "exactly the limit".
          fileSize: config.bytesMax + 1,
          files: 1,
          parts: 21,
          headerPairs: 50,
        },
      });
      uploadRoute(scope, runtime, config, blobs);
      downloadRoutes(scope, runtime, blobs);
    });
  };
}

/** Reads its settings from the environment when the app is built. */
export const evidenceRoutes: RouteGroup = (app, deps) => evidenceRoutesWith()(app, deps);

function uploadRoute(app: App, runtime: Runtime, config: EvidenceConfig, blobs: BlobStore): void {
  app.post(
    '/v1/disputes/:disputeId/evidence',
    {
      config: { idempotency: 'upload' },
      schema: {
        tags: ['evidence'],
        params: DisputeParams,
        consumes: ['multipart/form-data'],
        multipartBody: EvidenceUploadForm,
        response: { 201: EvidenceView, ...PROBLEMS, 413: ProblemSchema, 415: ProblemSchema },
        summary: 'Upload a file as evidence',
        description:
          'multipart/form-data with exactly one file part and the fields kind, findings (repeated or comma-separated), note, arbitratorOnly, supersedes, evidenceId (a client-made id: send one so a retry is idempotent). The type is judged from the bytes; images are re-encoded without metadata.',
      },
    },
    async (request, reply) => {
      // Any answer given before the body is read drains it within bounds (refused-body.ts).
      const actor = readerOf(request, reply);
      if (actor === undefined) return reply;
      const loaded = await runtime.service.get(request.params.disputeId);
      // Strangers learn nothing, not even whether the dispute exists; the engine's guards decide
      // who may add evidence in which state.
      if (loaded === undefined || evidenceViewerOf(loaded.dispute, actor) === undefined) {
        return sendProblem(reply, problem(404, 'dispute.not_found', 'no such dispute'));
      }
      const form = await readUpload(request, config);
      if (!form.ok) return sendProblem(reply, form.problem);
      // Only now is the request known, bytes and all: a key used for another upload is refused
      // here, before anything is stored.
      if (await checkUploadKey(runtime, request, reply, uploadHash(request, form))) return reply;
      const received = await storeUpload(form, config, blobs);
      if (!received.ok) return sendProblem(reply, received.problem);
      // The blob is stored before the command. If the engine refuses (wrong state, limit, id
      // reused), the blob stays behind unreferenced: harmless, as it is content-addressed and
      // served only through evidence that names its hash.
      const input = received.input;
      const disputeId = request.params.disputeId;
      return runKeyed(runtime, request, reply, async () => {
        const written = await runtime.service.handle(
          disputeId as DisputeId,
          actor,
          { type: 'add_evidence', evidence: input },
          keyScope(request, (w: Written) =>
            w.ok
              ? evidenceResponse(201, disputeId, input.id)
              : problemResponse(rejectionProblem(w.rejection)),
          ),
        );
        if (!written.ok) return sendRejection(reply, written.rejection);
        const visible = evidenceFor(written.dispute, actor);
        // The caller's own: another party's hidden file may hold the same id (ids are per uploader).
        const added = visible.find((e) => e.id === input.id && e.by === actor.role);
        if (added === undefined) throw new Error(`evidence ${input.id} missing after it was added`);
        const view = evidenceView(disputeId, added, visible);
        return reply.code(201).header('location', view.fileUrl).send(view);
      });
    },
  );
}

/**
 * What "the same upload" means for its Idempotency-Key: the path, every field in order and the
 * file's name and bytes (a hash of them), never just the declared length.
 */
function uploadHash(request: FastifyRequest, form: Extract<Form, { ok: true }>): string {
  const fields = [...form.fields.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const file =
    form.file === undefined
      ? null
      : {
          name: form.file.name,
          sha256: createHash('sha256').update(form.file.bytes).digest('hex'),
        };
  return Idempotency.hash(request.method, request.url, JSON.stringify({ fields, file }));
}

function downloadRoutes(app: App, runtime: Runtime, blobs: BlobStore): void {
  app.get(
    '/v1/disputes/:disputeId/evidence/:evidenceId/file',
    {
      schema: {
        tags: ['evidence'],
        params: FileParams,
        querystring: FileQuery,
        summary: 'Download an evidence file (images inline, PDF and MP4 as attachments)',
        produces: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'video/mp4'],
        response: FILE_RESPONSES,
      },
    },
    async (request, reply) => {
      const actor = readerOf(request, reply);
      if (actor === undefined) return reply;
      const found = await findVisible(runtime, actor, request.params, request.query.by);
      if (found.kind !== 'found') return unresolved(reply, found);
      const evidence = found.evidence;
      const inline = evidence.mediaType.startsWith('image/');
      return sendBlob(request, reply, blobs, {
        key: contentKey(evidence.sha256),
        etag: `"${evidence.sha256}"`,
        mediaType: evidence.mediaType,
        disposition: contentDisposition(
          inline ? 'inline' : 'attachment',
          evidence.fileName,
          evidence.mediaType,
        ),
      });
    },
  );

  app.get(
    '/v1/disputes/:disputeId/evidence/:evidenceId/thumbnail',
    {
      schema: {
        tags: ['evidence'],
        params: FileParams,
        querystring: FileQuery,
        summary: `An image's ${THUMBNAIL_SIZE_PX}px WebP thumbnail`,
        produces: [THUMBNAIL_MEDIA_TYPE],
        response: FILE_RESPONSES,
      },
    },
    async (request, reply) => {
      const actor = readerOf(request, reply);
      if (actor === undefined) return reply;
      const found = await findVisible(runtime, actor, request.params, request.query.by);
      if (found.kind !== 'found') return unresolved(reply, found);
      const evidence = found.evidence;
      if (!evidence.mediaType.startsWith('image/')) return evidenceNotFound(reply);
      return sendBlob(request, reply, blobs, {
        key: thumbnailKey(evidence.sha256),
        // Derived from the file and never rewritten: the key is as strong a validator as a hash.
        etag: `"${evidence.sha256}-thumb${THUMBNAIL_SIZE_PX}"`,
        mediaType: THUMBNAIL_MEDIA_TYPE,
        disposition: contentDisposition('inline', evidence.fileName, THUMBNAIL_MEDIA_TYPE),
      });
    },
  );
}

interface BlobResponse {
  readonly key: BlobKey;
  readonly etag: string;
  readonly mediaType: string;
  readonly disposition: string;
}

async function sendBlob(
  request: FastifyRequest,
  reply: FastifyReply,
  blobs: BlobStore,
  r: BlobResponse,
) {
  reply.headers({
    etag: r.etag,
    // private: no shared cache may keep it; no-cache: the browser revalidates, so every use
    // passes the access check again (a 304 costs no bytes).
    'cache-control': 'private, no-cache',
    'x-content-type-options': 'nosniff',
    // Opened directly, a file can run nothing and load nothing in our origin.
    'content-security-policy': "default-src 'none'; sandbox",
  });
  if (matches(request.headers['if-none-match'], r.etag)) return reply.code(304).send();
  const blob = await blobs.get(r.key);
  if (blob === undefined) {
    request.log.error({ key: r.key }, 'evidence blob missing from the blob store');
    return evidenceNotFound(reply);
  }
  return reply
    .type(r.mediaType)
    .headers({ 'content-length': String(blob.bytes), 'content-disposition': r.disposition })
    .send(blob.body);
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(',')
    .some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);
}

async function findVisible(
  runtime: Runtime,
  actor: Actor,
  params: { readonly disputeId: string; readonly evidenceId: string },
  by: Evidence['by'] | undefined,
): Promise<Resolved> {
  const loaded = await runtime.service.get(params.disputeId);
  if (loaded === undefined) return { kind: 'not_found' };
  return resolveEvidence(evidenceFor(loaded.dispute, actor), actor, params.evidenceId, by);
}

/** Not found, or two visible files share the id (only staff see both): say how to pick one. */
function unresolved(reply: FastifyReply, r: Exclude<Resolved, { kind: 'found' }>): FastifyReply {
  if (r.kind === 'not_found') return evidenceNotFound(reply);
  const choices = r.choices.join(',');
  return sendProblem(
    reply,
    problem(
      409,
      'evidence.ambiguous',
      `files of ${choices} share this id: add ?by= with one of ${choices}`,
      { facts: { choices } },
    ),
  );
}

type Received =
  | { readonly ok: true; readonly input: EvidenceInput }
  | { readonly ok: false; readonly problem: Problem };

/** Reads the whole form (file held in memory, bounded), storing nothing yet. */
async function readUpload(request: FastifyRequest, config: EvidenceConfig): Promise<Form> {
  if (!request.isMultipart()) {
    return {
      ok: false,
      problem: problem(415, 'request.unsupported_media_type', 'send multipart/form-data'),
    };
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > config.bytesMax + FORM_OVERHEAD_BYTES) {
    return { ok: false, problem: fileProblem(tooLarge(config.bytesMax)) };
  }
  const form = await readForm(request, config.bytesMax);
  if (!form.ok) return form;
  return form;
}

/** Checks the form's fields, sniffs, cleans and stores the file. */
async function storeUpload(
  form: Extract<Form, { ok: true }>,
  config: EvidenceConfig,
  blobs: BlobStore,
): Promise<Received> {
  const parsed = parseEvidenceFields(form.fields, randomUUID);
  if (!parsed.ok) {
    return {
      ok: false,
      problem: problem(422, 'input.invalid', parsed.message, { facts: { field: parsed.field } }),
    };
  }
  if (form.file === undefined) {
    return {
      ok: false,
      problem: problem(422, 'evidence.file_required', 'attach exactly one file'),
    };
  }
  try {
    const stored = await storeEvidenceFile(blobs, form.file.bytes, config, parsed.fields.kind);
    return {
      ok: true,
      input: evidenceInput(parsed.fields, stored, cleanFileName(form.file.name, stored.mediaType)),
    };
  } catch (error) {
    if (error instanceof EvidenceFileError) return { ok: false, problem: fileProblem(error) };
    throw error;
  }
}

type Form =
  | {
      readonly ok: true;
      readonly fields: Map<string, string[]>;
      readonly file?: { readonly name: string; readonly bytes: Buffer };
    }
  | { readonly ok: false; readonly problem: Problem };

/** Reads the text fields and the one file, holding at most bytesMax bytes of it. */
async function readForm(request: FastifyRequest, bytesMax: number): Promise<Form> {
  const fields = new Map<string, string[]>();
  let file: { name: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (file !== undefined) return { ok: false, problem: tooManyFiles() };
        file = { name: part.filename, bytes: await readBounded(part.file, bytesMax) };
        continue;
      }
      if (part.valueTruncated || part.fieldnameTruncated) {
        return {
          ok: false,
          problem: problem(422, 'input.invalid', `field ${part.fieldname} is too long`, {
            facts: { field: part.fieldname },
          }),
        };
      }
      fields.set(part.fieldname, [...(fields.get(part.fieldname) ?? []), String(part.value)]);
    }
  } catch (error) {
    return { ok: false, problem: formProblem(error) };
  }
  return file === undefined ? { ok: true, fields } : { ok: true, fields, file };
}

function formProblem(error: unknown): Problem {
  if (error instanceof EvidenceFileError) return fileProblem(error);
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'FST_FILES_LIMIT') return tooManyFiles();
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return problem(422, 'input.invalid', 'too many form fields');
  }
  return problem(400, 'request.invalid', 'the multipart body is malformed');
}

function fileProblem(error: EvidenceFileError): Problem {
  return problem(FILE_STATUS[error.code], error.code, error.message, { facts: error.facts });
}

function tooManyFiles(): Problem {
  return problem(422, 'evidence.too_many_files', 'attach exactly one file per upload');
}

function evidenceInput(
  fields: EvidenceFields,
  stored: StoredEvidenceFile,
  fileName: string,
): EvidenceInput {
  return {
    id: fields.id,
    kind: fields.kind,
    findings: fields.findings,
    sha256: stored.sha256,
    mediaType: stored.mediaType,
    bytes: stored.bytes,
    fileName,
    note: fields.note,
    arbitratorOnly: fields.arbitratorOnly,
    ...(fields.supersedes === undefined ? {} : { supersedes: fields.supersedes }),
  };
}

/** Hidden, missing and never-existing evidence all answer the same. */
function evidenceNotFound(reply: FastifyReply): FastifyReply {
  return sendProblem(reply, problem(404, 'evidence.not_found', 'no such evidence on this dispute'));
}

/** The caller's actor, or undefined once requireRole has answered 401 (anonymous) or 403. */
function readerOf(request: FastifyRequest, reply: FastifyReply): Actor | undefined {
  if (!requireRole(request, reply, READER_ROLES)) return undefined;
  return request.caller.kind === 'anonymous' ? undefined : request.caller.actor;
}
