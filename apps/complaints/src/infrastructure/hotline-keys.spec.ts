import { createHash } from 'node:crypto';
import { HotlineKeys } from './hotline-keys';

const sha = (key: string) => createHash('sha256').update(key).digest('hex');

describe('the hotline systems’ API keys', () => {
  it('knows each configured system by its key, kept only as a SHA-256', () => {
    const keys = new HotlineKeys({
      COMPLAINTS_HOTLINE_KEYS: `hz-12345:${sha('key-of-hangzhou')}, xh-12345:${sha('key-of-xihu')}`,
    });
    expect(keys.identify('key-of-hangzhou')).toBe('hz-12345');
    expect(keys.identify('key-of-xihu')).toBe('xh-12345');
    expect(keys.identify(sha('key-of-xihu'))).toBeUndefined(); // the hash is not the key
    expect(keys.identify('')).toBeUndefined();
    expect(keys.identify(undefined)).toBeUndefined();
  });

  it('has no built-in hotline: with none configured it refuses to start', () => {
    expect(() => new HotlineKeys({})).toThrow(/COMPLAINTS_HOTLINE_KEYS is not set/);
  });

  it('refuses a configuration that is not <system>:<sha-256 hex>', () => {
    expect(() => new HotlineKeys({ COMPLAINTS_HOTLINE_KEYS: 'hz-12345:plain-key' })).toThrow(
      /COMPLAINTS_HOTLINE_KEYS/,
    );
  });
});
