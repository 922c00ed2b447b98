// Secrets for sessions and API keys: random bytes from the OS, stored only as SHA-256. A plain
// hash (not argon2) is right here because the secrets are 256 random bits: nothing to guess,
// and every request pays the lookup.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh URL- and cookie-safe secret of `bytes` random bytes. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares two secrets without leaking, through timing, how long a prefix matched. */
export function safeEqual(a: string, b: string): boolean {
  // Hash first so both sides have the same length: timingSafeEqual throws on a length mismatch,
  // and an early length check would itself tell an attacker the length.
  return timingSafeEqual(
    createHash('sha256').update(a).digest(),
    createHash('sha256').update(b).digest(),
  );
}
