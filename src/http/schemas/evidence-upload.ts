// The evidence upload form as OpenAPI documents it (multipart/form-data), so /docs "Try it out"
// and generated clients can send it. Documentation only: the route reads the parts itself
// (service/evidence/fields.ts), which is where the fields are checked.
import { Type } from 'typebox';
import { NOTE_CHARS_MAX } from '../../domain/dispute/text.ts';
import { EVIDENCE_KINDS, type EvidenceKind, FINDINGS, type Finding } from '../../domain/index.ts';
import { Id } from './common.ts';

export const EvidenceUploadForm = Type.Object(
  {
    file: Type.String({
      format: 'binary',
      description:
        'exactly one file: JPEG, PNG, WebP, PDF or MP4, judged by its bytes; it must fit the kind (photo kinds: images; video: MP4; documents, proofs and chats: PDF or images)',
    }),
    // One `enum` each, not a union of literals: /docs then offers a drop-down.
    kind: Type.Unsafe<EvidenceKind>({
      type: 'string',
      enum: [...EVIDENCE_KINDS],
      description: 'what the file shows',
    }),
    findings: Type.Optional(
      Type.Array(Type.Unsafe<Finding>({ type: 'string', enum: [...FINDINGS] }), {
        description: 'repeat the field, or send one comma-separated value',
      }),
    ),
    note: Type.Optional(Type.String({ maxLength: NOTE_CHARS_MAX })),
    arbitratorOnly: Type.Optional(
      Type.Boolean({ description: 'only the arbitrators see it (true/false)' }),
    ),
    supersedes: Type.Optional({ ...Id, description: 'the id of your evidence this replaces' }),
    evidenceId: Type.Optional({
      ...Id,
      description: 'a client-made id: send one so a retry is idempotent',
    }),
  },
  { additionalProperties: false },
);
