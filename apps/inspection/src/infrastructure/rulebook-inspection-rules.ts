import { Rulebook } from '@otr/rules';
import { InspectionRules, InspectionRulesSource } from '../application/ports';

/** Resolves the inspection and penalty parameters for a district from the jurisdiction rulebook. */
export class RulebookInspectionRules implements InspectionRulesSource {
  constructor(private readonly rulebook: Rulebook) {}

  forDistrict(district: string, on: Date): InspectionRules {
    const at = { jurisdiction: district, on };
    const r = <K extends Parameters<Rulebook['resolve']>[0]>(key: K) => this.rulebook.resolve(key, at);
    const sheet = r('inspection.scoreSheet');
    const thresholds = r('inspection.gradeThresholds');
    const revoke = r('inspection.consecutiveFailsToRevoke');
    const exempt = r('inspection.excellentExemptYears');
    const removal = r('blacklist.defaultRemovalMonths');
    const multiple = r('penalties.unlicensed.incomeMultiple');
    const disguised = r('penalties.disguisedSubjectTraining');
    return {
      grading: {
        sheet: sheet.value,
        thresholds: thresholds.value,
        consecutiveFailsToRevoke: revoke.value,
        excellentExemptYears: exempt.value,
        source: {
          sheet: sheet.entry.source,
          thresholds: thresholds.entry.source,
          revoke: revoke.entry.source,
          exempt: exempt.entry.source,
        },
      },
      rectificationWorkingDays: r('inspection.rectificationWorkingDays').value,
      minInspectors: r('inspection.spotCheck.minInspectors').value,
      spotCheckRatio: r('inspection.spotCheck.ratio').value,
      blacklistRemovalMonths: { months: removal.value, source: removal.entry.source },
      fines: {
        unlicensedMultiple: { ...multiple.value, source: multiple.entry.source },
        disguised: { ...disguised.value, source: disguised.entry.source },
      },
    };
  }
}
