import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, ensureLocalSecrets, generateSecrets, requireSecrets, secret, SECRETS, SecretName } from '.';

const ALL = Object.keys(SECRETS) as SecretName[];

describe('secrets fail closed', () => {
  it('refuses a process whose secrets are missing, naming every one', () => {
    let refused: unknown;
    try {
      requireSecrets(['ACCESS_TOKEN_SECRET', 'GATEWAY_SIGNING_SECRET'], {});
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(ConfigurationError);
    expect((refused as ConfigurationError).problems).toEqual([
      expect.stringMatching(/^ACCESS_TOKEN_SECRET is not set/),
      expect.stringMatching(/^GATEWAY_SIGNING_SECRET is not set/),
    ]);
  });

  it.each([
    ['the old repository default', 'development-only-access-token-secret-change-me'],
    ['a documentation placeholder', 'CHANGE-ME-TO-A-RANDOM-32-CHARACTER-SECRET'],
    ['a short value', 'short-but-random-Q9x'],
    ['a repetitive value', 'a'.repeat(40)],
  ])('refuses %s as a signing secret', (_, value) => {
    expect(() => secret('ACCESS_TOKEN_SECRET', { ACCESS_TOKEN_SECRET: value })).toThrow(/ACCESS_TOKEN_SECRET/);
  });

  it('takes keys only as 32 bytes, hex or base64', () => {
    expect(() => secret('COMPLAINTS_IDENTITY_KEY', { COMPLAINTS_IDENTITY_KEY: 'CHANGE-ME-32-bytes-hex-or-base64' })).toThrow(
      /COMPLAINTS_IDENTITY_KEY must be 32 bytes/,
    );
    expect(() => secret('COMPLAINTS_IDENTITY_KEY', { COMPLAINTS_IDENTITY_KEY: '00'.repeat(32) })).toThrow(/repetitive/);
    const hex = generateSecrets().COMPLAINTS_IDENTITY_KEY;
    expect(secret('COMPLAINTS_IDENTITY_KEY', { COMPLAINTS_IDENTITY_KEY: hex })).toEqual(Buffer.from(hex, 'hex'));
  });

  it('takes hotline systems only as key hashes', () => {
    expect(() => secret('COMPLAINTS_HOTLINE_KEYS', { COMPLAINTS_HOTLINE_KEYS: 'hz-12345:plain-key' })).toThrow(
      /<system-id>:<sha-256/,
    );
  });

  it('accepts every generated secret, and no two are alike', () => {
    const generated = generateSecrets();
    expect(() => requireSecrets(ALL, generated)).not.toThrow();
    expect(new Set(ALL.map((n) => generated[n])).size).toBe(ALL.length);
  });
});

describe('the embedded default’s local secrets', () => {
  const folder = () => join(mkdtempSync(join(tmpdir(), 'otr-secrets-')), '.data', 'secrets.env');

  it('are generated on first start, kept private, and the same on the next start', () => {
    const file = folder();
    const first: NodeJS.ProcessEnv = {};
    expect(ensureLocalSecrets(file, first).generated).toEqual(expect.arrayContaining(ALL));
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(() => requireSecrets(ALL, first)).not.toThrow();

    const second: NodeJS.ProcessEnv = {};
    expect(ensureLocalSecrets(file, second).generated).toEqual([]);
    for (const name of ALL) expect(second[name]).toBe(first[name]);
  });

  it('leave a variable the environment sets as it is', () => {
    const env: NodeJS.ProcessEnv = { ACCESS_TOKEN_SECRET: generateSecrets().ACCESS_TOKEN_SECRET };
    const given = env.ACCESS_TOKEN_SECRET;
    ensureLocalSecrets(folder(), env);
    expect(env.ACCESS_TOKEN_SECRET).toBe(given);
  });

  it('are never generated in production, where a missing secret stops the process', () => {
    const file = folder();
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'production' };
    expect(ensureLocalSecrets(file, env).generated).toEqual([]);
    expect(() => readFileSync(file)).toThrow();
    expect(() => requireSecrets(ALL, env)).toThrow(ConfigurationError);
  });
});
