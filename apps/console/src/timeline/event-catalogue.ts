/**
 * How the timeline shows each event type: its tone and its key facts, in order. The label is the
 * translation otr.events.<type> (zh-CN.ts, en.ts). A later service adds its event types here and
 * their labels there; an event type not listed still shows, with its type as label and its plain
 * fields as facts. Pure module: jest loads it.
 */
export type Tone = 'info' | 'success' | 'warning' | 'error' | 'neutral';

/** How a fact's value reads: translated through a list of words, a date, or as it is. */
export type FactKind =
  'text' | 'category' | 'scopes' | 'department' | 'district' | 'date' | 'opinion' | 'legalForm' | 'items';

export interface EventSpec {
  tone: Tone | ((payload: Record<string, unknown>) => Tone);
  facts: [key: string, kind: FactKind][];
}

const licenseChange: EventSpec['facts'] = [
  ['licenseNumber', 'text'],
  ['reason', 'text'],
  ['decision', 'text'],
];

export const EVENTS: Record<string, EventSpec> = {
  'registration.ApplicationSubmitted': {
    tone: 'info',
    facts: [
      ['institutionName', 'text'],
      ['category', 'category'],
      ['scopes', 'scopes'],
      ['district', 'district'],
      ['competentDepartment', 'department'],
    ],
  },
  'registration.ApplicationReturned': { tone: 'warning', facts: [['items', 'items']] },
  'registration.OpinionRequested': {
    tone: 'info',
    facts: [
      ['department', 'department'],
      ['dueBy', 'date'],
    ],
  },
  'registration.OpinionGiven': {
    tone: (p) => (p.agrees === false ? 'warning' : 'success'),
    facts: [
      ['department', 'department'],
      ['agrees', 'opinion'],
      ['reasons', 'text'],
    ],
  },
  'registration.ApplicationRejected': { tone: 'error', facts: [['reasons', 'text']] },
  'registration.ApplicationApproved': { tone: 'success', facts: [] },
  'registration.LicenseIssued': {
    tone: 'success',
    facts: [
      ['licenseNumber', 'text'],
      ['institutionName', 'text'],
      ['legalForm', 'legalForm'],
      ['category', 'category'],
      ['scopes', 'scopes'],
      ['address', 'text'],
      ['validFrom', 'date'],
      ['validUntil', 'date'],
    ],
  },
  'registration.LicenseSuspended': { tone: 'warning', facts: licenseChange },
  'registration.LicenseReinstated': { tone: 'success', facts: licenseChange },
  'registration.LicenseRevoked': { tone: 'error', facts: licenseChange },
  'registration.LicenseExpired': {
    tone: 'neutral',
    facts: [
      ['licenseNumber', 'text'],
      ['validUntil', 'date'],
    ],
  },
  'registration.LicenseRenewed': {
    tone: 'success',
    facts: [
      ['licenseNumber', 'text'],
      ['validUntil', 'date'],
    ],
  },
};

/** The services whose events reach the timeline, for the filter (the first part of an event type). */
export const SERVICES = ['registration', 'inspection', 'fees', 'complaints'] as const;

export const serviceOf = (type: string) => type.split('.')[0];

export const eventTypes = (service?: string) =>
  Object.keys(EVENTS).filter((t) => !service || serviceOf(t) === service);

export interface Fact {
  key: string;
  kind: FactKind;
  value: unknown;
}

const plain = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);

/** The key facts of one event, in the catalogue's order; for an unknown type, its plain fields but no ids. */
export function factsOf(type: string, payload: Record<string, unknown> | null | undefined): Fact[] {
  const p = payload ?? {};
  const spec = EVENTS[type];
  if (spec)
    return spec.facts
      .filter(([key]) => p[key] !== undefined && p[key] !== null && p[key] !== '')
      .map(([key, kind]) => ({ key, kind, value: p[key] }));
  return Object.entries(p)
    .filter(([key, v]) => plain(v) && v !== '' && !/id$/i.test(key))
    .slice(0, 6)
    .map(([key, value]) => ({ key, kind: 'text' as const, value }));
}

export function toneOf(type: string, payload: Record<string, unknown> | null | undefined): Tone {
  const tone = EVENTS[type]?.tone ?? 'neutral';
  return typeof tone === 'function' ? tone(payload ?? {}) : tone;
}

/** The institution's name as its own events tell it, when the directory entry is not at hand. */
export function institutionNameOf(events: { payload?: unknown }[]): string | undefined {
  for (const e of events) {
    const name = (e.payload as { institutionName?: unknown } | undefined)?.institutionName;
    if (typeof name === 'string' && name) return name;
  }
  return undefined;
}
