/**
 * One error type for the whole application. Services throw AppError; the HTTP error handler maps
 * its kind to a status and answers {"error":{"code","message","details"}}; the CLI prints it.
 */
export const ERROR_STATUS = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorKind = keyof typeof ERROR_STATUS;

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable, dotted, machine-readable: `fan.email_taken`, `auth.invalid_credentials`. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.kind];
  }
}

export const notFound = (what: string, code = `${what}.not_found`) => new AppError('not_found', code, `${what[0]!.toUpperCase()}${what.slice(1)} not found`);

export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', 'auth.forbidden', message);

export const unauthenticated = (message = 'Sign in first') => new AppError('unauthenticated', 'auth.unauthenticated', message);
