// Remembers, beside the signing key and so outside the database, that the first signing of an
// upgraded database (backfill-checkpoints.ts) is done. Without it every start would sign again
// whatever has no checkpoint, and someone who can write to the database could delete a
// dispute's checkpoint, rewrite its events and wait for the next restart to have them blessed.
// With it, a checkpoint missing later stays `no_checkpoint` in `settle audit verify`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The marker's path: next to the key file, where only those who hold the key can write. */
export function firstSigningMarker(auditKeyFile: string): string {
  return join(dirname(auditKeyFile), 'audit-first-signing.json');
}

export function firstSigningDone(auditKeyFile: string): boolean {
  return existsSync(firstSigningMarker(auditKeyFile));
}

export function markFirstSigningDone(auditKeyFile: string, at: number): void {
  const file = firstSigningMarker(auditKeyFile);
  mkdirSync(dirname(file), { recursive: true });
  try {
    // 'wx': the first process to finish writes it; another one racing it changes nothing.
    writeFileSync(file, `${JSON.stringify({ doneAt: new Date(at).toISOString() })}\n`, {
      flag: 'wx',
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
