import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** argon2id with the library's maintained defaults (64 MiB, t=3). */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

/**
 * A hash of a random password, made once with the same settings as real ones: an unknown
 * account's sign-in verifies against it, so it does the same work as a wrong password for a
 * known account and its answer takes as long.
 */
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(32).toString('base64url')));

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    await argon2.verify(await dummy(), password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
