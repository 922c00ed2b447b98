import { type JsonTree, toJsonTree } from './json-codec.ts';

// The bytes we hash must not depend on property insertion order, on the driver, or on how jsonb
// reorders keys when stored. Canonical form: object keys sorted by UTF-16 code units, no
// whitespace, bigints tagged exactly as the codec tags them.

export function canonicalJson(value: unknown): string {
  return write(toJsonTree(value));
}

function write(tree: JsonTree): string {
  if (tree === null || typeof tree !== 'object') return JSON.stringify(tree);
  if (Array.isArray(tree)) return '[' + tree.map(write).join(',') + ']';
  const keys = Object.keys(tree).sort();
  return (
    '{' + keys.map((key) => JSON.stringify(key) + ':' + write(tree[key] ?? null)).join(',') + '}'
  );
}
