import { NotAllowed } from './errors';

/** An official acting on a record: who, from which department, over which jurisdiction. */
export interface Official {
  userId: string;
  department?: string;
  jurisdiction: string;
}

/** A district code lies within a jurisdiction when it is that jurisdiction or below it. */
export const within = (district: string, jurisdiction: string) =>
  district === jurisdiction || district.startsWith(`${jurisdiction}-`);

export function assertJurisdiction(by: Official, district: string): void {
  if (!within(district, by.jurisdiction))
    throw new NotAllowed(`${district} is outside your jurisdiction ${by.jurisdiction}`, {
      field: 'district',
      rule: 'an official acts within their jurisdiction',
    });
}

/** The subject of an enforcement record: a licensed institution, or an unlicensed operator at an address. */
export interface Subject {
  /** The institution id, or for an unlicensed operator the id of the record that first named it. */
  institutionId: string;
  licenseId?: string;
  name: string;
  district: string;
  address?: string;
}
