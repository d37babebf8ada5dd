import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Errors whose code says the client sent something wrong. */
const CLIENT_ERRORS: Record<string, number> = {
  CURSOR_INVALID: HttpStatus.BAD_REQUEST,
  PARAMETER_INVALID: HttpStatus.BAD_REQUEST,
};

/** Maps every error to an RFC 9457 problem+json body; a coded error keeps its code. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const code = (error as { code?: unknown }).code;
    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let detail = 'internal error';
    if (error instanceof HttpException) {
      status = error.getStatus();
      const body = error.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : error.message;
    } else if (typeof code === 'string' && CLIENT_ERRORS[code]) {
      status = CLIENT_ERRORS[code];
      detail = (error as Error).message;
    } else if ((error as { statusCode?: unknown }).statusCode === 400) {
      // Fastify's own errors (a malformed JSON body, a wrong content type).
      status = HttpStatus.BAD_REQUEST;
      detail = (error as Error).message;
    } else {
      this.logger.error(`${request.method} ${request.url} failed: ${(error as Error).message}`, (error as Error).stack);
    }
    void reply
      .status(status)
      .header('content-type', 'application/problem+json')
      .send({
        type: 'about:blank',
        title: HttpStatus[status]?.toLowerCase().replaceAll('_', ' ') ?? 'error',
        status,
        detail,
        ...(typeof code === 'string' ? { code } : {}),
        instance: request.url,
      });
  }
}
