import { LicenseNumberHeldByAnother } from './errors';

export interface LicenseHolder {
  institutionId: string;
  licenseNumber: string;
}

/**
 * The rule a license event must keep before the directory publishes it: one license number, one
 * licensed institution. `holders` are the institutions holding an active or suspended license
 * under the numbers the events name; `issued` the licenses the events grant, in order (a bulk load
 * may carry several). Returns the first clash, or undefined. Re-issuing to the same institution
 * (a replay, a renewal under the same number) is no clash.
 */
export function licenseNumberClash(
  holders: readonly LicenseHolder[],
  issued: readonly LicenseHolder[],
): LicenseNumberHeldByAnother | undefined {
  const held = new Map(holders.map((h) => [h.licenseNumber, h.institutionId]));
  for (const license of issued) {
    const holder = held.get(license.licenseNumber);
    if (holder && holder !== license.institutionId)
      return new LicenseNumberHeldByAnother(license.licenseNumber, holder, license.institutionId);
    held.set(license.licenseNumber, license.institutionId);
  }
  return undefined;
}
