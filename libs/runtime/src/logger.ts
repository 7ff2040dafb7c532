import pino, { Logger } from 'pino';
import { currentContext } from '@otr/messaging';

export type { Logger };

/** Structured JSON logs; every line inside a request or a delivery carries its correlation id. */
export function createLogger(service: string): Logger {
  return pino({
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service },
    mixin: () => {
      const ctx = currentContext();
      return ctx ? { correlationId: ctx.correlationId } : {};
    },
    redact: { paths: ['*.password', '*.phone', '*.idNumber', 'req.headers.authorization'], censor: '[redacted]' },
  });
}
