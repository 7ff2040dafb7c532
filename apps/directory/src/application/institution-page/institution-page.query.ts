import { Query } from '@nestjs/cqrs';

/** The public page of one institution: only public fields (资质信息全面公开). */
export interface InstitutionPage {
  id: string;
  name: string;
  category: string;
  scopes: string[];
  district: string;
  address: string;
  location: { lat: number; lng: number } | null;
  license: { number: string | null; status: string; validFrom: string | null; validUntil: string | null };
  updatedAt: string;
}

export class InstitutionPageQuery extends Query<InstitutionPage> {
  constructor(readonly id: string) {
    super();
  }
}
