import { parseUpstreams, Upstreams } from './upstreams';

const a = 'http://10.0.0.1:3001';
const b = 'http://10.0.0.2:3001';

describe('the instances of a service', () => {
  it('reads one or several from the setting', () => {
    expect(parseUpstreams(`${a}/, ${b}`)).toEqual([a, b]);
    expect(parseUpstreams(a)).toEqual([a]);
  });

  it('sends requests round the instances in turn', () => {
    const up = new Upstreams([a, b], async () => true);
    expect([up.pick(), up.pick(), up.pick()]).toEqual([a, b, a]);
  });

  it('sets aside an instance that failed until its readiness probe answers, then takes it back', async () => {
    let ready = false;
    const up = new Upstreams([a, b], async () => ready, 5);
    up.failed(a);
    expect([up.pick(), up.pick(), up.pick()]).toEqual([b, b, b]);
    ready = true;
    await new Promise((r) => setTimeout(r, 30));
    expect(new Set([up.pick(), up.pick()])).toEqual(new Set([a, b]));
  });

  it('picks another instance for a retry, and still tries one when all are set aside', () => {
    const up = new Upstreams([a, b], async () => false, 60_000);
    expect(up.pick(a)).toBe(b);
    up.failed(a);
    up.failed(b);
    expect([a, b]).toContain(up.pick());
    expect(up.pick(b)).toBe(a);
  });

  it('never sets aside the only instance there is', () => {
    const up = new Upstreams([a], async () => false, 60_000);
    up.failed(a);
    expect(up.pick()).toBe(a);
    expect(up.hasAlternative(a)).toBe(false);
  });
});
