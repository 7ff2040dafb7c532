import { Rulebook } from '@otr/rules';
import { LicensingRulesSource } from '../application/ports';
import { LicensingRules } from '../domain/licensing-rules';

/** Resolves the licensing parameters for a district from the jurisdiction rulebook. */
export class RulebookLicensingRules implements LicensingRulesSource {
  constructor(private readonly rulebook: Rulebook) {}

  forDistrict(district: string, on: Date): LicensingRules {
    const at = { jurisdiction: district, on };
    const cite = <T>(r: { value: T; entry: { source: string } }) => ({
      value: r.value,
      source: r.entry.source,
    });
    return {
      minAreaPerStudent: cite(this.rulebook.resolve('venue.minAreaPerStudent', at)),
      newSubjectApprovalsAllowed: cite(this.rulebook.resolve('licensing.newSubjectApprovalsAllowed', at)),
      licenseValidityYears: cite(this.rulebook.resolve('licensing.validityYears', at)),
      onlineLessonMaxMinutes: cite(this.rulebook.resolve('training.onlineLessonMaxMinutes', at)),
      approvalRequirements: cite(this.rulebook.resolve('licensing.approvalRequirements', at)),
    };
  }
}
