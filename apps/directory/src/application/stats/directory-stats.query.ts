import { Query } from '@nestjs/cqrs';

/** Licensed, active institutions within a jurisdiction, by district and by category (the console's dashboard). */
export interface DirectoryStats {
  total: number;
  byDistrict: { district: string; count: number }[];
  byCategory: { category: string; count: number }[];
}

export class DirectoryStatsQuery extends Query<DirectoryStats> {
  constructor(readonly jurisdiction: string) {
    super();
  }
}
