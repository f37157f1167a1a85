import { ERROR_CODES, type ErrorBody, type ErrorCode, type ErrorParams, type FieldIssue } from './errors.schemas.ts';

export type { ErrorBody, ErrorCode, ErrorParams, FieldIssue, FieldIssueCode } from './errors.schemas.ts';

type Options = {
  /** A more specific English message than the catalogue's (API users, logs, the CLI). */
  message?: string;
  details?: FieldIssue[];
};

/** A code without parameters takes none; one with parameters must be given them. */
type Args<C extends ErrorCode> =
  Record<string, never> extends ErrorParams<C> ? [params?: ErrorParams<C>, options?: Options] : [params: ErrorParams<C>, options?: Options];

/**
 * One error type for the whole application. Services throw AppError with a code from the
 * catalogue (errors.schemas.ts) and that code's parameters; the HTTP error handler answers
 * {"error":{"code","message","params","details"}} with the code's status; the CLI prints the message.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  /** The HTTP status the code answers with. */
  readonly status: number;
  readonly params: ErrorParams<C>;
  readonly details: FieldIssue[] | undefined;

  constructor(code: C, ...[params, options]: Args<C>) {
    const p = (params ?? {}) as ErrorParams<C>;
    super(options?.message ?? (ERROR_CODES[code].message as (p: ErrorParams<C>) => string)(p));
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.params = p;
    this.details = options?.details;
  }

  toBody(): { error: ErrorBody } {
    return errorBody(this.code, this.params, this.message, this.details);
  }
}

/** The one shape of every error answer. */
export const errorBody = (code: ErrorCode, params: Record<string, unknown>, message: string, details?: FieldIssue[]): { error: ErrorBody } => ({
  error: { code, message, params, ...(details === undefined ? {} : { details }) },
});

export const notFound = (code: ErrorCode & `${string}.not_found`, message?: string) => new AppError(code, {}, { message });

export const forbidden = (message?: string) => new AppError('auth.forbidden', {}, { message });

export const unauthenticated = (message?: string) => new AppError('auth.unauthenticated', {}, { message });
