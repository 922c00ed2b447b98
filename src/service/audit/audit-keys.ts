// Where the audit keys live: the private signing key in a file outside the database (created on
// first start, mode 0600), the trusted public keys in a file or a directory of PEM files, also
// outside it. Rotation: a new private key signs new checkpoints; the old public key stays in the
// keyring, so checkpoints it signed still verify (docs/audit.md).
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CheckpointSigner, type Keyring, keyIdOf } from './checkpoint.ts';

export class AuditKeyError extends Error {
  override readonly name = 'AuditKeyError';
}

const PUBLIC_PEM = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;
/** A keyring is a handful of keys; a huge file here is a mistake, not a keyring. */
const KEYRING_FILES_MAX = 1_000;

/**
 * The signer for `file`, creating an Ed25519 key there (mode 0600, never overwritten) when
 * missing. With `keyringDir`, the key's public half is written there too, so a later rotation
 * keeps trusting what this key signed.
 */
export function openSigner(file: string, keyringDir?: string): CheckpointSigner {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw keyError(file, error);
    pem = createKeyFile(file);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw keyError(file, error);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new AuditKeyError(
      `${file} holds a ${key.asymmetricKeyType} key; an Ed25519 key is needed`,
    );
  const signer = new CheckpointSigner(key);
  if (keyringDir !== undefined) trustPublicKey(keyringDir, createPublicKey(key));
  return signer;
}

function createKeyFile(file: string): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  mkdirSync(dirname(file), { recursive: true });
  try {
    // 'wx': never overwrite; a process that lost the race reads the winner's key instead.
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8');
    throw keyError(file, error);
  }
}

/** Writes `<dir>/<keyId>.pem` unless it is there already. */
export function trustPublicKey(dir: string, key: KeyObject): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${keyIdOf(key)}.pem`);
  const pem = key.export({ type: 'spki', format: 'pem' }).toString();
  try {
    writeFileSync(file, pem, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw keyError(file, error);
  }
}

/**
 * The trusted keys in `paths` (PEM files, possibly several keys each, or directories of
 * `*.pem` files), plus the public half of any private key file given. A missing path adds
 * nothing; an unreadable key is an error, never silently skipped.
 */
export function loadKeyring(
  paths: readonly string[],
  privateKeyFiles: readonly string[] = [],
): Keyring {
  const keyring = new Map<string, KeyObject>();
  const add = (key: KeyObject) => keyring.set(keyIdOf(key), key);
  for (const path of paths) for (const key of publicKeysAt(path)) add(key);
  for (const file of privateKeyFiles) {
    let pem: string;
    try {
      pem = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    try {
      add(createPublicKey(createPrivateKey(pem)));
    } catch (error) {
      throw keyError(file, error);
    }
  }
  return keyring;
}

function publicKeysAt(path: string): KeyObject[] {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith('.pem'))
          .sort()
          .slice(0, KEYRING_FILES_MAX)
          .map((name) => join(path, name))
      : [path];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw keyError(path, error);
  }
  return files.flatMap((file) => {
    const blocks = readFileSync(file, 'utf8').match(PUBLIC_PEM) ?? [];
    return blocks.map((pem) => {
      try {
        const key = createPublicKey(pem);
        if (key.asymmetricKeyType !== 'ed25519')
          throw new Error(`not Ed25519 but ${key.asymmetricKeyType}`);
        return key;
      } catch (error) {
        throw keyError(file, error);
      }
    });
  });
}

function keyError(path: string, error: unknown): AuditKeyError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AuditKeyError(`audit key ${path}: ${reason}`);
}
