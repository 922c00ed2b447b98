// One migrated PGlite cluster per test run, loaded by every in-memory test database instead of
// creating a cluster and migrating it again: creating one is most of a test file's set-up on
// PGlite (initdb inside WASM, then every migration). The dump is keyed by the migrations' source
// and the PGlite version, so a changed migration (or another worktree's) builds its own, and it
// is written whole or not at all (rename), so workers racing to build it never read half of one.
import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import { migrate } from '../../src/store/migrate.ts';
import type { Database } from '../../src/store/schema.ts';
import { DEFAULT_SCHEMA } from '../../src/store/store.ts';
import { resultParsers } from '../../src/store/type-parsers.ts';

const MIGRATIONS = new URL('../../src/store/migrations/', import.meta.url);
/** Its version is in it (the package does not export its package.json to `require`). */
const PGLITE_PACKAGE = new URL(
  '../../node_modules/@electric-sql/pglite/package.json',
  import.meta.url,
);

function templatePath(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(PGLITE_PACKAGE));
  for (const name of readdirSync(MIGRATIONS).sort()) {
    hash.update(name);
    hash.update(readFileSync(new URL(name, MIGRATIONS)));
  }
  return join(tmpdir(), `settle-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** Builds the template unless this run's is there already; returns its path. */
export async function ensurePgliteTemplate(): Promise<string> {
  const path = templatePath();
  if (existsSync(path)) return path;
  forgetOldTemplates();
  const pglite = new PGlite({ parsers: { ...resultParsers } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  try {
    await migrate({
      db,
      dialect: 'pglite',
      schema: DEFAULT_SCHEMA,
      rawTransaction: () => Promise.reject(new Error('not for the template')),
      copyTransaction: () => Promise.reject(new Error('not for the template')),
      close: () => db.destroy(),
    });
    const dump = await pglite.dumpDataDir('none');
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  } finally {
    await db.destroy();
  }
  return path;
}

/**
 * Templates built more than a day ago (40 MB each), so old migrations' do not pile up in the
 * temporary folder. Another worktree's fresh one is left alone; one deleted under a run that
 * still needs it is simply built again (a few seconds).
 */
function forgetOldTemplates(): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('settle-pglite-template-')) continue;
    const file = join(tmpdir(), name);
    try {
      if (statSync(file).mtimeMs < dayAgo) rmSync(file, { force: true });
    } catch {
      // Gone already (another worker cleaned it): nothing to do.
    }
  }
}

let template: Promise<Blob> | undefined;

/** The migrated template as a dump to open an in-memory PGlite from (read once per file). */
export function pgliteTemplate(): Promise<Blob> {
  template ??= ensurePgliteTemplate().then((path) => new Blob([readFileSync(path)]));
  return template;
}
