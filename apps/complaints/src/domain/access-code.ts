import { scryptSync, timingSafeEqual } from 'node:crypto';
import { chinaDate } from '@otr/kernel';

/** Randomness is injected so the codes are testable; production passes crypto.randomBytes. */
export type RandomBytes = (n: number) => Uint8Array;

/** Crockford base32: 32 symbols, no I, L, O or U to misread over the phone (12345). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ACCESS_CODE_LENGTH = 8; // 40 bits; the API layer limits attempts per tracking number.

function symbols(random: RandomBytes, n: number): string {
  const bytes = random(n);
  if (bytes.length !== n) throw new RangeError(`expected ${n} random bytes, got ${bytes.length}`);
  // 256 is a multiple of 32, so masking keeps every symbol equally likely.
  return Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
}

/** 受理编号 like TS20260930-7K3M9Q: public, printed on the receipt, not a secret. */
export const newTrackingNumber = (random: RandomBytes, at: Date): string =>
  `TS${chinaDate(at).replaceAll('-', '')}-${symbols(random, 6)}`;

/** The secret the complainant (even an anonymous one) needs with the tracking number to follow up. */
export const newAccessCode = (random: RandomBytes): string => symbols(random, ACCESS_CODE_LENGTH);

const normalise = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();
/**
 * scrypt, not a fast hash: 40 bits of code would fall to an offline search of a leaked table in
 * minutes with SHA-256; scrypt (N = 2^14, r = 8) makes each guess cost ~16 MB and milliseconds.
 */
const SCRYPT = { N: 16384, r: 8, p: 1 } as const;
const derive = (salt: string, code: string) => scryptSync(normalise(code), salt, 32, SCRYPT);

/** Only this salted hash is kept: a leaked database must not let anyone read others' complaints. */
export function hashAccessCode(code: string, random: RandomBytes): string {
  const salt = Buffer.from(random(16)).toString('hex');
  return `scrypt:${salt}:${derive(salt, code).toString('hex')}`;
}

/** Constant-time comparison, so response timing does not leak how much of a guess was right. */
export function verifyAccessCode(code: string, stored: string): boolean {
  const [scheme, salt, expected] = stored.split(':');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const wanted = Buffer.from(expected, 'hex');
  const actual = derive(salt, code);
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
}
