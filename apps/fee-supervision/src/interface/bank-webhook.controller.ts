import {
  BeforeApplicationShutdown,
  Controller,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { Server } from 'node:http';
import express, { raw, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { Public } from '@otr/auth';
import { FEES_LOG } from '../application/fees-context';
import { PaymentWebhooks } from '../application/payments';

type Result = Awaited<ReturnType<PaymentWebhooks['receive']>>;

/** The bank's answer for an outcome: 401 not the bank's, 422 a money time out of its window, 503 retry later. */
export function webhookAnswer(result: Result): { status: number; body: object } {
  switch (result.outcome) {
    case 'forged':
    case 'stale':
      return { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: result.reason } };
    case 'invalid':
      return {
        status: 422,
        body: {
          statusCode: 422,
          error: 'fees.InvalidMoneyTime',
          field: result.field,
          message: result.reason,
        },
      };
    case 'unverified':
      // Not acknowledged: the bank keeps the notification and sends it again.
      return { status: 503, body: { statusCode: 503, error: 'ServiceUnavailable', message: result.reason } };
    default:
      return { status: 200, body: result };
  }
}

const receive = (webhooks: PaymentWebhooks, req: Request) =>
  webhooks.receive({
    rawBody: Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '',
    timestamp: req.header('x-bank-timestamp'),
    signature: req.header('x-bank-signature'),
    idempotencyKey: req.header('x-idempotency-key'),
  });

/**
 * Where the custodian bank posts payment notifications when no callback port of its own is set
 * (tests, a single process); the raw body is kept for the HMAC (see the module's configure).
 */
@Controller('bank/webhooks')
@Public()
export class BankWebhookController {
  constructor(private readonly webhooks: PaymentWebhooks) {}

  @Post('payments')
  async payment(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const answer = webhookAnswer(await receive(this.webhooks, req));
    res.status(answer.status);
    return answer.body;
  }
}

export const BANK_CALLBACK = Symbol('BankCallbackAddress');

/**
 * The bank's callback on an address of its own (FEES_BANK_CALLBACK_PORT, bound to
 * FEES_BANK_CALLBACK_HOST, 127.0.0.1 unless set): only the bank connects there, and the service's
 * public port then has no /bank route at all, so nothing the gateway forwards can reach it.
 */
@Injectable()
export class BankCallbackListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server?: Server;

  constructor(
    private readonly webhooks: PaymentWebhooks,
    @Inject(BANK_CALLBACK) private readonly address: { port: number; host: string } | null,
    @Inject(FEES_LOG) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.address) return;
    const app = express();
    app.disable('x-powered-by');
    app.post('/bank/webhooks/payments', raw({ type: '*/*', limit: '64kb' }), (req, res, next) => {
      receive(this.webhooks, req)
        .then((result) => {
          const answer = webhookAnswer(result);
          res.status(answer.status).json(answer.body);
        })
        .catch(next);
    });
    app.use((_req: Request, res: Response) => res.status(404).json({ statusCode: 404, error: 'NotFound' }));
    const { port, host } = this.address;
    this.server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(port, host, () => resolve(s)).once('error', reject);
    });
    this.log.info({ port, host }, 'bank callback listening');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
