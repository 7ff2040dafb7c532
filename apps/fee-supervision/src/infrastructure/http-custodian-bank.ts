import { BankStatement, CustodianBank } from '../application/ports';
import { BankPayment } from '../domain';

/** The custodian bank over HTTP (the bank simulator in development and tests). */
export class HttpCustodianBank implements CustodianBank {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  async instruct(instruction: Parameters<CustodianBank['instruct']>[0]): Promise<{ bankReference: string }> {
    return this.call('POST', '/instructions', instruction);
  }

  async statement(accountNo: string, date: string): Promise<BankStatement> {
    return this.call('GET', `/statements/${encodeURIComponent(accountNo)}?date=${date}`);
  }

  async payment(reference: string): Promise<BankPayment | null> {
    const res = await this.fetch('GET', `/payments/${encodeURIComponent(reference)}`);
    if (res.status === 404) return null;
    return this.json<BankPayment>(res, 'GET', '/payments');
  }

  private fetch(method: string, path: string, body?: unknown) {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-bank-api-key': this.apiKey },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  }

  private async json<T>(res: Response, method: string, path: string): Promise<T> {
    if (!res.ok) throw new Error(`bank ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.json<T>(await this.fetch(method, path, body), method, path);
  }
}
