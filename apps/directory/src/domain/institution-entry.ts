import type {
  InstitutionChanged,
  InstitutionClosed,
  LicenseIssued,
  LicenseRenewed,
  PayloadOf,
} from '@otr/contracts';

/** A registration fact about one institution, as the directory journals it. */
export interface RegistrationFact {
  id: string;
  type: string;
  occurredAt: string;
  payload: unknown;
}

export type LicenseStatus = 'active' | 'suspended' | 'revoked' | 'expired' | 'closed';

/** The public entry of a licensed institution (白名单 when active). */
export interface InstitutionEntry {
  name: string;
  legalForm: string;
  legalRepresentative: string | null;
  category: string;
  scopes: string[];
  district: string;
  address: string;
  location: { lat: number; lng: number } | null;
  licenseNumber: string;
  licenseStatus: LicenseStatus;
  validFrom: string;
  validUntil: string;
  closedOn: string | null;
  lastEventAt: string;
}

const STATUS_AFTER: Record<string, LicenseStatus> = {
  'registration.LicenseSuspended': 'suspended',
  'registration.LicenseReinstated': 'active',
  'registration.LicenseRevoked': 'revoked',
  'registration.LicenseExpired': 'expired',
  'registration.InstitutionClosed': 'closed',
};

/** The registration event types an entry is folded from. */
export const ENTRY_FACT_TYPES = [
  'registration.LicenseIssued',
  'registration.LicenseRenewed',
  'registration.InstitutionChanged',
  ...Object.keys(STATUS_AFTER),
];

/**
 * evolve: one fact applied to the entry. Until the license is known there is no public entry, so
 * any other fact leaves it absent.
 */
export function evolveEntry(entry: InstitutionEntry | null, fact: RegistrationFact): InstitutionEntry | null {
  if (fact.type === 'registration.LicenseIssued') {
    const p = fact.payload as PayloadOf<typeof LicenseIssued>;
    return {
      name: p.institutionName,
      legalForm: p.legalForm,
      legalRepresentative: entry?.legalRepresentative ?? null,
      category: p.category,
      scopes: p.scopes,
      district: p.district,
      address: p.address,
      location: p.location ?? null,
      licenseNumber: p.licenseNumber,
      licenseStatus: 'active',
      validFrom: p.validFrom,
      validUntil: p.validUntil,
      closedOn: null,
      lastEventAt: fact.occurredAt,
    };
  }
  if (!entry) return null;
  const next = { ...entry, lastEventAt: fact.occurredAt };
  switch (fact.type) {
    case 'registration.InstitutionChanged': {
      const c = (fact.payload as PayloadOf<typeof InstitutionChanged>).changes;
      return {
        ...next,
        ...(c.institutionName !== undefined && { name: c.institutionName }),
        ...(c.address !== undefined && { address: c.address }),
        ...(c.district !== undefined && { district: c.district }),
        ...(c.location !== undefined && { location: c.location }),
        ...(c.legalRepresentative !== undefined && { legalRepresentative: c.legalRepresentative }),
        ...(c.scopes !== undefined && { scopes: c.scopes }),
      };
    }
    case 'registration.LicenseRenewed':
      return { ...next, validUntil: (fact.payload as PayloadOf<typeof LicenseRenewed>).validUntil };
    case 'registration.InstitutionClosed':
      return {
        ...next,
        licenseStatus: 'closed',
        closedOn: (fact.payload as PayloadOf<typeof InstitutionClosed>).closedOn,
      };
    default:
      return STATUS_AFTER[fact.type] ? { ...next, licenseStatus: STATUS_AFTER[fact.type] } : entry;
  }
}

/**
 * The entry as of every fact known, applied in the order they happened (arrival order between
 * facts of the same instant), so a late delivery changes nothing the facts do not.
 */
export function foldEntry(factsInArrivalOrder: RegistrationFact[]): InstitutionEntry | null {
  return factsInArrivalOrder
    .map((fact, arrival) => ({ fact, at: Date.parse(fact.occurredAt), arrival }))
    .sort((a, b) => a.at - b.at || a.arrival - b.arrival)
    .reduce<InstitutionEntry | null>((entry, { fact }) => evolveEntry(entry, fact), null);
}
