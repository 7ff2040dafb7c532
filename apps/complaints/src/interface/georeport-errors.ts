import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { DomainError } from '@otr/kernel';
import { GeoReportError, GeoReportRefusal, parameterOf } from '../application/hotline/georeport';
import { LOG } from '../application/tokens';

const send = (res: Response, errors: GeoReportError[]) => res.status(errors[0].code).json(errors);

/**
 * Refusals of the GeoReport API as GeoReport writes them: an array of {code, description} with
 * 400, 403 or 404. A domain refusal is a bad request (400) naming the parameter it is about.
 */
@Catch()
export class GeoReportErrors implements ExceptionFilter {
  constructor(@Inject(LOG) private readonly log: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof GeoReportRefusal) return void send(res, error.errors);
    if (error instanceof DomainError) {
      const code = error.kind === 'not-found' ? 404 : 400;
      const { field, rule, source } = error.citation;
      const why = [rule ?? error.message, source].filter(Boolean).join(' — ');
      return void send(res, [{ code, description: `${parameterOf(field)}: ${why}` }]);
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      const status = error.getStatus();
      const code = status === 403 || status === 404 ? status : 400;
      return void send(res, [{ code, description: error.message }]);
    }
    this.log.error({ err: error }, 'GeoReport request failed');
    send(res, [{ code: 500, description: 'internal error' }]);
  }
}
