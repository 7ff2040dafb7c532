export interface InstitutionSummary {
  id: string;
  name: string;
  category: keyof import('./i18n').Messages['categories'];
  scopes: ('offline' | 'online')[];
  district: string;
  address: string;
  licenseNumber: string | null;
  licenseStatus: keyof import('./i18n').Messages['statuses'];
  validUntil: string | null;
}

export interface SearchParams {
  q: string;
  district: string;
  category: string;
  scope: string;
  page: number;
}

export const PAGE_SIZE = 20;

/** The public directory API behind the gateway. */
export async function searchInstitutions(p: SearchParams, signal?: AbortSignal) {
  const qs = new URLSearchParams({ page: String(p.page), pageSize: String(PAGE_SIZE) });
  for (const key of ['q', 'district', 'category', 'scope'] as const) if (p[key]) qs.set(key, p[key]);
  const res = await fetch(`/api/public/institutions?${qs}`, { signal });
  if (!res.ok) throw new Error(`search failed: ${res.status}`);
  return (await res.json()) as { total: number; items: InstitutionSummary[] };
}
