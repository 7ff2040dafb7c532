import { createHmac } from 'node:crypto';
import { z } from 'zod';

/**
 * The 18-character resident identity number (公民身份号码, GB 11643-1999): a six-digit address code,
 * the date of birth (YYYYMMDD), a three-digit sequence and a check character computed by
 * ISO 7064 MOD 11-2 over the first seventeen digits ('X' stands for 10).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const EARLIEST_BIRTH = '19000101';

/** The check character of the first seventeen digits (ISO 7064 MOD 11-2). */
export const residentIdCheckChar = (first17: string): string =>
  CHECK[[...first17].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i], 0) % 11];

/**
 * HMAC-SHA-256 of a number (trimmed, check letter upper-cased) under a server-side secret key, for
 * matching numbers without keeping them. Never published: without the key it cannot be checked
 * against guessed numbers, which an unkeyed or peppered hash of a 30,000-guess space can.
 */
export const residentIdHmac = (idNumber: string, key: string): string =>
  createHmac('sha256', key).update(idNumber.trim().toUpperCase()).digest('hex');

/** Why a string is not a resident identity number, or undefined when it is one. */
export function residentIdNumberProblem(input: string, today = new Date()): string | undefined {
  const s = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s))
    return 'an 18-character resident identity number (17 digits and a digit or X)';
  if (!/^[1-9]\d{5}$/.test(s.slice(0, 6)) || /^\d{2}0000$/.test(s.slice(0, 6)))
    return 'the first six digits are an address code (GB/T 2260)';
  const birth = s.slice(6, 14);
  const [y, m, d] = [birth.slice(0, 4), birth.slice(4, 6), birth.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!real || birth < EARLIEST_BIRTH || date.getTime() > today.getTime())
    return 'digits 7–14 are a real date of birth, not in the future';
  if (residentIdCheckChar(s.slice(0, 17)) !== s[17])
    return 'the last character is the check character (GB 11643-1999, ISO 7064 MOD 11-2)';
  return undefined;
}

/** A valid resident identity number; kept in memory only, to mask it and key its HMAC. */
export class ResidentIdNumber {
  private constructor(private readonly value: string) {}

  /** Parses (trimmed, check letter upper-cased) or throws a RangeError naming the rule broken. */
  static parse(input: string, today = new Date()): ResidentIdNumber {
    const problem = residentIdNumberProblem(input, today);
    if (problem) throw new RangeError(problem);
    return new ResidentIdNumber(input.trim().toUpperCase());
  }

  /** 330106199001011234 → 330106********1234: the only form an answer or an event may carry. */
  get masked(): string {
    return `${this.value.slice(0, 6)}********${this.value.slice(-4)}`;
  }

  /** The keyed HMAC (residentIdHmac) that matching uses, kept server-side. */
  hmac(key: string): string {
    return residentIdHmac(this.value, key);
  }

  /** Never printed by accident. */
  toString(): string {
    return this.masked;
  }
  toJSON(): string {
    return this.masked;
  }
}

/** The zod field: a valid number, normalised (trimmed, upper-case X); a 400 names the rule broken. */
export const ResidentIdNumberField = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .superRefine((s, ctx) => {
    const problem = residentIdNumberProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
