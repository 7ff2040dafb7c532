import type { Messages } from './i18n';

export interface InstitutionSummary {
  id: string;
  name: string;
  category: keyof Messages['categories'];
  scopes: ('offline' | 'online')[];
  district: string;
  address: string;
  licenseNumber: string | null;
  licenseStatus: keyof Messages['statuses'];
  validUntil: string | null;
  /** Metres from the point searched near. */
  distanceM?: number;
}

export interface SearchParams {
  q: string;
  district: string;
  category: string;
  scope: string;
  status: string;
  page: number;
  /** Near a point, when the family shared its location. */
  near?: { lat: number; lng: number; radiusKm: number };
}

export interface SearchResult {
  total: number;
  totalIsCapped: boolean;
  items: InstitutionSummary[];
}

export interface Course {
  id: string;
  name: string;
  category: string;
  subject: string;
  mode: 'offline' | 'online';
  gradeLevels: string[];
  totalHours: number;
  lessonMinutes: number;
  maxClassSize: number;
  priceFen: number;
}

export interface Penalty {
  decisionNumber: string;
  penaltyType: keyof Messages['penaltyTypes'];
  legalBasis: string;
  fineFen: number | null;
  licenseAction: string;
  reasons: string;
  decidedOn: string;
}

export interface BlacklistEntry {
  institutionId?: string;
  subjectName: string;
  reason: string;
  decisionNumber: string;
  listedOn: string;
  removableOn: string;
}

export interface InstitutionPage {
  id: string;
  name: string;
  legalForm: 'non-profit' | 'for-profit' | null;
  legalRepresentative: string | null;
  category: keyof Messages['categories'];
  scopes: ('offline' | 'online')[];
  district: string;
  address: string;
  location: { lat: number; lng: number } | null;
  license: {
    number: string | null;
    status: keyof Messages['statuses'];
    validFrom: string | null;
    validUntil: string | null;
    closedOn: string | null;
  };
  courses: Course[];
  staff: {
    teachers: number;
    certifiedTeachers: number;
    otherStaff: number;
    bySubject: { subject: string; teachers: number; certified: number }[];
  };
  penalties: Penalty[];
  blacklist: BlacklistEntry[];
  updatedAt: string;
}

export const PAGE_SIZE = 20;

/** The public directory API behind the gateway. */
async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`/api/public${path}`, { signal });
  if (res.status === 404) throw new NotFound();
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

export class NotFound extends Error {}

export function searchInstitutions(p: SearchParams, signal?: AbortSignal) {
  const qs = new URLSearchParams({ page: String(p.page), pageSize: String(PAGE_SIZE) });
  for (const key of ['q', 'district', 'category', 'scope', 'status'] as const)
    if (p[key]) qs.set(key, p[key]);
  if (p.near) {
    qs.set('lat', p.near.lat.toFixed(5));
    qs.set('lng', p.near.lng.toFixed(5));
    qs.set('radiusKm', String(p.near.radiusKm));
  }
  return getJson<SearchResult>(`/institutions?${qs}`, signal);
}

export const getInstitution = (id: string, signal?: AbortSignal) =>
  getJson<InstitutionPage>(`/institutions/${encodeURIComponent(id)}`, signal);

export function getBlacklist(q: string, page: number, signal?: AbortSignal) {
  const qs = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (q) qs.set('q', q);
  return getJson<{ total: number; items: BlacklistEntry[] }>(`/blacklist?${qs}`, signal);
}

/** Open data downloads (CSV with a BOM for spreadsheets, or JSON). */
export const openDataUrl = (list: 'white' | 'revoked' | 'black', format: 'csv' | 'json') =>
  `/api/public/open-data/${list}.${format}?download`;
