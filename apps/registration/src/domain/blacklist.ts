import { LicensingRuleViolated } from './errors';

/** An entry of inspection's black list (黑名单) as registration keeps it for the applicant check. */
export interface BlacklistEntry {
  entryId: string;
  subjectName: string;
  legalRepresentative?: string;
  decisionNumber: string;
  removableOn: string;
}

const CREDIT_RULE = '教育部令第53号；国办发〔2022〕25号 (失信惩戒)';

/** Names compare without spaces and full-width brackets, so 「(杭州)」 and 「（杭州）」 match. */
const normalise = (name: string) =>
  name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();

/** An applicant (the institution or its legal representative) listed and not yet removable is refused. */
export function assertNotBlacklisted(
  applicant: { institutionName: string; legalRepresentative: string },
  entries: BlacklistEntry[],
  today: string,
): void {
  for (const e of entries.filter((x) => today < x.removableOn)) {
    if (normalise(e.subjectName) === normalise(applicant.institutionName)) {
      throw new LicensingRuleViolated(
        `${applicant.institutionName} is on the black list (${e.decisionNumber})`,
        {
          field: 'institutionName',
          rule: 'an applicant on the black list is refused',
          source: CREDIT_RULE,
        },
      );
    }
    if (
      e.legalRepresentative &&
      normalise(e.legalRepresentative) === normalise(applicant.legalRepresentative)
    ) {
      throw new LicensingRuleViolated(
        `legal representative ${applicant.legalRepresentative} is on the black list (${e.decisionNumber})`,
        {
          field: 'legalRepresentative',
          rule: 'an applicant on the black list is refused',
          source: CREDIT_RULE,
        },
      );
    }
  }
}
