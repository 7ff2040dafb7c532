import { BankStatement, CustodianBank } from '../application/ports';

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

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-bank-api-key': this.apiKey },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`bank ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}
