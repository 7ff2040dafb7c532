import { Rulebook } from '@otr/rules';
import { PenaltyPublicationRule } from '../domain/penalty-publication';
import { PenaltyPublicationSource } from '../application/tokens';

/** The publication period of penalties (公示期) for a district, from the jurisdiction rulebook. */
export class RulebookPenaltyPublication implements PenaltyPublicationSource {
  constructor(private readonly rulebook: Rulebook) {}

  forDistrict(district: string, on: string): PenaltyPublicationRule {
    const { value, entry } = this.rulebook.resolve('publication.penaltyMonths', {
      jurisdiction: district,
      on,
    });
    return { ...value, source: entry.source };
  }
}
