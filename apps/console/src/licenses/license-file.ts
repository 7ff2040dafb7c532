import type { ApiAnswer, ApiItem } from '@otr/contracts/browser';

/**
 * The pure half of the license screens: the request bodies the registration service expects and
 * readable summaries of requests and the action log. Which commands a license offers is the
 * service's answer (`actions`: its status, the caller's roles, separation of duties); it decides
 * again on every request. No react-admin import, so jest loads it.
 */

/** A license as the list shows it, and its whole file, as the registration service answers them. */
export type License = ApiItem<'/api/v1/registration/licenses'>;
export type LicenseFile = ApiAnswer<'/api/v1/registration/licenses/{id}'>;
export type LicenseStatus = LicenseFile['status'];
/** Approver decisions and operator filings/requests, each a grant in auth/permissions.ts too. */
export type LicenseCommand = LicenseFile['actions'][number];

/** The statuses to filter by, in this order; the compiler holds it to the service's enum. */
const STATUS_ORDER: Record<LicenseStatus, number> = {
  active: 0,
  suspended: 1,
  revoked: 2,
  expired: 3,
  closed: 4,
};
export const LICENSE_STATUSES = Object.keys(STATUS_ORDER) as LicenseStatus[];
export const SCOPES = ['offline', 'online'] as const;
export const GRADE_LEVELS = ['primary', 'junior-secondary', 'senior-secondary', 'adult'] as const;
export const CERTIFICATE_KINDS = [
  'teacher-qualification',
  'sports-coach',
  'arts-professional',
  'science-professional',
] as const;

/** The commands of a license to show, in the screen's order: those the service says the caller may run now. */
export const offeredCommands = <C extends string>(
  order: readonly C[],
  record?: { actions?: readonly C[] },
): C[] => order.filter((c) => record?.actions?.includes(c) ?? false);

/** Fees are kept in integer fen (分); the operator types yuan (元). */
export const fenToYuan = (fen: number | null | undefined): number | '' =>
  fen === null || fen === undefined ? '' : fen / 100;
export const yuanToFen = (yuan: string | number | null | undefined): number | null => {
  if (yuan === null || yuan === undefined || yuan === '') return null;
  const n = Number(yuan);
  return Number.isFinite(n) ? Math.round(n * 100) : null;
};
/** ¥1,200.00 for 120000 fen. */
export const formatFen = (fen: number | null | undefined, locale = 'zh-CN'): string =>
  typeof fen === 'number' ? (fen / 100).toLocaleString(locale, { style: 'currency', currency: 'CNY' }) : '';

const blank = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && !v.length);

/** Only what the operator filled in; trimmed text. */
function filled(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    keys
      .filter((k) => !blank(values[k]))
      .map((k) => [k, typeof values[k] === 'string' ? (values[k] as string).trim() : values[k]]),
  );
}

export const CHANGE_FIELDS = ['institutionName', 'address', 'legalRepresentative', 'scopes'] as const;

/** A change request (变更): only the items the operator changed. */
export const changeRequestBody = (values: Record<string, unknown>) => ({
  kind: 'change' as const,
  changes: filled(values, CHANGE_FIELDS),
});

/** A closure request (终止办学). */
export const closureRequestBody = (values: { closesOn?: string; reason?: string }) => ({
  kind: 'closure' as const,
  closesOn: values.closesOn ?? '',
  reason: values.reason?.trim() ?? '',
});

/** A staff filing (人员备案): the certificate only when one is named; the ID number upper-case. */
export function staffFilingBody(values: {
  name?: string;
  idNumber?: string;
  role?: string;
  subject?: string;
  certificate?: { kind?: string; number?: string; subject?: string };
}) {
  const certificate = values.certificate?.kind
    ? filled(values.certificate, ['kind', 'number', 'subject'])
    : undefined;
  return {
    ...filled(values, ['name', 'role', 'subject']),
    idNumber: (values.idNumber ?? '').trim().toUpperCase(),
    ...(certificate ? { certificate } : {}),
  };
}

/** A decision on a license (暂停/恢复/吊销): the reason and, when given, the decision's document number. */
export const decisionBody = (values: { reason?: string; decision?: string }) =>
  filled(values, ['reason', 'decision']);

export interface Fact {
  /** A key under otr.facts. */
  key: string;
  /** Text, or codes (scopes) the screen translates one by one. */
  value: string | string[];
}

const SHOWN_FACTS = ['closesOn', 'closedOn', 'validUntil', 'reason', 'reasons', 'decision', 'daysBefore'];

/** The points of a change: each changed item of the profile. */
const changeFacts = (changes: Record<string, unknown>): Fact[] =>
  Object.entries(changes).map(([key, v]) => ({ key, value: Array.isArray(v) ? v.map(String) : String(v) }));

/**
 * The points of an action-log entry or a request worth a line on screen: the changes, the
 * reasons, dates, decision numbers, the course or person filed.
 */
export function factsOf(data: unknown): Fact[] {
  if (!data || typeof data !== 'object') return [];
  const d = data as Record<string, unknown>;
  const facts: Fact[] = [];
  const nested = (d.request ?? undefined) as Record<string, unknown> | undefined;
  if (nested && typeof nested === 'object') facts.push(...factsOf(nested));
  if (d.changes && typeof d.changes === 'object')
    facts.push(...changeFacts(d.changes as Record<string, unknown>));
  const course = d.course as { name?: string } | undefined;
  if (course?.name) facts.push({ key: 'course', value: course.name });
  const staff = d.staff as { name?: string; idNumberMasked?: string } | undefined;
  if (staff?.name) facts.push({ key: 'staff', value: `${staff.name} ${staff.idNumberMasked ?? ''}`.trim() });
  for (const key of SHOWN_FACTS)
    if (!blank(d[key]) && typeof d[key] !== 'object') facts.push({ key, value: String(d[key]) });
  return facts;
}
