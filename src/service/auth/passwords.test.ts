// Goal: passwords are stored as argon2id hashes, verified only by the right password, and a
// missing or broken hash fails closed instead of throwing.
import { describe, expect, it } from 'vitest';
import { AuthInputError } from './errors.ts';
import { hashPassword, PASSWORD_LENGTH_MIN, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('hashes with argon2id, salted, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse battery');
    expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(a, 'correct horse batterY')).toBe(false);
  });

  it(`refuses passwords shorter than ${PASSWORD_LENGTH_MIN} characters with a clear message`, async () => {
    await expect(hashPassword('short')).rejects.toThrow(AuthInputError);
    await expect(hashPassword('x'.repeat(PASSWORD_LENGTH_MIN - 1))).rejects.toThrow(
      /at least 12 characters/,
    );
    await expect(hashPassword('x'.repeat(PASSWORD_LENGTH_MIN))).resolves.toMatch(/^\$argon2id\$/);
  });

  it('fails closed for a user without a password, a corrupt hash and an oversized password', async () => {
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false);
    const h = await hashPassword('correct horse battery');
    expect(await verifyPassword(h, 'x'.repeat(5_000))).toBe(false);
  });
});
