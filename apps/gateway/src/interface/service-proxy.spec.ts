import type { Request } from 'express';
import { CLIENT_HEADER, rewriteHeaders } from './service-proxy';

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
