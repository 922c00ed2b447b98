import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE } from './data-dir-lock.ts';
import { DataDirError } from './errors.ts';

// PGlite happily initialises a cluster inside any directory it is given, and a half-written
// cluster (a crash during initdb) fails later with an opaque WASM error. We refuse both up front
// so an operator who mistyped SETTLE_DATA_DIR never gets a database sprinkled over their files.

const HINT = 'point SETTLE_DATA_DIR at an empty or existing Settle directory';

/** Files a complete PostgreSQL/PGlite cluster always has, besides PG_VERSION. */
const CLUSTER_MARKERS = ['global/pg_control', 'base'] as const;

/** Throws `DataDirError` unless `dataDir` is missing, empty, or a complete cluster. */
export function assertUsableDataDir(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  if (!statSync(dataDir).isDirectory()) {
    throw new DataDirError(dataDir, `${dataDir} is not a directory; ${HINT}`);
  }
  // Our own lock file alone does not make a directory foreign (see data-dir-lock.ts).
  const entries = readdirSync(dataDir).filter((entry) => entry !== LOCK_FILE);
  if (entries.length === 0) return;
  if (!entries.includes('PG_VERSION')) {
    throw new DataDirError(
      dataDir,
      `${dataDir} is not a Settle data directory: it contains files but no PG_VERSION; ${HINT}`,
    );
  }
  const missing = CLUSTER_MARKERS.filter((marker) => !existsSync(join(dataDir, marker)));
  if (missing.length > 0) {
    throw new DataDirError(
      dataDir,
      `${dataDir} is a half-initialised data directory (PG_VERSION present but missing ` +
        `${missing.join(', ')}), probably from an interrupted first start; move it aside or ` +
        `delete it and start again, or ${HINT}`,
    );
  }
}
