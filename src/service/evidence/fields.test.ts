// Upload form fields become the engine's vocabulary, or a refusal naming the field.
import { describe, expect, it } from 'vitest';
import { parseEvidenceFields } from './fields.ts';

const parse = (entries: Record<string, string[]>) =>
  parseEvidenceFields(new Map(Object.entries(entries)), () => 'generated-id');

describe('parseEvidenceFields', () => {
  it('reads every field, with defaults for the optional ones', () => {
    expect(parse({ kind: ['item_photo'] })).toEqual({
      ok: true,
      fields: {
        id: 'generated-id',
        kind: 'item_photo',
        findings: [],
        note: '',
        arbitratorOnly: false,
      },
    });
    expect(
      parse({
        kind: ['label_comparison_photo'],
        findings: ['labels_mismatch, item_damaged', 'labels_mismatch', 'packaging_intact'],
        note: ['top label peeled back'],
        arbitratorOnly: ['true'],
        supersedes: ['ev-1'],
        evidenceId: ['ev-2'],
      }),
    ).toEqual({
      ok: true,
      fields: {
        id: 'ev-2',
        kind: 'label_comparison_photo',
        findings: ['labels_mismatch', 'item_damaged', 'packaging_intact'],
        note: 'top label peeled back',
        arbitratorOnly: true,
        supersedes: 'ev-1',
      },
    });
  });

  it.each([
    [{}, 'kind'],
    [{ kind: ['selfie'] }, 'kind'],
    [{ kind: ['item_photo', 'video'] }, 'kind'],
    [{ kind: ['item_photo'], findings: ['looks_bad'] }, 'findings'],
    [{ kind: ['item_photo'], findings: [Array(21).fill('item_damaged').join(',')] }, 'findings'],
    [{ kind: ['item_photo'], arbitratorOnly: ['maybe'] }, 'arbitratorOnly'],
    [{ kind: ['item_photo'], evidenceId: ['../x'] }, 'evidenceId'],
    [{ kind: ['item_photo'], supersedes: [''] }, 'supersedes'],
    [{ kind: ['item_photo'], sha256: ['f'.repeat(64)] }, 'sha256'],
  ])('%j is refused on %s', (entries, field) => {
    expect(parse(entries)).toMatchObject({ ok: false, field });
  });
});
