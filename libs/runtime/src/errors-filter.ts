import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, DomainErrorKind } from '@otr/kernel';
import type { Logger } from 'pino';
import { bodyRefused, isClientHttpError } from './validation';

const statusOf: Record<DomainErrorKind, number> = {
  invalid: 422,
  conflict: 409,
  'not-found': 404,
  forbidden: 403,
};

/**
 * Domain errors become 4xx answers that name the field, the rule and its source document; a body the
 * parsers refuse (too large, not JSON, not the encoding it claims) is the client's 4xx naming the
 * body, never a 500.
 */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  constructor(private readonly log: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError) {
      res.status(statusOf[error.kind]).json({
        statusCode: statusOf[error.kind],
        error: error.code,
        message: error.message,
        ...error.citation,
      });
      return;
    }
    // A body parser a service mounts itself (inspection's evidence, the bank webhook's raw bytes).
    if (!(error instanceof HttpException) && isClientHttpError(error)) error = bodyRefused(error);
    if (error instanceof HttpException) {
      const body = error.getResponse();
      res
        .status(error.getStatus())
        .json(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
      return;
    }
    this.log.error({ err: error }, 'unhandled error');
    res.status(500).json({ statusCode: 500, error: 'InternalError', message: 'internal error' });
  }
}
