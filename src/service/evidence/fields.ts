// The text fields that come with an upload, checked into the engine's vocabulary. Form fields
// are strings and may repeat; this is where they become typed. The engine checks the rest
// (note length, superseding only one's own evidence, limits per dispute).
import {
  EVIDENCE_KINDS,
  type EvidenceId,
  type EvidenceKind,
  FINDINGS,
  type Finding,
  isId,
} from '../../domain/index.ts';

export const EVIDENCE_FIELD_NAMES = [
  'kind',
  'findings',
  'note',
  'arbitratorOnly',
  'supersedes',
  'evidenceId',
] as const;
const FINDINGS_MAX = 20;
const TRUE = ['true', '1', 'on'];
const FALSE = ['false', '0', 'off'];

export interface EvidenceFields {
  readonly id: EvidenceId;
  readonly kind: EvidenceKind;
  readonly findings: readonly Finding[];
  readonly note: string;
  readonly arbitratorOnly: boolean;
  readonly supersedes?: EvidenceId;
}

export type FieldsResult =
  | { readonly ok: true; readonly fields: EvidenceFields }
  | { readonly ok: false; readonly field: string; readonly message: string };

class FieldError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** `newId` makes the evidence id when the client sent none (then a retry is not idempotent). */
export function parseEvidenceFields(
  raw: ReadonlyMap<string, readonly string[]>,
  newId: () => string,
): FieldsResult {
  try {
    for (const name of raw.keys()) {
      if (!(EVIDENCE_FIELD_NAMES as readonly string[]).includes(name)) {
        throw new FieldError(name, `unknown field ${JSON.stringify(name)}`);
      }
    }
    const supersedes = single(raw, 'supersedes');
    const fields: EvidenceFields = {
      id: anId('evidenceId', single(raw, 'evidenceId') ?? newId()),
      kind: oneOf('kind', single(raw, 'kind'), EVIDENCE_KINDS),
      findings: findings(raw.get('findings') ?? []),
      note: single(raw, 'note') ?? '',
      arbitratorOnly: flag(single(raw, 'arbitratorOnly')),
      ...(supersedes === undefined ? {} : { supersedes: anId('supersedes', supersedes) }),
    };
    return { ok: true, fields };
  } catch (error) {
    if (error instanceof FieldError)
      return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}

function single(raw: ReadonlyMap<string, readonly string[]>, name: string): string | undefined {
  const values = raw.get(name) ?? [];
  if (values.length > 1) throw new FieldError(name, `${name} may be given once`);
  return values[0];
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T {
  if (value === undefined) throw new FieldError(name, `${name} is required`);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new FieldError(name, `${name} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function findings(values: readonly string[]): Finding[] {
  // Repeated fields and comma-separated lists both work: `findings=a&findings=b` or `a,b`.
  const all = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (all.length > FINDINGS_MAX)
    throw new FieldError('findings', `at most ${FINDINGS_MAX} findings`);
  return [...new Set(all.map((f) => oneOf('findings', f, FINDINGS)))];
}

function flag(value: string | undefined): boolean {
  if (value === undefined || FALSE.includes(value)) return false;
  if (TRUE.includes(value)) return true;
  throw new FieldError('arbitratorOnly', 'arbitratorOnly must be true or false');
}

function anId(name: string, value: string): EvidenceId {
  if (!isId(value)) throw new FieldError(name, `${name} must be an id (letters, digits, _ . : -)`);
  return value as EvidenceId;
}
