/**
 * The pure half of the inspection screens: statuses, who may do what on a record, and the
 * bodies the inspection service expects. No react-admin import, so jest loads it.
 * The service decides again and cites its rules; these only keep the UI from offering the impossible.
 */

export const INSPECTION_STATUSES = ['to-schedule', 'scheduled', 'closed'] as const;
export const RECTIFICATION_STATUSES = ['ordered', 'reported', 'verified', 'overdue'] as const;
export const PENALTY_STATUSES = ['proposed', 'decided', 'rejected'] as const;
export const BLACKLIST_STATUSES = ['listed', 'removed'] as const;
export const SPOT_CHECK_STATUSES = ['drawn', 'published'] as const;
export const ANNUAL_REPORT_STATUSES = ['submitted', 'graded'] as const;
export const JOINT_CASE_STATUSES = ['open', 'closed'] as const;
export const SEVERITIES = ['minor', 'serious', 'especially-serious'] as const;
export const CATEGORIES = ['subject', 'sports', 'arts', 'science-tech'] as const;
/** The departments of the task force (libs/auth Department). */
export const DEPARTMENTS = [
  'education',
  'market-regulation',
  'public-security',
  'fire',
  'civil-affairs',
  'hrss',
  'health',
  'science',
  'culture-tourism',
  'sports',
] as const;

/** The on-site checklist an inspector starts from (现场检查记录); items can be added or changed. */
export const DEFAULT_CHECKLIST = [
  'license-displayed',
  'fees-publicised',
  'fees-in-supervised-account',
  'staff-qualified',
  'no-in-service-teachers',
  'class-size',
  'training-hours',
  'venue-safety',
  'fire-safety',
  'course-content',
] as const;

export interface ChecklistItem {
  item: string;
  ok: boolean;
  note?: string;
}

interface InspectionLike {
  status: string;
  inspectors?: { userId: string }[];
}

/** The checklist, violations and closing belong to an inspector assigned to a scheduled inspection. */
export const mayWorkOn = (inspection: InspectionLike | undefined, userId: string | undefined) =>
  !!inspection &&
  !!userId &&
  inspection.status === 'scheduled' &&
  (inspection.inspectors ?? []).some((i) => i.userId === userId);

/** The checklist the dialog opens with: what was recorded, else the default items, each complying until unticked. */
export function checklistToEdit(recorded: ChecklistItem[] | undefined, label: (key: string) => string) {
  if (recorded?.length) return recorded.map((i) => ({ ...i, note: i.note ?? '' }));
  return DEFAULT_CHECKLIST.map((key) => ({ item: label(key), ok: true, note: '' }));
}

/** The PUT /inspections/:id/checklist body: blank notes left out. */
export const checklistBody = (items: ChecklistItem[] = []) => ({
  items: items.map(({ item, ok, note }) => ({
    item: item.trim(),
    ok: !!ok,
    ...(note?.trim() ? { note: note.trim() } : {}),
  })),
});

/** A stored evidence file, as POST /evidence answers. */
export interface StoredFile {
  sha256: string;
  contentType: string;
  size?: number;
  filename?: string;
}

/** A datetime-local input's value for an instant, in the browser's time zone. */
export function localDateTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface EvidenceValues {
  evidence?: StoredFile[];
  /** datetime-local, the browser's time zone. */
  takenAt?: string;
  address?: string;
  lat?: number | null;
  lng?: number | null;
}

/** The evidence array the service expects: each file cited by checksum, with when and where it was taken. */
export function evidenceBody(v: EvidenceValues) {
  const takenAt = v.takenAt ? new Date(v.takenAt).toISOString() : new Date().toISOString();
  const place = {
    address: (v.address ?? '').trim(),
    ...(typeof v.lat === 'number' && typeof v.lng === 'number' ? { lat: v.lat, lng: v.lng } : {}),
  };
  return (v.evidence ?? []).map((f) => ({
    sha256: f.sha256,
    contentType: f.contentType,
    ...(f.filename ? { filename: f.filename } : {}),
    takenAt,
    place,
  }));
}

