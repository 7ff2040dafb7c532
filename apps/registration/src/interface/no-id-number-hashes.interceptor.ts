import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { map, Observable } from 'rxjs';
import { withoutIdNumberHashes } from '../domain/filings';

/**
 * Every answer of registration leaves without identity-number hashes, at any depth: the keyed HMAC
 * is for matching inside the service; only the masked number (330106********123X) is shown.
 */
@Injectable()
export class NoIdNumberHashes implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(map((body) => withoutIdNumberHashes(body)));
  }
}
