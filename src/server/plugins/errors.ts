import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.ts';
import { lingerOnClose } from './lingering-close.ts';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

const send = (reply: FastifyReply, status: number, body: ErrorBody) => reply.status(status).send(body);

/** Framework errors a client can cause, mapped to stable codes. */
const CLIENT_ERRORS: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.body_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.empty_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid_content_length',
};

/**
 * The one error handler: every API error answers {"error":{"code","message","details"}}.
 * 5xx are logged in full and their details hidden.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) => {
    // Refused mid-body (413): answer, then close without cutting the client off unread.
    if (!req.raw.complete && reply.getHeader('connection') === 'close') lingerOnClose(req);
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, err.message);
      return send(reply, err.status, {
        error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const part = (err as FastifyError).validationContext ?? 'body';
      const details = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || part,
        in: part,
        message: v.message ?? 'is invalid',
      }));
      const first = details[0]!;
      return send(reply, 400, {
        error: { code: 'validation_failed', message: `${first.in}.${first.path}: ${first.message}`, details },
      });
    }
    const fe = err as FastifyError;
    const status = fe.statusCode ?? 500;
    if (status === 429) {
      return send(reply, 429, { error: { code: 'rate_limited', message: fe.message } });
    }
    if (status >= 400 && status < 500) {
      const code = CLIENT_ERRORS[fe.code] ?? (status === 404 ? 'not_found' : 'bad_request');
      return send(reply, status, { error: { code, message: fe.message } });
    }
    req.log.error({ err }, 'request failed');
    return send(reply, 500, { error: { code: 'internal', message: 'Internal server error' } });
  });
}