/** POST /inspections/:id/violations. */
export const violationBody = (
  v: EvidenceValues & { code?: string; severity?: string; description?: string },
) => ({
  code: v.code,
  severity: v.severity,
  description: (v.description ?? '').trim(),
  evidence: evidenceBody(v),
});

/** Money: the services count integer fen, people type yuan. */
export const yuanToFen = (yuan: unknown): number | undefined =>
  yuan === '' || yuan === null || yuan === undefined || Number.isNaN(Number(yuan))
    ? undefined
    : Math.round(Number(yuan) * 100);
export const fenToYuan = (fen: unknown): number | '' => (typeof fen === 'number' ? fen / 100 : '');
export const formatFen = (fen: number | undefined | null, locale = 'zh-CN') =>
  typeof fen === 'number'
    ? new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(fen / 100)
    : '—';

/** Which legal fine range applies (第十七条 / 第十八条), from the violations' codes, if any. */
/** The annual report as the operator types it: money in yuan (see annualReportBody). */
export interface AnnualReportValues {
  year?: unknown;
  content?: {
    teaching?: Record<string, unknown>;
    staff?: Record<string, unknown>;
    finances?: { incomeYuan?: unknown; refundsYuan?: unknown; escrowBalanceYuan?: unknown };
    safety?: { fireInspectionPassed?: unknown; incidents?: unknown };
    complaintsReceived?: unknown;
    notes?: unknown;
  };
}

/** The names under which the report's money inputs hold yuan, by the service's fen field. */
export const ANNUAL_REPORT_YUAN_FIELDS = {
  incomeFen: 'incomeYuan',
  refundsFen: 'refundsYuan',
  escrowBalanceFen: 'escrowBalanceYuan',
} as const;

/** POST /annual-reports: the year and the content, money in fen, notes only when written. */
export function annualReportBody(v: AnnualReportValues) {
  const c = v.content ?? {};
  const notes = typeof c.notes === 'string' ? c.notes.trim() : '';
  return {
    year: v.year,
    content: {
      teaching: c.teaching,
      staff: c.staff,
      finances: {
        incomeFen: yuanToFen(c.finances?.incomeYuan),
        refundsFen: yuanToFen(c.finances?.refundsYuan),
        escrowBalanceFen: yuanToFen(c.finances?.escrowBalanceYuan),
      },
      safety: { fireInspectionPassed: !!c.safety?.fireInspectionPassed, incidents: c.safety?.incidents },
      complaintsReceived: c.complaintsReceived,
      ...(notes ? { notes } : {}),
    },
  };
}

export type FineBasis =
  { kind: 'unlicensed-operation' } | { kind: 'disguised-subject-training'; especiallySerious: boolean };
export function fineBasisOf(code: string | undefined, especiallySerious = false): FineBasis | undefined {
  if (code === 'unlicensed-operation') return { kind: 'unlicensed-operation' };
  if (code === 'disguised-subject-training') return { kind: 'disguised-subject-training', especiallySerious };
  return undefined;
}

/** POST /penalties: the fine and its basis only for a fine; yuan typed, fen sent. */
export function proposalBody(v: {
  violationIds?: string[];
  type?: string;
  reasons?: string;
  factsArticle?: string;
  fineYuan?: unknown;
  fineBasis?: string;
  especiallySerious?: boolean;
  illegalIncomeYuan?: unknown;
}) {
  const basis = fineBasisOf(v.fineBasis, !!v.especiallySerious);
  const fineFen = yuanToFen(v.fineYuan);
  const income = yuanToFen(v.illegalIncomeYuan);
  return {
    violationIds: v.violationIds ?? [],
    type: v.type,
    reasons: (v.reasons ?? '').trim(),
    ...(v.factsArticle?.trim() ? { factsArticle: v.factsArticle.trim() } : {}),
    ...(v.type === 'fine' && fineFen !== undefined ? { fineFen } : {}),
    ...(v.type === 'fine' && basis ? { fineBasis: basis } : {}),
    ...(income !== undefined ? { declaredIllegalIncomeFen: income } : {}),
  };
}

