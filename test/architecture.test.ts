// The layer arrows point inward: src/domain imports nothing outside itself (no node:*, no
// packages, no clock), and each outer layer imports only the layers it may depend on.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

/** Which top-level folders of src/ each layer may import. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  domain: ['domain'],
  store: ['store', 'domain'],
  service: ['service', 'store', 'domain'],
  // The simulator drives the service on a store of its own (bulk-loads quiet orders, reads the
  // report back): a shell beside service, used by http and cli.
  simulation: ['simulation', 'service', 'store', 'domain'],
  http: ['http', 'simulation', 'service', 'domain'],
  cli: ['cli', 'http', 'simulation', 'service', 'store', 'domain'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = text.matchAll(
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  );
  return [...found].map((m) => m[1] ?? m[2] ?? '');
}

function layerOf(file: string): string {
  return relative(SRC, file).split('/')[0] ?? '';
}

describe('architecture', () => {
  it('src/domain imports only src/domain: no node:*, no packages', () => {
    const offences: string[] = [];
    for (const file of sourceFiles(join(SRC, 'domain'))) {
      for (const spec of importsOf(file)) {
        const inside =
          spec.startsWith('.') && resolve(dirname(file), spec).startsWith(join(SRC, 'domain'));
        if (!inside) offences.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('src/domain never reads the wall clock or randomness', () => {
    const offences = sourceFiles(join(SRC, 'domain')).filter((file) =>
      /Date\.now\(|new Date\(\)|Math\.random\(|performance\.now\(/.test(readFileSync(file, 'utf8')),
    );
    expect(offences.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('outer layers import only inward', () => {
    const offences: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const layer = layerOf(file);
      const allowed = ALLOWED[layer];
      if (allowed === undefined) continue;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(SRC)) {
          offences.push(`${relative(ROOT, file)} reaches outside src: ${spec}`);
          continue;
        }
        const targetLayer = layerOf(target);
        if (!allowed.includes(targetLayer))
          offences.push(`${relative(ROOT, file)} (${layer}) imports ${targetLayer}: ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('the checker itself catches a bad import', () => {
    // Guards the guard: a regex that silently matched nothing would pass every check above.
    const all = sourceFiles(join(SRC, 'domain')).flatMap(importsOf);
    expect(all.length).toBeGreaterThan(50);
    expect(all).toContain('../money.ts');
  });
});
