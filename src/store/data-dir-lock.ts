import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirError } from './errors.ts';

// PGlite is PostgreSQL in this process: a second process opening the same directory (a second
// `settle serve`, or `settle ledger check` run beside the server) would write the same files
// with no shared memory or locks between them, and corrupt the cluster. The first process takes
// this lock; the others stop with a readable message. A lock left by a process that died
// (SIGKILL, power loss) names a pid that no longer runs, and is taken over.

export const LOCK_FILE = 'settle.lock';

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = holderOf(path);
      // This very process counts too: two PGlite instances on one directory corrupt it as well.
      if (holder !== undefined && isRunning(holder)) {
        throw new DataDirError(
          dataDir,
          `${dataDir} is in use by process ${holder}: PGlite serves one process at a time. ` +
            'Stop that process first, or use PostgreSQL (DATABASE_URL) for several processes. ' +
            `If no such process runs, delete ${path}.`,
        );
      }
      // Stale (its process is gone) or unreadable: take it over.
      rmSync(path, { force: true });
    }
  }
  throw new DataDirError(dataDir, `could not take the lock ${path}; another process races for it`);
}

function holderOf(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
