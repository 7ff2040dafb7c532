import type { Logger } from 'pino';
import { SignInCodeSender } from '../application/ports';

/** Development sender: writes the code to the service log instead of sending an SMS. */
export class LoggingCodeSender implements SignInCodeSender {
  constructor(private readonly log: Logger) {}

  async send(phone: string, code: string): Promise<void> {
    this.log.info({ phone, code }, 'family sign-in code (development sender: no SMS sent)');
  }
}

/** Hands the code to an SMS gateway over HTTP (POST { phone, code }), e.g. the operator's 短信 platform adapter. */
export class HttpCodeSender implements SignInCodeSender {
  constructor(private readonly url: string) {}

  async send(phone: string, code: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone, code }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}
