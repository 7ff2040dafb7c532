import type { ApiAnswer, ApiItem } from '@otr/contracts/browser';

/** An application as the work queue lists it, and as the registration service answers it in full. */
export type ApplicationRow = ApiItem<'/api/v1/registration/applications'>;
export type Application = ApiAnswer<'/api/v1/registration/applications/{id}'>;
/** The review, opinion, materials and resubmission commands; the record's `actions` say which the caller may run. */
export type ApplicationCommand = Application['actions'][number];
export type CorrectionItem = Application['corrections'][number];

/** Whether the service offers this command on the record to the caller now (its state, role, 职责分离). */
export const offers = (
  record: { actions?: readonly ApplicationCommand[] } | undefined,
  command: ApplicationCommand,
) => record?.actions?.includes(command) ?? false;

/**
 * What the application screens compute: the words for a correction item's field, the body of a
 * resubmission, and the deadline flags of the approver's work queue. Pure module: jest loads it.
 */

/** The fields an approver may return for correction, each with the key of its label. */
export const CORRECTABLE_FIELDS: Record<string, string> = {
  institutionName: 'resources.applications.fields.institutionName',
  legalForm: 'resources.applications.fields.legalForm',
  category: 'resources.applications.fields.category',
  scopes: 'resources.applications.fields.scopes',
  district: 'resources.applications.fields.district',
  address: 'resources.applications.fields.address',
  'venue.area': 'otr.application.venueArea',
  'venue.maxClassSize': 'otr.application.maxClassSize',
  'venue.fireSafetyAccepted': 'otr.application.fireSafetyAccepted',
  legalRepresentative: 'otr.application.legalRepresentative',
  ageGroups: 'otr.application.ageGroups',
  staff: 'otr.application.staff',
  courses: 'otr.application.courses',
  materials: 'resources.applications.fields.documents',
};

/**
 * The label of a correction item's field: the longest known field it starts with, and the rest
 * of its path with row numbers counted from 1 ("staff.0.certificate" → staff, "#1 certificate").
 */
export function correctionLabel(field: string): { key?: string; rest: string } {
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const key = CORRECTABLE_FIELDS[parts.slice(0, n).join('.')];
    if (key)
      return {
        key,
        rest: parts
          .slice(n)
          .map((p) => (/^\d+$/.test(p) ? `#${Number(p) + 1}` : p))
          .join(' '),
      };
  }
  return { rest: field };
}

export interface StaffRow {
  name?: string;
  idNumber?: string;
  idNumberMasked?: string;
  [field: string]: unknown;
}

/**
 * The corrected form as PUT /applications/:id takes it: a staff member with a new identity
 * number is sent with it, one left blank is kept by the masked number shown (the service keeps the
 * number's keyed hash and never sends it).
 */
export function resubmissionBody<T extends { staff?: StaffRow[] }>(form: T): T {
  return {
    ...form,
    staff: (form.staff ?? []).map(({ idNumber, idNumberMasked, idNumberHash: _legacy, ...rest }) =>
      idNumber?.trim() ? { ...rest, idNumber: idNumber.trim() } : { ...rest, idNumberMasked },
    ),
  };
}

/** Every input path of a form's values ("venue.area", "staff.0.name"), so refusals land next to them. */
export function fieldPaths(values: unknown, prefix = ''): string[] {
  if (values === null || typeof values !== 'object') return prefix ? [prefix] : [];
  const entries = Object.entries(values as Record<string, unknown>);
  const own = prefix ? [prefix] : [];
  return [...own, ...entries.flatMap(([k, v]) => fieldPaths(v, prefix ? `${prefix}.${k}` : k))];
}

export type QueueItem = Partial<Pick<ApplicationRow, 'overdueSteps' | 'pendingOpinions'>>;

/** A flag of the work queue: an overdue step (the decision, or a department's opinion), or an opinion awaited. */
export interface DeadlineFlag {
  kind: 'overdue' | 'pending';
  /** 'decision', or the department whose opinion it is. */
  step: 'decision' | 'opinion';
  department?: string;
}

/** The overdue steps first, then the opinions still awaited within their deadline. */
export function deadlineFlags(item: QueueItem): DeadlineFlag[] {
  const overdue = (item.overdueSteps ?? []).map((s): DeadlineFlag => {
    const [step, department] = s.split(':');
    return step === 'opinion' ? { kind: 'overdue', step, department } : { kind: 'overdue', step: 'decision' };
  });
  const late = new Set(overdue.map((f) => f.department).filter(Boolean));
  const pending = (item.pendingOpinions ?? [])
    .filter((d) => !late.has(d))
    .map((department): DeadlineFlag => ({ kind: 'pending', step: 'opinion', department }));
  return [...overdue, ...pending];
}

export const isOverdueItem = (item: QueueItem) => (item.overdueSteps ?? []).length > 0;
