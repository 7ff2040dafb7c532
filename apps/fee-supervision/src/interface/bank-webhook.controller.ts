import {
  Controller,
  Headers,
  HttpCode,
  Post,
  Req,
  ServiceUnavailableException,
  UnauthorizedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Request } from 'express';
import { Public } from '@otr/auth';
import { PaymentWebhooks } from '../application/payments';

/** Where the custodian bank posts payment notifications; the raw body is kept for the HMAC (see the module's configure). */
@Controller('bank/webhooks')
@Public()
export class BankWebhookController {
  constructor(private readonly webhooks: PaymentWebhooks) {}

  @Post('payments')
  @HttpCode(200)
  async payment(
    @Req() req: Request,
    @Headers('x-bank-timestamp') timestamp?: string,
    @Headers('x-bank-signature') signature?: string,
    @Headers('x-idempotency-key') idempotencyKey?: string,
  ) {
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const result = await this.webhooks.receive({ rawBody, timestamp, signature, idempotencyKey });
    if (result.outcome === 'forged' || result.outcome === 'stale')
      throw new UnauthorizedException(result.reason);
    if (result.outcome === 'invalid')
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'fees.InvalidMoneyTime',
        field: result.field,
        message: result.reason,
      });
    // Not acknowledged: the bank keeps the notification and sends it again.
    if (result.outcome === 'unverified') throw new ServiceUnavailableException(result.reason);
    return result;
  }
}
