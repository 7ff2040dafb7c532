import type { ApiItem } from '@otr/contracts/browser';
import type { Messages } from './i18n';

/** One institution found by the public search, as the directory documents it (generated types). */
export type InstitutionSummary = ApiItem<'/api/v1/public/institutions'>;
/** Families' ratings of an institution: the average to one decimal (null before the first) and how many. */
export type Rating = InstitutionSummary['rating'];

export interface SearchParams {
  q: string;
  district: string;
  category: string;
  scope: string;
  status: string;
  page: number;
  /** The previous page's `next`: the page after it (keyset paging). */
  after?: string;
  /** Near a point, when the family shared its location. */
  near?: { lat: number; lng: number; radiusKm: number };
}

export interface SearchResult {
  /** Null on a page fetched with `after`: the first page's total still holds. */
  total: number | null;
  totalIsCapped: boolean;
  items: InstitutionSummary[];
  /** The cursor of the page that follows, null on the last page. */
  next: string | null;
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
  /** 公示期: shown until `until`, counted from the decision. */
  publication: { until: string; earlyEndFrom: string; source: string };
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
    members: {
      name: string;
      role: 'teacher' | 'other';
      subject: string | null;
      certified: boolean;
      certificateKind: string | null;
    }[];
  };
  feeSupervision: {
    mode: keyof Messages['institution']['supervisionModes'];
    /** The risk reserve (风险保证金) as fee supervision last published it; null before it has. */
    reserve: {
      standing: keyof Messages['institution']['reserve'];
      requiredFen: number;
      heldFen: number;
      asOf: string;
    } | null;
  } | null;
  annualGrades: { year: number; grade: keyof Messages['institution']['inspectionGrades']; total: number }[];
  penalties: Penalty[];
  blacklist: BlacklistEntry[];
  complaints: { total: number; closed: number; resolved: number; resolutionRate: number | null };
  rating: Rating;
  updatedAt: string;
}

export const PAGE_SIZE = 20;

let language = 'zh-CN';
/** The reader's language, which the services answer in (their refusals are zh-CN or English). */
export const answerIn = (locale: string) => void (language = locale);

/** The public directory API behind the gateway. */
async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`/api/public${path}`, { signal, headers: { 'accept-language': language } });
  if (res.status === 404) throw new NotFound();
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

export class NotFound extends Error {}

