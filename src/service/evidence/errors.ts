// Why an uploaded file was refused. Stable codes: the HTTP layer maps each to a status, and
// clients may branch on them.
export const EVIDENCE_FILE_CODES = [
  'evidence.too_large',
  'evidence.unsupported_type',
  'evidence.too_many_pixels',
  'evidence.undecodable',
  'evidence.kind_mismatch',
] as const;
export type EvidenceFileCode = (typeof EVIDENCE_FILE_CODES)[number];

export class EvidenceFileError extends Error {
  override readonly name = 'EvidenceFileError';

  readonly code: EvidenceFileCode;
  readonly facts: Readonly<Record<string, string | number>>;

  constructor(
    code: EvidenceFileCode,
    message: string,
    facts: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.code = code;
    this.facts = facts;
  }
}
