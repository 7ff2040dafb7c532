import { chinaDate } from '@otr/kernel';
import { demoJurisdiction, HANGZHOU_DISTRICTS } from '@otr/rules';
import { z } from 'zod';
import { ComplaintState, ENDED_STATUSES } from '../../domain/complaint';
import { HandlingUnit, Category, CATEGORIES, COMPLAINT_KINDS } from '../../domain/vocabulary';
import { ComplaintForm } from '../file-complaint/file-complaint.command';

/**
 * The 12345 hotline's view of complaints, in the shape of Open311 GeoReport v2
 * (https://wiki.open311.org/GeoReport_v2): services are the complaint categories, a service
 * request is a complaint the hotline filed. Pure translation both ways; nothing here names the
 * caller, even when the hotline gave their name and phone.
 */

/** One refusal as GeoReport writes it: the HTTP status as `code`, and what was wrong. */
export interface GeoReportError {
  code: 400 | 403 | 404 | 500;
  description: string;
}

/** A refusal carrying its GeoReport errors; the controller's filter answers with them. */
export class GeoReportRefusal extends Error {
  constructor(readonly errors: GeoReportError[]) {
    super(errors.map((e) => e.description).join('; '));
  }

  static of(code: GeoReportError['code'], description: string): GeoReportRefusal {
    return new GeoReportRefusal([{ code, description }]);
  }
}

const GROUP = '校外培训';

/** Each category as a GeoReport service: name, what it covers, and words a call-taker searches for. */
const SERVICES: Record<Category, { name: string; description: string; keywords: string[] }> = {
  'fees-refunds': {
    name: '收费退费',
    description: '校外培训机构超标准收费、超期预收费、退费难或拒不退费',
    keywords: ['收费', '退费', '预收费', '学费'],
  },
  safety: {
    name: '安全隐患',
    description: '消防通道堵塞、培训场所不符合安全要求等隐患',
    keywords: ['消防', '安全', '场地'],
  },
  'teaching-content-times': {
    name: '超前超纲、培训时间',
    description: '超前超标培训，在节假日、寒暑假或晚间违规培训',
    keywords: ['超前', '超纲', '周末', '节假日', '寒暑假', '培训时间'],
  },
  staff: {
    name: '从业人员',
    description: '无相应资格任教、在职中小学教师有偿补课等',
    keywords: ['教师资格', '在职教师', '有偿补课'],
  },
  advertising: {
    name: '违规广告',
    description: '虚假宣传、违规发布校外培训广告',
    keywords: ['广告', '宣传'],
  },
  unlicensed: {
    name: '无证无照办学',
    description: '未取得办学许可证开展培训，含居民楼内“隐形变异”培训',
    keywords: ['无证', '无照', '隐形变异', '居民楼'],
  },
  other: { name: '其他', description: '其他与校外培训有关的诉求', keywords: ['其他'] },
};

/** GET services.json: every category, each with attributes to fill (metadata). */
export const serviceList = () =>
  CATEGORIES.map((code) => ({
    service_code: code,
    service_name: SERVICES[code].name,
    description: SERVICES[code].description,
    metadata: true,
    type: 'realtime' as const,
    keywords: SERVICES[code].keywords.join(','),
    group: GROUP,
  }));

const KIND_NAMES: Record<(typeof COMPLAINT_KINDS)[number], string> = {
  complaint: '投诉',
  consultation: '咨询',
  help: '求助',
};

const attribute = (
  code: string,
  order: number,
  description: string,
  datatype: 'string' | 'text' | 'singlevaluelist' = 'string',
  values?: { key: string; name: string }[],
) => ({
  variable: true,
  code,
  datatype,
  required: false,
  datatype_description: null,
  order,
  description,
  ...(values ? { values } : {}),
});

/**
 * GET services/{code}.json: what a work order of this category carries. A licensed institution by
 * its id in the public directory (or its license id), or an unlicensed operator described, with
 * its address in address_string.
 */
export function serviceDefinition(code: string) {
  if (!(CATEGORIES as readonly string[]).includes(code)) return undefined;
  const licensed =
    code === 'unlicensed'
      ? []
      : [
          attribute('institution_id', 2, '持证机构：公开名录中的机构编号（与 license_id 二选一）'),
          attribute('license_id', 3, '持证机构：办学许可证 ID'),
        ];
  return {
    service_code: code,
    attributes: [
      attribute(
        'kind',
        1,
        '诉求类型，默认投诉',
        'singlevaluelist',
        COMPLAINT_KINDS.map((key) => ({ key, name: KIND_NAMES[key] })),
      ),
      ...licensed,
      attribute('operator_name', 4, '无证经营者：名称或招牌（地址填 address_string）'),
      attribute('operator_activity', 5, '无证经营者：在做什么', 'text'),
      attribute(
        'district',
        6,
        '无证经营者：所在区县',
        'singlevaluelist',
        HANGZHOU_DISTRICTS.map((d) => ({ key: d.code, name: d.name })),
      ),
    ],
  };
}

