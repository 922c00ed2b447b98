// Evidence, evidence requests, findings and messages. Evidence is immutable: a mistaken file is
// superseded by a new one, never edited or deleted.

import type { EvidenceId } from '../ids.ts';
import { later } from '../instant.ts';
import { type Rejection, rejection } from '../rejections.ts';
import type { DisputeCommand, EvidenceInput } from './commands.ts';
import type { Draft } from './draft.ts';
import { itemNamedFor, type Uploader } from './item-ids.ts';
import type { Dispute, Evidence, Translation } from './state.ts';
import { checkText, MESSAGE_CHARS_MAX, NOTE_CHARS_MAX, SHORT_CHARS_MAX } from './text.ts';

type Cmd<T extends DisputeCommand['type']> = Extract<DisputeCommand, { type: T }>;

const SHA256 = /^[a-f0-9]{64}$/;
const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'video/mp4'];
export const EVIDENCE_BYTES_MAX = 100 * 1024 * 1024;

export function uploaderOf(draft: Draft): Uploader {
  const role = draft.actor.role;
  if (role === 'buyer' || role === 'seller' || role === 'arbitrator') return role;
  throw new Error(`${role} cannot upload evidence`);
}

export function addEvidence(
  draft: Draft,
  input: EvidenceInput,
  by: Uploader,
): Rejection | undefined {
  const d = draft.dispute;
  // Only ids the uploader can see are taken for them: another party's hidden file does not count.
  const existing = itemNamedFor(d.evidence, input.id, by);
  if (existing !== undefined) {
    // A retried upload with the same id is answered with nothing new; a different file is not.
    return existing.sha256 === input.sha256 && existing.by === by
      ? undefined
      : rejection('evidence.id_reused', 'this evidence id is already used for another file');
  }
  const refused = checkEvidence(draft, input, by);
  if (refused !== undefined) return refused;
  const evidence: Evidence = {
    id: input.id,
    by,
    kind: input.kind,
    findings: [...new Set(input.findings)],
    sha256: input.sha256,
    mediaType: input.mediaType,
    bytes: input.bytes,
    fileName: input.fileName,
    note: input.note,
    // Only a party's note can be kept from the other party; the arbitrator's is for both.
    arbitratorOnly: by !== 'arbitrator' && input.arbitratorOnly,
    ...(input.supersedes === undefined ? {} : { supersedes: input.supersedes }),
    at: draft.now,
  };
  const fulfils = d.evidenceRequests
    .filter((r) => r.status === 'open' && r.from === by && r.kinds.includes(input.kind))
    .map((r) => r.id);
  draft.emit({ type: 'evidence_added', evidence, fulfils });
  return undefined;
}

function checkEvidence(draft: Draft, input: EvidenceInput, by: Uploader): Rejection | undefined {
  const d = draft.dispute;
  if (d.evidence.length >= d.policy.values.evidenceMax) {
    return rejection(
      'evidence.limit_reached',
      `a dispute holds at most ${d.policy.values.evidenceMax} files`,
    );
  }
  if (!SHA256.test(input.sha256)) {
    return rejection('input.invalid', 'sha256 must be 64 lowercase hex characters', {
      field: 'sha256',
    });
  }
  if (!MEDIA_TYPES.includes(input.mediaType)) {
    return rejection('input.invalid', `media type ${input.mediaType} is not accepted`, {
      field: 'mediaType',
    });
  }
  if (!Number.isSafeInteger(input.bytes) || input.bytes <= 0 || input.bytes > EVIDENCE_BYTES_MAX) {
    return rejection('input.invalid', 'bytes must be a positive size within the limit', {
      field: 'bytes',
    });
  }
  if (input.supersedes !== undefined) {
    const old = d.evidence.find((e) => e.id === input.supersedes && e.by === by);
    if (old === undefined) {
      return rejection('evidence.not_found', 'the evidence to supersede is not one of yours');
    }
  }
  return (
    checkText('fileName', input.fileName, { maxChars: SHORT_CHARS_MAX, required: true }) ??
    checkText('note', input.note, { maxChars: NOTE_CHARS_MAX, required: false })
  );
}

