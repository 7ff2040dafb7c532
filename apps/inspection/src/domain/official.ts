import { z } from 'zod';
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
export const Subject = z.object({
  institutionId: z
    .string()
    .describe(
      'The institution id, or for an unlicensed operator (无证经营) the id of the record that first named it.',
    ),
  licenseId: z.string().optional().describe('The license, for a licensed institution.'),
  name: z.string(),
  district: z.string().describe('The district code, e.g. CN-ZJ-HZ-XH (西湖区).'),
  address: z.string().optional(),
});
export type Subject = z.infer<typeof Subject>;