// ─── POST requests.json ────────────────────────────────────────────────────────

const given = z
  .string()
  .trim()
  .transform((s) => s || undefined)
  .optional();

/** A coordinate as a number or as the text of one (form-encoded posts send text). */
const degrees = (limit: number) =>
  z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d+(\.\d+)?$/, 'a decimal number')
        .transform(Number),
    ])
    .pipe(z.number().min(-limit).max(limit))
    .optional();

/** The parameters of a POST, as GeoReport names them; others (email, device_id …) are not kept. */
export const GeoReportPost = z.object({
  service_code: z.string().trim().min(1, 'required'),
  description: z.string().default(''),
  address_string: given,
  lat: degrees(90),
  long: degrees(180),
  requested_datetime: z.iso.datetime({ offset: true }).optional(),
  first_name: given,
  last_name: given,
  phone: given,
  attribute: z
    .object({
      kind: given,
      institution_id: given,
      license_id: given,
      operator_name: given,
      operator_activity: given,
      district: given,
    })
    .default({}),
});
export type GeoReportPost = z.infer<typeof GeoReportPost>;

/** Each complaint field under the GeoReport parameter it came from, to name it in a refusal. */
const PARAMETER: Record<string, string> = {
  kind: 'attribute[kind]',
  category: 'service_code',
  subject: 'attribute[institution_id] or attribute[operator_name]',
  'subject.institutionId': 'attribute[institution_id]',
  'subject.licenseId': 'attribute[license_id]',
  'subject.name': 'attribute[operator_name]',
  'subject.address': 'address_string',
  'subject.activity': 'attribute[operator_activity]',
  'subject.district': 'attribute[district]',
  contact: 'phone',
  'contact.name': 'last_name',
  'contact.phone': 'phone',
  'location.lat': 'lat',
  'location.long': 'long',
  receivedAt: 'requested_datetime',
};

/** A complaint field (or a GeoReport parameter) as the hotline knows it. */
export const parameterOf = (field: string | undefined): string =>
  (field && (PARAMETER[field] ?? PARAMETER[field.split('.')[0]] ?? field)) || 'request';

const refusalOf = (issues: z.ZodError['issues'], name: (path: string) => string) =>
  new GeoReportRefusal(
    issues.map((i) => ({ code: 400, description: `${name(i.path.join('.'))}: ${i.message}` })),
  );

/** The bracketed name of a GeoReport path: attribute.kind → attribute[kind]. */
const bracketed = (path: string) => path.replace(/^attribute\.(\w+)/, 'attribute[$1]') || 'request';

/**
 * A GeoReport POST as a complaint: the institution by attribute, or the operator described; the
 * caller as contact when the hotline gave a name and phone (family name first), anonymous otherwise.
 */
export function complaintOf(body: unknown): { form: ComplaintForm; receivedAt?: Date } {
  const parsed = GeoReportPost.safeParse(body);
  if (!parsed.success) throw refusalOf(parsed.error.issues, bracketed);
  const p = parsed.data;
  const a = p.attribute;
  const subject = a.institution_id
    ? { institutionId: a.institution_id }
    : a.license_id
      ? { licenseId: a.license_id }
      : {
          name: a.operator_name ?? '',
          address: p.address_string ?? '',
          activity: a.operator_activity ?? '',
          district: a.district ?? '',
        };
  const name = [p.last_name, p.first_name].filter(Boolean).join('');
  // Checked against the one kind of subject given, so a refusal names its attribute.
  const [byLicense, byInstitution, operator] = ComplaintForm.shape.subject.options;
  const schema = ComplaintForm.extend({
    subject: a.institution_id ? byInstitution : a.license_id ? byLicense : operator,
  });
  const form = schema.safeParse({
    ...(a.kind ? { kind: a.kind } : {}),
    category: p.service_code,
    subject,
    description: p.description,
    ...(p.lat !== undefined || p.long !== undefined ? { location: { lat: p.lat, long: p.long } } : {}),
    ...(name || p.phone ? { contact: { name, phone: p.phone ?? '' } } : {}),
  });
  if (!form.success) throw refusalOf(form.error.issues, parameterOf);
  return {
    form: form.data,
    ...(p.requested_datetime ? { receivedAt: new Date(p.requested_datetime) } : {}),
  };
}

// ─── GET requests ─────────────────────────────────────────────────────────────

