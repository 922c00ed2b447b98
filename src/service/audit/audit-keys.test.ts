// The signing key is created once, private to its owner (0600), never overwritten, and its
// public half lands in the default keyring, so checkpoints it signed keep verifying after a
// rotation; a keyring directory or file yields every Ed25519 key in it.
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadKeyring, openSigner } from './audit-keys.ts';
import { checkSignature } from './checkpoint.ts';

it('creates the key file 0600 once and keeps trusting a rotated-out key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'settle-audit-'));
  const keyFile = join(dir, 'audit-key.pem');
  const keyring = join(dir, 'audit-public-keys');
  const first = openSigner(keyFile, keyring);
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  expect(openSigner(keyFile, keyring).keyId).toBe(first.keyId); // read again, not replaced
  const old = first.sign({ disputeId: 'd-1', seq: 3, headHash: 'a'.repeat(64), signedAt: 0 });
  // Rotation: a new key file; the old public key stays in the keyring directory.
  const second = openSigner(join(dir, 'audit-key-2.pem'), keyring);
  expect(second.keyId).not.toBe(first.keyId);
  expect(readdirSync(keyring).sort()).toEqual([`${first.keyId}.pem`, `${second.keyId}.pem`].sort());
  const trusted = loadKeyring([keyring]);
  expect(checkSignature(old, trusted)).toBe('valid');
  expect(checkSignature({ ...old, seq: 4 }, trusted)).toBe('bad_signature');
  expect(checkSignature(old, loadKeyring([join(keyring, `${second.keyId}.pem`)]))).toBe(
    'unknown_key',
  );
});
