import { createHash } from 'node:crypto';
import {
  ResidentIdNumber,
  ResidentIdNumberField,
  residentIdCheckChar,
  residentIdNumberProblem,
} from './resident-id-number';

const today = new Date('2026-12-07T00:00:00Z');

describe('ResidentIdNumber (公民身份号码, GB 11643-1999)', () => {
  it('accepts a number whose check character is right, with a lower-case x normalised', () => {
    expect(residentIdNumberProblem('33010619900101123X', today)).toBeUndefined();
    expect(residentIdNumberProblem(' 33010619900101123x ', today)).toBeUndefined();
    expect(residentIdNumberProblem('11010519491231002X', today)).toBeUndefined();
  });

  it.each([
    ['000000000000000000', 'address code'],
    ['330106199001011234', 'check character'],
    ['330106199002301238', 'date of birth'],
    ['330106203001011234', 'date of birth'],
    ['330106180001011234', 'date of birth'],
    ['33010619900101123', '18-character'],
    ['33010619900101123Y', '18-character'],
  ])('refuses %s: %s', (input, rule) => {
    expect(residentIdNumberProblem(input, today)).toContain(rule);
    expect(() => ResidentIdNumber.parse(input, today)).toThrow(RangeError);
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(residentIdCheckChar('33010619900101123')).toBe('X');
    expect(residentIdCheckChar('33010619850101002')).toBe('8');
  });

  it('shows itself only masked, in strings and JSON', () => {
    const id = ResidentIdNumber.parse('33010619900101123X', today);
    expect(id.masked).toBe('330106********123X');
    expect(String(id)).toBe('330106********123X');
    expect(JSON.stringify({ id })).toBe('{"id":"330106********123X"}');
  });

  it('matches by a keyed HMAC: the same number and key agree, another key does not, a bare hash is not it', () => {
    const id = ResidentIdNumber.parse('33010619900101123X', today);
    expect(id.hmac('k1')).toBe(ResidentIdNumber.parse('33010619900101123x', today).hmac('k1'));
    expect(id.hmac('k1')).not.toBe(id.hmac('k2'));
    expect(id.hmac('k1')).not.toBe(createHash('sha256').update('k1:33010619900101123X').digest('hex'));
    expect(id.hmac('k1')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is a zod field that normalises and names the rule broken', () => {
    expect(ResidentIdNumberField.parse(' 33010619900101123x')).toBe('33010619900101123X');
    const r = ResidentIdNumberField.safeParse('000000000000000000');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toContain('address code');
  });
});
