import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorBody, type ErrorBody, type ErrorCode } from '../../core/errors.ts';
import { lingerOnClose } from './lingering-close.ts';
import { fieldIssueOf, type ZodValidationEntry } from './validation-issues.ts';

const send = (reply: FastifyReply, status: number, body: { error: ErrorBody }) => reply.status(status).send(body);

/** Framework errors a client can cause, mapped to stable codes. */
const CLIENT_ERRORS: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.body_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.empty_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid_content_length',
};

/**
 * The one error handler: every API error answers {"error":{"code","message","params","details"}}
 * with a code from the catalogue (core/errors.schemas.ts). 5xx are logged in full and their
 * details hidden.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) => {
    // Refused mid-body (413): answer, then close without cutting the client off unread.
    if (!req.raw.complete && reply.getHeader('connection') === 'close') lingerOnClose(req);
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, err.message);
      return send(reply, err.status, err.toBody());
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const part = (err as FastifyError).validationContext ?? 'body';
      const details = (err.validation as ZodValidationEntry[]).map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || part,
        in: part,
        ...fieldIssueOf(v),
        message: v.message ?? 'is invalid',
      }));
      const first = details[0]!;
      return send(reply, 400, errorBody('validation_failed', { path: first.path, in: first.in }, `${first.in}.${first.path}: ${first.message}`, details));
    }
    const fe = err as FastifyError;
    const status = fe.statusCode ?? 500;
    if (status === 429) {
      const retryAfterSeconds = Number(reply.getHeader('retry-after')) || 0;
      return send(reply, 429, errorBody('rate_limited', { retryAfterSeconds }, fe.message));
    }
    if (status >= 400 && status < 500) {
      const code = CLIENT_ERRORS[fe.code] ?? (status === 404 ? 'not_found' : 'bad_request');
      return send(reply, status, errorBody(code, {}, fe.message));
    }
    req.log.error({ err }, 'request failed');
    return send(reply, 500, new AppError('internal').toBody());
  });
}
