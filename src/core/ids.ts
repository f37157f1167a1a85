import { randomBytes, createHash, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** A random, URL-safe secret (session cookies, invitation links, API tokens). */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Secrets are stored only as their SHA-256; a leaked table cannot be replayed. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
