import pino, { DestinationStream, Logger } from 'pino';
import { currentContext } from '@otr/messaging';

export type { Logger };

/**
 * Personal data that must never reach a log line (个人信息保护法 第51条): phone numbers, resident
 * identity numbers, people's names, passwords and credentials. Keys are matched case-sensitively as
 * the code names them.
 */
const PERSONAL_KEYS = [
  'password',
  'phone',
  'phoneNumber',
  'mobile',
  'contactPhone',
  'idNumber',
  'idCard',
  'idNumberMasked',
  'name',
  'complainantName',
  'contactName',
  'realName',
  'studentName',
  'staffName',
  'legalRepresentative',
  'email',
];

/**
 * pino's redaction has no "any depth" wildcard (`*.phone` is one level only), so each key is
 * listed at the top level and under up to five levels of objects or arrays.
 */
const MAX_DEPTH = 5;
export const REDACTED_PATHS = [
  ...PERSONAL_KEYS.flatMap((key) => Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => `${'*.'.repeat(depth)}${key}`)),
  'req.headers.authorization',
  'req.headers.cookie',
];

/** Structured JSON logs; every line inside a request or a delivery carries its correlation id. */
export function createLogger(service: string, destination?: DestinationStream): Logger {
  const options = {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service },
    mixin: () => {
      const ctx = currentContext();
      return ctx ? { correlationId: ctx.correlationId } : {};
    },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