interface PenaltyLike {
  status: string;
  proposedBy?: { userId: string };
}
/** Two-person rule (两人以上执法、审批分离): the proposer never decides their own proposal. */
export const mayDecide = (p: PenaltyLike | undefined, userId: string | undefined) =>
  !!p && !!userId && p.status === 'proposed' && p.proposedBy?.userId !== userId;

/** A black-list entry comes off (信用修复) only from its removal date. */
export const removable = (e: { status: string; removableOn: string } | undefined, today: string) =>
  !!e && e.status === 'listed' && e.removableOn <= today;

/** Today in Beijing (YYYY-MM-DD), the calendar the services date their decisions in. */
export const beijingToday = (now = new Date()) =>
  new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A rectification is shown as overdue once escalated, or when still open past its deadline. */
export const isOverdue = (r: { status: string; dueBy: string }, today: string) =>
  r.status === 'overdue' || (r.status === 'ordered' && r.dueBy < today);

export interface ScoreSheet {
  indicators: { key: string; name: string; maxPoints: number }[];
  vetoItems: { key: string; name: string }[];
}
export interface GradeThresholds {
  excellent: number;
  pass: number;
  basicPass: number;
}

/** The grade a score sheet gives, as the service computes it: any veto fails outright. */
export function previewGrade(
  sheet: ScoreSheet,
  thresholds: GradeThresholds,
  scores: Record<string, unknown>,
  vetoes: string[],
) {
  const sum = sheet.indicators.reduce(
    (acc, i) => acc + Math.min(i.maxPoints, Math.max(0, Number(scores[i.key] ?? 0) || 0)),
    0,
  );
  const total = Math.round(sum * 100) / 100;
  const grade = vetoes.length
    ? 'fail'
    : total >= thresholds.excellent
      ? 'excellent'
      : total >= thresholds.pass
        ? 'pass'
        : total >= thresholds.basicPass
          ? 'basic-pass'
          : 'fail';
  return { total, grade };
}

/** POST /annual-reports/:id/grade: one number per indicator, the veto keys ticked. */
export const gradingBody = (
  sheet: ScoreSheet,
  v: { scores?: Record<string, unknown>; vetoes?: string[] },
) => ({
  scores: Object.fromEntries(sheet.indicators.map((i) => [i.key, Number(v.scores?.[i.key] ?? 0) || 0])),
  vetoes: v.vetoes ?? [],
});

/** POST /spot-checks: empty filters left out, so the rulebook's ratio applies when no count is given. */
export function drawBody(v: {
  name?: string;
  seed?: string;
  count?: number | null;
  districts?: string[];
  categories?: string[];
  scheduledFor?: string;
}) {
  return {
    name: (v.name ?? '').trim(),
    scheduledFor: v.scheduledFor,
    ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}),
    ...(typeof v.count === 'number' ? { count: v.count } : {}),
    ...(v.districts?.length ? { districts: v.districts } : {}),
    ...(v.categories?.length ? { categories: v.categories } : {}),
  };
}

/** POST /joint-cases: a licensed institution or an unlicensed operator at an address, one task per department. */
export function jointCaseBody(v: {
  subjectKind?: 'institution' | 'unlicensed';
  institutionId?: string;
  name?: string;
  address?: string;
  district?: string;
  summary?: string;
  tasks?: { department?: string; legalBasis?: string; workingDays?: number; dueBy?: string }[];
}) {
  const subject =
    v.subjectKind === 'unlicensed'
      ? { name: v.name?.trim(), address: v.address?.trim(), district: v.district?.trim() }
      : { institutionId: v.institutionId?.trim() };
  return {
    subject,
    summary: (v.summary ?? '').trim(),
    tasks: (v.tasks ?? []).map((t) => ({
      department: t.department,
      legalBasis: (t.legalBasis ?? '').trim(),
      ...(t.dueBy ? { dueBy: t.dueBy } : { workingDays: t.workingDays }),
    })),
  };
}

/** Departments named twice in one case: each department gets one task. */
export const repeatedDepartments = (tasks: { department?: string }[] = []) =>
  tasks.map((t) => t.department).filter((d, i, all): d is string => !!d && all.indexOf(d) !== i);
