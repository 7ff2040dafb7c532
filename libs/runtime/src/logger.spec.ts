import { Writable } from 'node:stream';
import { createLogger } from './logger';

/** Logs what one call writes, parsed. */
function logged(write: (log: ReturnType<typeof createLogger>) => void): Record<string, unknown> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  write(createLogger('test', sink));
  return JSON.parse(lines.join(''));
}

describe('the logger keeps personal data out of the logs (个人信息保护法 第51条)', () => {
  it('redacts a family phone number given at the top level, as the development code sender logs it', () => {
    const line = logged((log) => log.info({ phone: '13800138000', code: '123456' }, 'sign-in code'));
    expect(JSON.stringify(line)).not.toContain('13800138000');
    expect(line.phone).toBe('[redacted]');
    // the development sender's code stays readable: it is how the demo signs a family in
    expect(line.code).toBe('123456');
  });

  it('redacts phone, identity number and personal names at any depth, in arrays too', () => {
    const line = logged((log) =>
      log.info(
        {
          complaint: { complainant: { name: '王小明', phone: '13900139000', idNumber: '330106199001011234' } },
          staff: [{ name: '李老师', idNumber: '110101199003074477' }],
          password: 'hunter2',
        },
        'deep',
      ),
    );
    const text = JSON.stringify(line);
    for (const secret of ['王小明', '13900139000', '330106199001011234', '李老师', '110101199003074477', 'hunter2'])
      expect(text).not.toContain(secret);
    expect(line.msg).toBe('deep');
  });

  it('keeps what is not personal: the service, the message, other fields', () => {
    const line = logged((log) => log.info({ institutionId: 'i-1', count: 3 }, 'ok'));
    expect(line).toMatchObject({ service: 'test', institutionId: 'i-1', count: 3, msg: 'ok' });
  });
});