const DEPARTMENT_NAMES = new Map<string, string>([
  ['education', '教育局'],
  ['market-regulation', '市场监督管理局'],
  ['public-security', '公安局'],
  ['fire', '消防救援大队'],
  ['civil-affairs', '民政局'],
  ['hrss', '人力资源和社会保障局'],
  ['health', '卫生健康局'],
  ['science', '科学技术局'],
  ['culture-tourism', '文化和旅游局'],
  ['sports', '体育局'],
]);

const placeName = (code: string) => demoJurisdiction(code)?.name ?? code;

/** 西湖区教育局, or 西湖区教育局（资金监管） for the bureau's fund supervisors. */
export function agencyName(district: string, unit: HandlingUnit): string {
  const bureau = `${placeName(district)}${DEPARTMENT_NAMES.get(unit.department) ?? unit.department}`;
  return unit.role === 'fund-supervisor' ? `${bureau}（资金监管）` : bureau;
}

/** An instant in the W3C format GeoReport uses, at Beijing's offset. */
export const w3c = (at: Date | string): string =>
  `${new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

const isOpen = (c: ComplaintState) => !ENDED_STATUSES.includes(c.status);

/** What the caller should know beyond the status: merged, escalated, or in its second handling. */
function noticeOf(c: ComplaintState): string | null {
  if (c.status === 'merged') return '与同一来电人此前的同类工单合并办理';
  if (!isOpen(c)) return null;
  if (c.supervisedBy) return `已逾期，由${placeName(c.supervisedBy)}督办`;
  if (c.round === 2) return '来电人不满意，第二次办理';
  return null;
}

/** A complaint as a GeoReport service request. The expected time is the end of its answer day (Beijing). */
export function serviceRequestOf(c: ComplaintState) {
  const open = isOpen(c);
  const r = c.responsibility;
  return {
    service_request_id: c.trackingNumber,
    status: open ? ('open' as const) : ('closed' as const),
    status_notes: !open && c.reply ? c.reply : null,
    service_name: SERVICES[c.category].name,
    service_code: c.category,
    description: c.description,
    agency_responsible: r ? agencyName(r.district, r.lead) : null,
    service_notice: noticeOf(c),
    requested_datetime: w3c(c.filedAt),
    updated_datetime: w3c(c.actions.at(-1)?.at ?? c.filedAt),
    expected_datetime: open && c.answerBy ? `${c.answerBy}T23:59:59+08:00` : null,
    address: c.subject.kind === 'unlicensed' ? c.subject.address : null,
    address_id: null,
    zipcode: null,
    lat: c.location?.lat ?? null,
    long: c.location?.long ?? null,
    media_url: null,
  };
}

/** The answer to a POST: the request id and what happens next. */
export function receiptOf(c: ComplaintState) {
  const request = serviceRequestOf(c);
  const next =
    request.agency_responsible && c.answerBy
      ? `已受理，派至${request.agency_responsible}，${c.answerBy}前答复（按工作日计算）`
      : '已受理';
  return {
    service_request_id: c.trackingNumber,
    service_notice: request.service_notice ?? next,
    account_id: null,
  };
}

/** GET requests.json's filters, as GeoReport names them. */
export const GeoReportQuery = z.object({
  service_request_id: given,
  service_code: given,
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: z
    .string()
    .regex(/^(open|closed)(,(open|closed))*$/, 'open, closed or both')
    .optional(),
});
export type GeoReportQuery = z.infer<typeof GeoReportQuery>;

/** GeoReport's defaults: the last 90 days when no dates or ids are given, at most 1000 requests. */
export const LIST_DAYS = 90;
export const LIST_LIMIT = 1000;

const list = (s: string | undefined) =>
  s
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** The list filters of a GeoReport query, with its default period. */
export function filterOf(query: unknown, now: Date) {
  const parsed = GeoReportQuery.safeParse(query);
  if (!parsed.success) throw refusalOf(parsed.error.issues, bracketed);
  const q = parsed.data;
  const trackingNumbers = list(q.service_request_id);
  const to = q.end_date ? new Date(q.end_date) : undefined;
  const from = q.start_date
    ? new Date(q.start_date)
    : trackingNumbers
      ? undefined
      : new Date(`${chinaDate(new Date((to ?? now).getTime() - LIST_DAYS * 86_400_000))}T00:00:00+08:00`);
  return {
    ...(trackingNumbers ? { trackingNumbers } : {}),
    ...(q.service_code ? { categories: list(q.service_code) } : {}),
    // open, closed, or both (no filter): closed is GeoReport's word for ended (closed or merged).
    ...(q.status && !(q.status.includes('open') && q.status.includes('closed'))
      ? { ended: q.status.includes('closed') }
      : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    limit: LIST_LIMIT,
  };
}
