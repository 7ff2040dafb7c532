/**
 * Links into an institution's timeline, and the names of institutions the user has opened, so the
 * picker can show a name rather than an id. Pure module (sessionStorage only when present).
 */
export interface KnownInstitution {
  id: string;
  name: string;
  licenseNumber?: string | null;
  district?: string;
}

const KEY = 'otr.institutions';

/** The console route of one institution's timeline. */
export const timelineRoute = (institutionId: string) =>
  `/timeline?filter=${encodeURIComponent(JSON.stringify({ institutionId }))}`;

function known(): Record<string, KnownInstitution> {
  try {
    return JSON.parse(globalThis.sessionStorage?.getItem(KEY) ?? '{}');
  } catch {
    return {};
  }
}

export function rememberInstitution(i: KnownInstitution): void {
  try {
    const all = known();
    all[i.id] = { id: i.id, name: i.name, licenseNumber: i.licenseNumber, district: i.district };
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(all));
  } catch {
    // storage full or disabled: the picker shows the id instead
  }
}

export const knownInstitution = (id: string | undefined): KnownInstitution | undefined =>
  id ? known()[id] : undefined;
