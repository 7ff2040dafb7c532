import { DomainError } from '@otr/kernel';

/**
 * Jurisdictions as paths: CN (national) › CN-ZJ (province) › CN-ZJ-HZ (city) › CN-ZJ-HZ-XH
 * (district; counties and county-level cities too). The parent of a code is the code without
 * its last segment, so the hierarchy needs no lookup table.
 */
export type JurisdictionLevel = 'national' | 'province' | 'city' | 'district';

export class InvalidJurisdiction extends DomainError {
  readonly code = 'rules.InvalidJurisdiction';
}

const CODE = /^CN(-[A-Z0-9]+){0,3}$/;
const LEVELS: readonly JurisdictionLevel[] = ['national', 'province', 'city', 'district'];

export const isJurisdictionCode = (code: string): boolean => CODE.test(code);

function checked(code: string): string {
  if (!isJurisdictionCode(code)) throw new InvalidJurisdiction(`not a jurisdiction code: ${code}`);
  return code;
}

export function levelOf(code: string): JurisdictionLevel {
  return LEVELS[checked(code).split('-').length - 1];
}

/** The jurisdiction directly above, or undefined for CN. */
export function parentOf(code: string): string | undefined {
  const c = checked(code);
  return c.includes('-') ? c.slice(0, c.lastIndexOf('-')) : undefined;
}

/** The code and every jurisdiction above it, most specific first. */
export function ancestorsOf(code: string): string[] {
  const out: string[] = [];
  for (let c: string | undefined = checked(code); c; c = parentOf(c)) out.push(c);
  return out;
}

/** Whether code is ancestor itself or lies inside it (an official of ancestor may see it). */
export const isWithin = (code: string, ancestor: string): boolean =>
  checked(code) === checked(ancestor) || code.startsWith(`${ancestor}-`);
