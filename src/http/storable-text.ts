// PostgreSQL cannot store two things a JSON string can carry: a NUL character (in text columns
// and in jsonb) and a lone UTF-16 surrogate (jsonb refuses "\ud800" without its pair). Caught
// here, every string of every request part is refused with a 422 naming its field before any
// route runs, instead of reaching the database and answering 500. Keys are checked too: they
// end up in jsonb just the same.

export interface UnstorableText {
  /** JSON pointer to the string, e.g. "/items/0/title" ("" for the whole value). */
  readonly instancePath: string;
  readonly reason: string;
}

export const UNSTORABLE_TEXT_KEYWORD = 'storableText';

/** The first string in `data` that cannot be stored, walking iteratively (any depth). */
export function findUnstorableText(data: unknown): UnstorableText | undefined {
  const stack: { readonly value: unknown; readonly path: string }[] = [{ value: data, path: '' }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      const reason = unstorable(value);
      if (reason !== undefined) return { instancePath: path, reason };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    // Pushed in reverse so the first offending field in document order is the one reported.
    const entries = Object.entries(value).reverse();
    for (const [key, child] of entries) {
      const childPath = `${path}/${escapePointer(key)}`;
      const keyReason = unstorable(key);
      if (keyReason !== undefined) return { instancePath: childPath, reason: keyReason };
      stack.push({ value: child, path: childPath });
    }
  }
  return undefined;
}

// Without the u flag a regex sees UTF-16 code units: a high surrogate not followed by a low
// one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorable(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate (not valid Unicode)';
  return undefined;
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
