// Every key in both languages, and every code the product uses (reasons, statuses, deadlines,
// evidence kinds, findings, actions, rejection codes) has a text in both: a test fails on a
// missing one, so no raw code ever reaches a reader.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { DEADLINE_KINDS } from '../../../src/domain/dispute/deadlines.ts';
import { STATUSES } from '../../../src/domain/dispute/state.ts';
import { PERSON_ACTIONS } from '../../../src/domain/dispute/transitions.ts';
import {
  DISPUTE_REASONS,
  EVIDENCE_KINDS,
  FINDINGS,
  NOT_RECEIVED_SUB_REASONS,
} from '../../../src/domain/reasons.ts';
import { REJECTION_CODES } from '../../../src/domain/rejections.ts';
import { describeError } from '../lib/rejection.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

const LANGUAGES = { en, 'zh-CN': zhCN } as const;

/** Every leaf as [key path, text]; rejection codes hold dots, so paths are joined with '/'. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix === '' ? k : `${prefix}/${k}`),
  );
}

function keysOf(value: unknown): string[] {
  return leaves(value).map(([key]) => key);
}

function lookup(tree: unknown, group: string, key: string): unknown {
  return (tree as Record<string, Record<string, unknown>>)[group]?.[key];
}

const SRC = resolve(import.meta.dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every problem code the server can answer with: the engine's and the shell's own. */
function problemCodes(): string[] {
  const codes = new Set<string>(REJECTION_CODES);
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /problem\(\s*\d{3}(?:\s+as\s+\w+)?,\s*'([a-z_]+(?:\.[a-z_]+)?)'/g,
    ))
      codes.add(m[1] ?? '');
    // Status tables (code: status) and refusal objects ({ code: '...' }).
    for (const m of text.matchAll(/^\s*'([a-z_]+\.[a-z_]+)': \d{3},/gm)) codes.add(m[1] ?? '');
    for (const m of text.matchAll(/\bcode: '([a-z_]+\.[a-z_]+)'/g)) codes.add(m[1] ?? '');
  }
  return [...codes].sort();
}

describe('translations', () => {
  it('has the same keys in both languages, none empty', () => {
    const enKeys = keysOf(en).sort();
    expect(keysOf(zhCN).sort()).toEqual(enKeys);
    for (const [language, tree] of Object.entries(LANGUAGES))
      for (const [key, text] of leaves(tree)) {
        expect(text, `${language}: ${key}`).toBeTypeOf('string');
        expect(String(text).trim(), `${language}: ${key}`).not.toBe('');
      }
  });

  it('names every domain code in both languages', () => {
    const groups: [string, readonly string[]][] = [
      ['reason', DISPUTE_REASONS],
      ['subReason', NOT_RECEIVED_SUB_REASONS],
      ['status', STATUSES],
      ['deadline', DEADLINE_KINDS],
      ['evidenceKind', EVIDENCE_KINDS],
      ['finding', FINDINGS],
      ['action', PERSON_ACTIONS],
    ];
    for (const [language, tree] of Object.entries(LANGUAGES))
      for (const [group, codes] of groups)
        for (const code of codes)
          expect(lookup(tree, group, code), `${language}: ${group}.${code}`).toBeTypeOf('string');
  });

  it('finds the server’s problem codes (the scan itself works)', () => {
    const codes = problemCodes();
    expect(codes).toContain('money.exceeds_refundable');
    expect(codes).toContain('auth.csrf_failed');
    expect(codes).toContain('dispute.busy');
    expect(codes).toContain('evidence.kind_mismatch');
    expect(codes.length).toBeGreaterThan(70);
  });

  it('translates every rejection and problem code in both languages, never showing the code', async () => {
    for (const [language, tree] of Object.entries(LANGUAGES)) {
      const i18n = i18next.createInstance();
      await i18n.init({
        resources: { [language]: { translation: tree } },
        lng: language,
        fallbackLng: false,
        interpolation: { escapeValue: false },
      });
      for (const code of problemCodes()) {
        expect(lookup(tree, 'rejection', code), `${language}: rejection.${code}`).toBeTypeOf(
          'string',
        );
        const text = describeError({ status: 422, code }, i18n.t, language);
        expect(text, `${language}: ${code}`).toBe(lookup(tree, 'rejection', code));
        expect(text).not.toContain(code);
      }
    }
  });
});
