import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, DomainErrorKind } from '@otr/kernel';
import type { Logger } from 'pino';
import { isInfrastructureFailure } from '@otr/messaging';
import { ProblemException, ProblemFacts, sendProblem, statusCode, UNAVAILABLE } from './problem';
import { bodyRefused, isClientHttpError } from './validation';

const statusOf: Record<DomainErrorKind, number> = {
  invalid: 422,
  conflict: 409,
  'not-found': 404,
  forbidden: 403,
};

/** A domain refusal: its code, and the field, rule and source document it cites. */
export function domainProblem(error: DomainError): ProblemFacts {
  const { field, rule, source } = error.citation;
  return {
    status: statusOf[error.kind],
    code: error.code,
    detail: error.message,
    ...(field || rule || source
      ? { errors: [{ field: field ?? '(body)', rule: rule ?? error.message, ...(source ? { source } : {}) }] }
      : {}),
  };
}

/** Nest's own exceptions (guards, NotFoundException, the throttler): their status and message. */
function httpProblem(error: HttpException): ProblemFacts {
  const body = error.getResponse() as string | { message?: string | string[] };
  const message = typeof body === 'string' ? body : body.message;
  return {
    status: error.getStatus(),
    code: statusCode(error.getStatus()),
    ...(message ? { detail: Array.isArray(message) ? message.join('; ') : message } : {}),
  };
}

/**
 * Every error becomes a problem+json answer in the caller's language: a domain refusal names the
 * field, the rule and its source document; a body the parsers refuse (too large, not JSON, not the
 * encoding it claims) is the client's 4xx naming the body, never a 500; the database away is a 503
 * with Retry-After.
 */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  constructor(private readonly log: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const send = (facts: ProblemFacts) =>
      sendProblem(http.getRequest<Request>(), http.getResponse<Response>(), facts);
    if (error instanceof DomainError) return send(domainProblem(error));
    // A body parser a service mounts itself (inspection's evidence, the bank webhook's raw bytes).
    if (!(error instanceof HttpException) && isClientHttpError(error)) error = bodyRefused(error);
    if (error instanceof ProblemException) return send(error.facts);
    if (error instanceof HttpException) return send(httpProblem(error));
    if (isInfrastructureFailure(error)) {
      this.log.warn({ err: error }, 'database unavailable; answered 503');
      return send(UNAVAILABLE);
    }
    this.log.error({ err: error }, 'unhandled error');
    send({ status: 500, code: 'internal-server-error', detail: 'internal error' });
  }
}
