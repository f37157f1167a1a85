import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * How requests are logged. `json`: Fastify's own two JSON records a request at `info`
 * (production: a log collector wants them). `line`: one short line a request at `debug`, so a
 * terminal shows them only with LOG_LEVEL=debug; errors stay at `error` either way.
 */
export type RequestLogStyle = 'json' | 'line';

class LineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = `${request.method} ${request.url} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)} ms`;
    if (error) reply.log.error({ err: error }, line);
    else reply.log.debug(line);
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.debug(`no route for ${request.method} ${request.url}`);
  }
}

/** Fastify's `logController` option for a style; undefined keeps Fastify's own. */
export const requestLogController = (style: RequestLogStyle): LogController | undefined => (style === 'line' ? new LineRequestLog() : undefined);
