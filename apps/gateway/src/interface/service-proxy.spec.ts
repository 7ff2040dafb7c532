import type { Request } from 'express';
import { CLIENT_HEADER, reachesBankCallback, rewriteHeaders, serviceProxy } from './service-proxy';

describe('the headers a service is sent', () => {
  it('replace a client-sent x-otr-client with the address the gateway saw (per-client quotas trust it)', () => {
    const req = {
      ip: '203.0.113.7',
      socket: { remoteAddress: '203.0.113.7' },
      headers: { [CLIENT_HEADER]: '198.51.100.1', authorization: 'Bearer x', 'x-otr-principal': 'forged' },
    } as unknown as Request;
    rewriteHeaders(req, 'signed');
    expect(req.headers[CLIENT_HEADER]).toBe('203.0.113.7');
    expect(req.headers.authorization).toBeUndefined();
    expect(req.headers['x-otr-principal']).toBe('signed');
  });
});

describe('the custodian bank’s callback behind the gateway', () => {
  const operator = {
    userId: 'op-1',
    name: '机构经办人',
    roles: ['institution-operator'],
    jurisdiction: 'CN-ZJ-HZ-XH',
    institutionId: '00000000-0000-4000-8000-000000000001',
  };
  const through = async (url: string, principal: unknown = operator) => {
    const out: { status?: number; body?: unknown; next?: boolean } = {};
    const res = {
      locals: {},
      status(code: number) {
        out.status = code;
        return this;
      },
      json(body: unknown) {
        out.body = body;
        return this;
      },
      // What a problem+json answer sets besides: its media type, language and Vary.
      type() {
        return this;
      },
      set() {
        return this;
      },
      vary() {
        return this;
      },
    };
    const req = {
      method: 'POST',
      path: url.split('?')[0],
      originalUrl: url,
      principal,
      headers: {},
      acceptsLanguages: () => false,
    };
    await serviceProxy()(req as never, res as never, () => (out.next = true));
    return out;
  };

  it('is reached by no gateway path, however spelt, even for a signed-in operator', async () => {
    for (const url of [
      '/api/fee-supervision/bank/webhooks/payments',
      '/api/fee-supervision/BANK/webhooks/payments',
      '/api/fee-supervision//bank/webhooks/payments',
      '/api/fee-supervision/%62ank/webhooks/payments',
      '/api/fee-supervision/%2562ank/webhooks/payments',
      '/api/fee-supervision/orders/..%2F..%2Fbank/webhooks/payments',
      '/api/fee-supervision/public/../bank/webhooks/payments',
    ]) {
      expect({ url, status: (await through(url)).status }).toEqual({ url, status: 404 });
    }
  });

  it('tells the bank path apart from paths that only look like it', () => {
    expect(reachesBankCallback('/bank')).toBe(true);
    expect(reachesBankCallback('/orders/../bank/webhooks')).toBe(true);
    expect(reachesBankCallback('/bankruptcies')).toBe(false);
    expect(reachesBankCallback('/orders?note=/bank/webhooks')).toBe(false);
    expect(reachesBankCallback('/accounts/x/balances')).toBe(false);
  });
});
