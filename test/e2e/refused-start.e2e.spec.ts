import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Starts a service as production would, with the given environment only; its exit code and output. */
function start(service: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${service}/src/main.ts`], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

// Nothing listens on port 1: a service that got as far as connecting would say so, not refuse.
const nowhere = { DATABASE_URL: 'postgresql://otr@127.0.0.1:1/otr', KAFKA_BROKERS: '127.0.0.1:1' };

describe('a service in production refuses to start without its secrets', () => {
  it('names every missing secret and exits before it opens anything', async () => {
    const { code, output } = await start('registration', nowhere);
    expect(code).toBe(2);
    expect(output).toContain('GATEWAY_SIGNING_SECRET is not set');
    expect(output).toContain('OTR_ID_PEPPER is not set');
  }, 60_000);

  it('refuses a placeholder left in a deployment file', async () => {
    const { code, output } = await start('complaints', {
      ...nowhere,
      GATEWAY_SIGNING_SECRET: 'CHANGE-ME-TO-A-RANDOM-32-CHARACTER-SECRET',
      COMPLAINTS_IDENTITY_KEY: 'CHANGE-ME-32-bytes-hex-or-base64',
      COMPLAINTS_HOTLINE_KEYS: 'hz-12345:plain-key',
    });
    expect(code).toBe(2);
    expect(output).toContain('GATEWAY_SIGNING_SECRET is a placeholder');
    expect(output).toContain('COMPLAINTS_IDENTITY_KEY must be 32 bytes');
    expect(output).toContain('COMPLAINTS_HOTLINE_KEYS');
  }, 60_000);
});