export function requestEvidence(draft: Draft, cmd: Cmd<'request_evidence'>): Rejection | undefined {
  const d = draft.dispute;
  const by = uploaderOf(draft);
  const existing = d.evidenceRequests.find((r) => r.id === cmd.requestId);
  if (existing !== undefined) {
    return existing.by === by && existing.from === cmd.from
      ? undefined
      : rejection('evidence.id_reused', 'this evidence request id is already used');
  }
  if (by === cmd.from) {
    return rejection('input.invalid', 'ask the other side for evidence, not yourself', {
      field: 'from',
    });
  }
  if (cmd.kinds.length === 0) {
    return rejection('input.invalid', 'name at least one kind of evidence', { field: 'kinds' });
  }
  if (d.evidenceRequests.length >= d.policy.values.evidenceRequestsMax) {
    return rejection(
      'evidence.request_limit_reached',
      'too many evidence requests on this dispute',
    );
  }
  const dueAt = cmd.dueAt ?? later(draft.now, d.policy.values.evidenceRequestMs);
  if (dueAt <= draft.now) {
    return rejection('evidence.due_in_past', 'the due date must be in the future');
  }
  const noteRefused = checkText('note', cmd.note, { maxChars: NOTE_CHARS_MAX, required: false });
  if (noteRefused !== undefined) return noteRefused;
  draft.emit({
    type: 'evidence_requested',
    request: {
      id: cmd.requestId,
      by,
      from: cmd.from,
      kinds: [...new Set(cmd.kinds)],
      note: cmd.note,
      dueAt,
      status: 'open',
    },
  });
  return undefined;
}

export function confirmFindings(draft: Draft, cmd: Cmd<'confirm_findings'>): Rejection | undefined {
  // Two parties may hold the same id (item-ids.ts): the arbitrator, who sees both, names which.
  const named = draft.dispute.evidence.filter(
    (e) => e.id === cmd.evidenceId && (cmd.uploadedBy === undefined || e.by === cmd.uploadedBy),
  );
  const [found] = named;
  if (found === undefined) {
    return rejection('evidence.not_found', 'no such evidence on this dispute');
  }
  if (named.length > 1) {
    const choices = named.map((e) => e.by).join(',');
    return rejection(
      'evidence.ambiguous',
      `files of ${choices} share this id: name the uploader (uploadedBy: one of ${choices})`,
      { choices },
    );
  }
  draft.emit({
    type: 'findings_confirmed',
    evidenceId: cmd.evidenceId,
    evidenceBy: found.by,
    findings: [...new Set(cmd.findings)],
  });
  return undefined;
}

export function postMessage(draft: Draft, cmd: Cmd<'post_message'>): Rejection | undefined {
  const d = draft.dispute;
  const by = uploaderOf(draft);
  const existing = itemNamedFor(d.messages, cmd.messageId, by);
  if (existing !== undefined) {
    return existing.body === cmd.body && existing.by === by
      ? undefined
      : rejection('message.id_reused', 'this message id is already used');
  }
  if (d.messages.length >= d.policy.values.messagesMax) {
    return rejection('message.limit_reached', 'this dispute has reached its message limit');
  }
  const refused =
    checkText('body', cmd.body, { maxChars: MESSAGE_CHARS_MAX, required: true }) ??
    checkTranslation(cmd.translation) ??
    checkAttachments(d, by, cmd.attachments);
  if (refused !== undefined) return refused;
  const attachments = [...new Set(cmd.attachments ?? [])];
  draft.emit({
    type: 'message_posted',
    message: {
      id: cmd.messageId,
      by,
      body: cmd.body,
      arbitratorOnly: by !== 'arbitrator' && cmd.arbitratorOnly,
      at: draft.now,
      ...(attachments.length === 0 ? {} : { attachments }),
      ...(cmd.translation === undefined ? {} : { translation: cmd.translation }),
    },
  });
  return undefined;
}

/** A message attaches at most this many files: the evidence itself is limited per dispute. */
export const ATTACHMENTS_MAX = 10;
// BCP 47, loosely: a primary language and optional subtags (`en`, `zh-Hans`, `pt-BR`).
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

function checkTranslation(t: Translation | undefined): Rejection | undefined {
  if (t === undefined) return undefined;
  if (!LANGUAGE_TAG.test(t.language)) {
    return rejection(
      'input.invalid',
      'translation.language must be a language tag like en or zh-Hans',
      {
        field: 'translation.language',
      },
    );
  }
  return checkText('translation.text', t.text, { maxChars: MESSAGE_CHARS_MAX, required: true });
}

// Attachments reuse evidence uploads: each id names a file the sender itself added to this
// dispute (ids are unique per uploader), so a message cannot show the other side's private file.
function checkAttachments(
  d: Dispute,
  by: Evidence['by'],
  ids: readonly EvidenceId[] | undefined,
): Rejection | undefined {
  if (ids === undefined) return undefined;
  if (ids.length > ATTACHMENTS_MAX) {
    return rejection('input.invalid', `a message attaches at most ${ATTACHMENTS_MAX} files`, {
      field: 'attachments',
    });
  }
  const missing = ids.find((id) => !d.evidence.some((e) => e.id === id && e.by === by));
  return missing === undefined
    ? undefined
    : rejection(
        'message.attachment_not_found',
        `attach evidence you uploaded to this dispute; you have no file ${missing}`,
        { evidenceId: missing },
      );
}
