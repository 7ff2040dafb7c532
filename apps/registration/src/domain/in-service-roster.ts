import { residentIdHmac } from '@otr/kernel';
import { LicensingRuleViolated } from './errors';

const IN_SERVICE_BAN = '中办发〔2021〕40号；教师〔2018〕16号 (严禁在职中小学教师有偿补课)';

/**
 * Identity numbers are compared by a keyed HMAC-SHA-256 (the server's OTR_ID_PEPPER as key), so
 * neither the roster nor the staff files keep them in clear, and the value never leaves the service
 * (a published hash of a number with a ~30,000-guess search space is the number). The trailing
 * check letter is upper-cased first.
 */
export const hashIdNumber = (idNumber: string, key: string): string => residentIdHmac(idNumber, key);

/** A teacher on the in-service school teacher roster (在职中小学教师名册), imported by an administrator. */
export interface InServiceTeacher {
  idNumberHash: string;
  name: string;
  school: string;
}

/** Refuses staff who teach in a school; `matches` are the roster entries found for the staff given. */
export function assertNoneInService(
  staff: { name: string; idNumberHash: string }[],
  matches: InServiceTeacher[],
  at = 'staff',
): void {
  const byHash = new Map(matches.map((m) => [m.idNumberHash, m]));
  const i = staff.findIndex((s) => byHash.has(s.idNumberHash));
  if (i < 0) return;
  throw new LicensingRuleViolated(
    `${staff[i].name} is an in-service teacher at ${byHash.get(staff[i].idNumberHash)!.school}`,
    {
      field: at === 'staff' ? `staff.${i}.idNumber` : `${at}.idNumber`,
      rule: 'in-service school teachers may not teach in training institutions',
      source: IN_SERVICE_BAN,
    },
  );
}

/** A filed staff member as the roster check sees them. */
export interface FiledStaff {
  staffId: string;
  licenseId: string;
  name: string;
  idNumberHash: string;
  /** Already reported as in service, so a re-import does not report them twice. */
  flaggedInService: boolean;
}

/** After a roster import: the filed staff newly found on it, each to be reported to inspection once. */
export function newlyDetected(
  staff: FiledStaff[],
  roster: InServiceTeacher[],
): { staff: FiledStaff; school: string }[] {
  const byHash = new Map(roster.map((r) => [r.idNumberHash, r]));
  return staff
    .filter((s) => !s.flaggedInService && byHash.has(s.idNumberHash))
    .map((s) => ({ staff: s, school: byHash.get(s.idNumberHash)!.school }));
}