export function searchInstitutions(p: SearchParams, signal?: AbortSignal) {
  const qs = new URLSearchParams(p.after ? { after: p.after } : { page: String(p.page) });
  qs.set('pageSize', String(PAGE_SIZE));
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

// ---- Complaints (投诉举报): the complaints service's public side, no sign-in ----

export const COMPLAINT_KINDS = ['complaint', 'consultation', 'help'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const COMPLAINT_CATEGORIES = [
  'fees-refunds',
  'safety',
  'teaching-content-times',
  'staff',
  'advertising',
  'unlicensed',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** The body of POST /api/complaints/public/complaints (ComplaintForm in the complaints service). */
export interface ComplaintForm {
  kind: ComplaintKind;
  category: ComplaintCategory;
  subject: { institutionId: string } | { name: string; address: string; activity: string; district: string };
  description: string;
  contact?: { name: string; phone: string };
}

export interface ComplaintReceipt {
  trackingNumber: string;
  /** Shown once: the service keeps only its hash. */
  accessCode: string;
  /** The complaint repeated an open one of the same complainant and was folded into it. */
  merged: boolean;
}

export type ComplaintStatus =
  'accepted' | 'routed' | 'signed' | 'handling' | 'replied' | 'closed' | 'called-back' | 'rated' | 'merged';

/** What the complainant sees with the access code (publicView in the complaints service). */
export interface TrackedComplaint {
  trackingNumber: string;
  kind: ComplaintKind;
  category: ComplaintCategory;
  subject: { kind: 'licensed' | 'unlicensed'; name: string; district: string };
  status: ComplaintStatus;
  filedAt: string;
  /** Working-day deadline for the answer, a China date (YYYY-MM-DD). */
  answerBy?: string;
  /** The lead department once routed. */
  lead?: string;
  round: 1 | 2;
  /** How many evidence files arrived with it. */
  evidenceFiles: number;
  reply?: string;
  canRate: boolean;
  timeline: { at: string; step: string }[];
}

export interface FieldIssue {
  field: string;
  rule: string;
  /** The document the rule comes from (422 refusals cite it). */
  source?: string;
}

/**
 * The service refused the input (400, 409, 422): its problem's `detail`, in the reader's language,
 * and the field issues it names; a refusal naming no field is one issue for the whole form.
 */
export class Refused extends Error {
  readonly issues: FieldIssue[];
  constructor(
    readonly status: number,
    readonly detail: string,
    issues: FieldIssue[] = [],
  ) {
    super(detail);
    this.issues = issues.length ? issues : [{ field: '', rule: detail }];
  }
}
/** A wrong tracking number or access code, or too many wrong codes in a row (locked for a while). */
export class AccessDenied extends Error {}

/** The family's sign-in has expired or is missing (401): sign in again. */
export class SignedOut extends Error {}

/** A JSON call to a service's public side; refusals become Refused, AccessDenied or SignedOut. */
async function serviceCall<T>(
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<T> {
  // A multipart body carries its own content type (with the boundary).
  const raw = body === undefined || body instanceof FormData;
  const res = await fetch(url, {
    method,
    headers: {
      'accept-language': language,
      ...headers,
      ...(raw ? {} : { 'content-type': 'application/json' }),
    },
    body: raw ? body : JSON.stringify(body),
  });
  if (res.ok) return (await res.json()) as T;
  // A problem+json body (docs/integration.md, Errors).
  const problem = (await res.json().catch(() => ({}))) as { detail?: string; errors?: FieldIssue[] };
  if (res.status === 401) throw new SignedOut();
  if (res.status === 403) throw new AccessDenied();
  if ([400, 409, 422].includes(res.status))
    throw new Refused(res.status, problem.detail ?? res.statusText, problem.errors);
  throw new Error(`${method} ${url}: ${res.status}`);
}

const complaintsCall = <T>(
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) => serviceCall<T>(method, `/api/complaints/public/complaints${path}`, headers, body);

/**
 * Files once per Idempotency-Key: a double click or a retry gets the first receipt back. With
 * evidence files it is multipart: the form as JSON in `complaint`, each file in `evidence`.
 */
export function fileComplaint(form: ComplaintForm, idempotencyKey: string, evidence: File[] = []) {
  let body: ComplaintForm | FormData = form;
  if (evidence.length) {
    body = new FormData();
    body.set('complaint', JSON.stringify(form));
    for (const file of evidence) body.append('evidence', file, file.name);
  }
  return complaintsCall<ComplaintReceipt>('POST', '', { 'Idempotency-Key': idempotencyKey }, body);
}

const tracked = (trackingNumber: string) => `/${encodeURIComponent(trackingNumber)}`;

export const trackComplaint = (trackingNumber: string, accessCode: string) =>
  complaintsCall<TrackedComplaint>('GET', tracked(trackingNumber), { 'x-access-code': accessCode });

export const rateComplaint = (
  trackingNumber: string,
  accessCode: string,
  rating: { satisfied: boolean; comment?: string },
) =>
  complaintsCall<{ status: ComplaintStatus }>(
    'POST',
    `${tracked(trackingNumber)}/rating`,
    { 'x-access-code': accessCode },
    rating,
  );

/** A fresh Idempotency-Key (randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

// ---- 我的订单: the fee-supervision service's family side (phone and one-time code) ----

/** One lesson as the service recorded it; the family confirms or disputes a pending one. */
export interface FamilyLesson {
  id: string;
  /** A China date (YYYY-MM-DD). */
  date: string;
  start: string;
  durationMinutes: number;
  hours: number;
  status: 'pending' | 'disputed' | 'released';
  answer: 'confirmed' | 'disputed' | null;
  disputeReason: string | null;
  /** After this day silence counts as confirmation. */
  confirmBy: string;
}

export interface FamilyRefund {
  id: string;
  requestedOn: string;
  reason: string;
  status: 'awaiting-institution' | 'agreed' | 'disputed' | 'paid';
  answerBy: string;
  answerReason: string | null;
  deemed: boolean;
  payBy: string | null;
  paidOn: string | null;
  /** Computed by the service from the ledger once the refund is agreed. */
  amountFen: number | null;
}

/** GET /family/orders (FeesQueries.familyOrders in the fee-supervision service). */
export interface FamilyOrder {
  id: string;
  institutionId: string;
  institutionName?: string;
  studentName: string;
  courseId: string;
  subject: string;
  category: 'subject' | 'non-subject';
  hours: number | null;
  giftHours: number;
  months: number | null;
  amountFen: number;
  courseStartsOn: string;
  placedOn: string;
  status: 'awaiting-payment' | 'paid' | 'refunded' | 'closed';
  /** What the supervised account still holds for this order (paid in − released − refunded). */
  escrowFen: number;
  lessons: FamilyLesson[];
  refunds: FamilyRefund[];
  /** The family's rating of the institution for this order, once given (editable). */
  rating: { stars: number; ratedAt: string } | null;
}

const FAMILY = '/api/fee-supervision/public/family';
const TOKEN_KEY = 'otr.familyToken';

/** The family token lives in this tab's sessionStorage only: closing the tab signs out. */
export const familyToken = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

// The gateway reads Authorization itself, so the family token travels in its own header.
function familyCall<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const token = familyToken.get();
  if (!token) return Promise.reject(new SignedOut());
  return serviceCall<T>(method, `${FAMILY}${path}`, { 'x-family-token': token }, body).catch((e) => {
    if (e instanceof SignedOut) familyToken.clear();
    throw e;
  });
}

export const sendSignInCode = (phone: string) =>
  serviceCall<{ expiresInSeconds: number }>('POST', `${FAMILY}/sign-in/code`, {}, { phone });

export async function signInFamily(phone: string, code: string): Promise<void> {
  const { token } = await serviceCall<{ token: string }>('POST', `${FAMILY}/sign-in`, {}, { phone, code });
  familyToken.set(token);
}

/** The family's orders, newest first; the service answers the list envelope { items, total }. */
export const familyOrders = () =>
  familyCall<{ items: FamilyOrder[]; total: number }>('GET', '/orders').then((page) => page.items);

export const confirmLesson = (lessonId: string) =>
  familyCall<{ status: string; releasedFen: number }>(
    'POST',
    `/lessons/${encodeURIComponent(lessonId)}/confirm`,
  );

export const disputeLesson = (lessonId: string, reason: string) =>
  familyCall<{ status: string }>('POST', `/lessons/${encodeURIComponent(lessonId)}/dispute`, { reason });

/** Rates the institution for one order (paid or refunded), 1 to 5 stars; rating it again replaces the rating. */
export const rateOrder = (orderId: string, stars: number) =>
  familyCall<{ stars: number; ratedAt: string }>('POST', '/ratings', { orderId, stars });

export const requestRefund = (orderId: string, reason: string) =>
  familyCall<{ refundId: string; answerBy: string }>('POST', '/refunds', { orderId, reason });
