import { createHmac } from 'node:crypto';

/**
 * The sandbox gateway's signing key, derived from the session secret: every instance sharing
 * that secret verifies every other's notifications (and so does a benchmark that knows it).
 */
export const sandboxSecretFor = (sessionSecret: string): string => createHmac('sha256', sessionSecret).update('fanbase sandbox payments').digest('hex');
