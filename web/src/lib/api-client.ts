/**
 * Fetch wrapper for the Fanbase HTTP API.
 *
 * - JSON in, JSON out, cookies on the same origin.
 * - Every non-2xx answer becomes an `ApiError` parsed from `{error:{code,message,params,details}}`:
 *   `code` is one of the server's error codes (src/core/errors.schemas.ts); show it translated
 *   with `params` (lib/use-api-error.ts), never `message`, which is English for API users.
 * - 204 resolves to `undefined`.
 * - A 401 from a console endpoint (`/api/admin/*`) sends the browser to the console login page;
 *   everything else (fan endpoints, console login/setup) lets the caller decide.
 */

import type { FieldIssue } from '@server/core/errors.schemas.ts';

/** One field's problem: `issue` (and `params`) to translate, `message` in English. */
export type ApiFieldError = Pick<FieldIssue, 'path' | 'message'> & { issue?: string; params?: Record<string, unknown> };

export class ApiError extends Error {
  readonly status: number;
  /** A server error code (`auth.invalid_credentials`), `network_error`, or `http_<status>` when the answer had none. */
  readonly code: string;
  /** The values the code's message needs (`retryAfterSeconds`, `name`…). */
  readonly params: Record<string, unknown>;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown, params: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.params = params;
  }

  /** Field errors of a 400 answer, when the server sent them. */
  get fieldErrors(): ApiFieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter((d): d is ApiFieldError => typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string');
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Code used when the server could not be reached at all. */
export const NETWORK_ERROR = 'network_error';

type UnauthorizedMode = 'redirect' | 'throw';

export interface ApiFetchOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON, unless `contentType` says otherwise: then it must be a string, sent as is. */
  body?: unknown;
  /** e.g. 'text/csv' for an import: the body is the file's text, not JSON. */
  contentType?: string;
  /** Defaults to 'redirect' for `/api/admin/*` and 'throw' elsewhere. */
  onUnauthorized?: UnauthorizedMode;
  signal?: AbortSignal;
  /** Extra request headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
}

export const CONSOLE_LOGIN_PATH = '/console/login';

type UnauthorizedHandler = (returnTo: string) => void;

let unauthorizedHandler: UnauthorizedHandler = (returnTo) => {
  window.location.assign(`${CONSOLE_LOGIN_PATH}?next=${encodeURIComponent(returnTo)}`);
};

/** Lets the router replace the full-page redirect with client-side navigation. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  unauthorizedHandler = handler;
}

let redirecting = false;

export function redirectToConsoleLogin(): void {
  if (redirecting || window.location.pathname === CONSOLE_LOGIN_PATH) return;
  redirecting = true;
  const returnTo = window.location.pathname + window.location.search;
  try {
    unauthorizedHandler(returnTo);
  } finally {
    // Allow a later redirect once this navigation has settled.
    setTimeout(() => {
      redirecting = false;
    }, 500);
  }
}

async function parseError(response: Response): Promise<ApiError> {
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  const error = typeof payload === 'object' && payload !== null && 'error' in payload ? (payload as { error: unknown }).error : null;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details, params } = error as { code?: unknown; message?: unknown; details?: unknown; params?: unknown };
    return new ApiError(
      response.status,
      typeof code === 'string' ? code : `http_${response.status}`,
      typeof message === 'string' ? message : response.statusText,
      details,
      typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : {},
    );
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText || `HTTP ${response.status}`);
}

export async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const { method = 'GET', body, contentType, signal } = options;
  const onUnauthorized = options.onUnauthorized ?? (path.startsWith('/api/admin/') ? 'redirect' : 'throw');

  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['Content-Type'] = contentType ?? 'application/json';
  const payload = body === undefined ? undefined : contentType ? String(body) : JSON.stringify(body);

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR, 'The server could not be reached.');
  }

  if (!response.ok) {
    const error = await parseError(response);
    if (error.status === 401 && onUnauthorized === 'redirect') redirectToConsoleLogin();
    throw error;
  }
  if (response.status === 204) return undefined as T;

  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Builds `?a=1&b=2`, leaving out empty values. */
export function toQueryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
