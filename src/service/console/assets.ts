// The web console's built files (web/dist): built on start when missing or stale, so
// `npm ci && npm start` on a fresh clone serves the console with no separate build step, and a
// restart on unchanged sources only hashes them (a few milliseconds) and builds nothing. Vite is
// imported only when a build is needed: it stays out of the start-up module graph
// (src/cli/startup-imports.test.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const WEB_ROOT = join(REPO_ROOT, 'web');
export const CONSOLE_DIST = join(WEB_ROOT, 'dist');
const HASH_FILE = '.source-hash';

/** Everything the bundle is built from: the console, the pure domain and client it imports. */
const SOURCES = ['web', 'src/domain', 'src/client'];
const SOURCE_FILES = ['package-lock.json'];
const SKIPPED = new Set(['dist', 'node_modules', 'test-results']);

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !SKIPPED.has(e.name) && !e.name.startsWith('dist.'))
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return listFiles(path);
      return e.name.endsWith('.test.ts') || e.name.endsWith('.test.tsx') ? [] : [path];
    });
}

/** SHA-256 over the sources' paths and bytes: equal hashes build equal bundles. */
export function consoleSourceHash(root = REPO_ROOT): string {
  const files = [
    ...SOURCES.flatMap((d) => listFiles(join(root, d))),
    ...SOURCE_FILES.map((f) => join(root, f)).filter((f) => existsSync(f)),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function builtHash(dist = CONSOLE_DIST): string | undefined {
  try {
    return readFileSync(join(dist, HASH_FILE), 'utf8').trim();
  } catch {
    return undefined;
  }
}

export interface EnsureResult {
  readonly built: boolean;
  readonly hash: string;
}

/**
 * Builds the console when web/dist is missing or was built from other sources. Several
 * processes may race here (tests start servers side by side): each builds into its own folder
 * and swaps it in; a loser whose swap fails keeps the winner's identical output.
 */
export async function ensureConsoleBuilt(
  log: (message: string) => void = () => {},
): Promise<EnsureResult> {
  const hash = consoleSourceHash();
  if (builtHash() === hash) return { built: false, hash };
  log('building the web console (its sources changed or it was never built)');
  const out = `${CONSOLE_DIST}.${process.pid}-${Date.now()}`;
  const { build } = await import('vite');
  await build({
    configFile: join(WEB_ROOT, 'vite.config.ts'),
    root: WEB_ROOT,
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true },
  });
  await precompress(out);
  await writeFile(join(out, HASH_FILE), hash);
  if (builtHash() === hash) {
    await rm(out, { recursive: true, force: true });
    return { built: true, hash };
  }
  const old = `${CONSOLE_DIST}.old-${process.pid}-${Date.now()}`;
  await rename(CONSOLE_DIST, old).catch(() => undefined);
  try {
    await rename(out, CONSOLE_DIST);
  } catch {
    await rm(out, { recursive: true, force: true });
  }
  await rm(old, { recursive: true, force: true });
  return { built: true, hash };
}

/** A .gz beside each text asset, served to browsers that accept gzip. */
async function precompress(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  for (const e of entries) {
    if (!e.isFile() || !/\.(js|css|html|svg|json)$/.test(e.name)) continue;
    const path = join(e.parentPath, e.name);
    const bytes = await readFile(path);
    if (bytes.length > 1024) await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  }
}

/**
 * ensureConsoleBuilt in a child process: what `settle serve` calls. Vite and Rollup take a few
 * hundred megabytes while they build, and a process never hands its heap back, so a server that
 * built in-process carried that for its whole life (PostgreSQL serve: ~600 MB idle instead of
 * ~215). A restart on unchanged sources only hashes them here, without a child.
 */
export async function ensureConsoleBuiltApart(
  log: (message: string) => void = () => {},
): Promise<EnsureResult> {
  const hash = consoleSourceHash();
  if (builtHash() === hash) return { built: false, hash };
  log('building the web console in a child process (its sources changed or it was never built)');
  const { spawn } = await import('node:child_process');
  const self = new URL(import.meta.url).href;
  const code = `const m = await import(${JSON.stringify(self)}); await m.ensureConsoleBuilt();`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (status, signal) =>
      status === 0
        ? resolve()
        : reject(new Error(`the console build exited with ${status ?? signal}`)),
    );
  });
  return { built: true, hash };
}
