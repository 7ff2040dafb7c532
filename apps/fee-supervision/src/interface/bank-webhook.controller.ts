import {
  BeforeApplicationShutdown,
  Controller,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  Post,
  Req,
  HttpCode,
} from '@nestjs/common';
import { Server } from 'node:http';
import express, { raw, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { Public } from '@otr/auth';
import { z } from 'zod';
import { ProblemException, ProblemFacts, Refuses, Returns, sendProblem } from '@otr/runtime';
import { FEES_LOG } from '../application/fees-context';
import { PaymentWebhooks } from '../application/payments';

type Result = Awaited<ReturnType<PaymentWebhooks['receive']>>;

/** The bank's refusal for an outcome: 401 not the bank's, 422 a money time out of its window, 503 retry later. */
export function webhookRefusal(result: Result): ProblemFacts | undefined {
  switch (result.outcome) {
    case 'forged':
    case 'stale':
      return { status: 401, code: 'unauthorized', detail: result.reason };
    case 'invalid':
      return {
        status: 422,
        code: 'fees.InvalidMoneyTime',
        detail: result.reason,
        ...(result.field && result.reason ? { errors: [{ field: result.field, rule: result.reason }] } : {}),
      };
    case 'unverified':
      // Not acknowledged: the bank keeps the notification and sends it again.
      return { status: 503, code: 'service-unavailable', detail: result.reason };
  }
}

const receive = (webhooks: PaymentWebhooks, req: Request) =>
  webhooks.receive({
    rawBody: Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '',
    timestamp: req.header('x-bank-timestamp'),
    signature: req.header('x-bank-signature'),
    idempotencyKey: req.header('x-idempotency-key'),
  });

/** The acknowledgement of a notification the service took (applied, known, held or set aside). */
const WebhookAnswer = z.object({
  outcome: z
    .enum(['applied', 'duplicate', 'suspense', 'rejected'])
    .describe(
      'applied: booked to its order; duplicate: already taken; suspense: genuine money no order could take (待查明款项); rejected: not a payment notification for a supervised account.',
    ),
  reason: z.string().optional(),
  field: z.string().optional(),
  suspenseId: z.uuid().optional().describe('The suspense item holding the money, for outcome suspense.'),
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
  @HttpCode(200)
  @Returns(WebhookAnswer)
  @Refuses(401, 503)
  async payment(@Req() req: Request) {
    const result = await receive(this.webhooks, req);
    const refusal = webhookRefusal(result);
    if (refusal) throw new ProblemException(refusal);
    return result;
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
          const refusal = webhookRefusal(result);
          if (refusal) sendProblem(req, res, refusal);
          else res.json(result);
        })
        .catch(next);
    });
    app.use((req: Request, res: Response) => sendProblem(req, res, { status: 404, code: 'not-found' }));
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
