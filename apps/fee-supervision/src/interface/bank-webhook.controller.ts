import { Controller, Headers, HttpCode, Post, Req, UnauthorizedException } from '@nestjs/common';
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
    return result;
  }
}
