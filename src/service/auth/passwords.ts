// Passwords are hashed with argon2id (RFC 9106) at OWASP's minimum parameters: 19 MiB, two
// passes, one lane. Heavier settings would make every sign-in and every test slower for little
// gain at these password lengths.
import { randomBytes } from 'node:crypto';
import { argon2id, hash, verify } from 'argon2';
import { AuthInputError } from './errors.ts';
import { randomToken } from './tokens.ts';

export const PASSWORD_LENGTH_MIN = 12;
/** argon2 accepts anything, but hashing megabytes on an anonymous request invites abuse. */
export const PASSWORD_LENGTH_MAX = 1024;

const OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function checkPasswordRules(password: string): void {
  if (password.length < PASSWORD_LENGTH_MIN)
    throw new AuthInputError(
      `the password must be at least ${PASSWORD_LENGTH_MIN} characters long (got ${password.length})`,
    );
  if (password.length > PASSWORD_LENGTH_MAX)
    throw new AuthInputError(`the password must be at most ${PASSWORD_LENGTH_MAX} characters long`);
}

export async function hashPassword(password: string): Promise<string> {
  checkPasswordRules(password);
  return hash(password, OPTIONS);
}

// A hash of a password nobody knows, made with the same parameters, so an unknown email costs
// the same verification as a wrong password and response times do not reveal which emails exist.
let dummy: Promise<string> | undefined;
/** Made once per process; call early so the first unknown email is not the slow one. */
export function dummyHash(): Promise<string> {
  dummy ??= hash(randomToken(), OPTIONS);
  return dummy;
}

/** True when `password` matches `stored`; a missing hash is verified against a dummy and fails. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (password.length > PASSWORD_LENGTH_MAX) return false;
  if (stored === null) {
    await verify(await dummyHash(), password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash is a broken account, not a reason to answer 500 to a sign-in.
    return false;
  }
}

/** 24 base64url characters (144 bits): well past the minimum length and any guessing. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
