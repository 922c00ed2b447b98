// What `settle serve` loads before it can answer is start-up time (docs/benchmarks.md): no
// TypeScript transpiler at run time (Node strips the types), and the libraries only evidence
// uploads need (sharp, file-type) load with the first upload, not with the server.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const NOT_AT_START_UP = [
  'tsx',
  'typescript',
  'esbuild',
  'sharp',
  'file-type',
  'openapi-typescript',
  // The console is built only when its sources changed (src/service/console/assets.ts).
  'vite',
  'react',
  '@mantine/core',
];

it('loads the whole server without a transpiler, sharp or file-type', () => {
  const dir = mkdtempSync(join(tmpdir(), 'settle-imports-'));
  try {
    const file = join(dir, 'imports.json');
    // serve.ts and the route groups are what `settle serve` imports before it listens.
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        './test/support/record-imports.ts',
        '--input-type=module',
        '-e',
        // Imported, main.ts runs no command: it loads what every command needs.
        "await import('./src/cli/main.ts'); await import('./src/http/routes/index.ts');",
      ],
      { env: { ...process.env, RECORD_IMPORTS_FILE: file }, encoding: 'utf8' },
    );
    expect(child.status, child.stderr).toBe(0);
    const urls = JSON.parse(readFileSync(file, 'utf8')) as string[];
    const packages = new Set(
      urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []),
    );
    expect(packages).toContain('fastify');
    expect(packages).toContain('@electric-sql/pglite');
    for (const name of NOT_AT_START_UP) expect(packages, name).not.toContain(name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
