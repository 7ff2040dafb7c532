import type { PenaltyPublicationRule } from '../domain/penalty-publication';

export const DIRECTORY_PRISMA = Symbol('DirectoryPrisma');
/** The publication period of penalties for a district on a day (PenaltyPublicationSource). */
export const PENALTY_PUBLICATION = Symbol('PenaltyPublication');
/** The service's clock: what "today" is for the publication periods. */
export const DIRECTORY_CLOCK = Symbol('DirectoryClock');

/** Where the publication period of penalties comes from: the jurisdiction rulebook. */
export interface PenaltyPublicationSource {
  forDistrict(district: string, on: string): PenaltyPublicationRule;
}
