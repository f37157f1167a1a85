import { createHmac } from 'node:crypto';

/**
 * The key the festival's proof-of-work challenges are signed with, derived from the session
 * secret: a challenge one server process issued is checked by any other sharing that secret.
 */
export const challengeSecretFor = (sessionSecret: string): string => createHmac('sha256', sessionSecret).update('fanbase festival challenges').digest('hex');
