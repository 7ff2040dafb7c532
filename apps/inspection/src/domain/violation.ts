import { z } from 'zod';
import { InspectionRuleViolated } from './errors';
import { Subject } from './official';

/** The violation code list of DOMAIN.md (Violations and penalties), with the Chinese term. */
export const VIOLATION_CODES = {
  'unlicensed-operation': '无证无照办学',
  'out-of-scope-operation': '超出许可范围办学',
  'venue-hazard': '场地安全隐患',
  'fire-hazard': '消防安全隐患',
  overcrowding: '超员培训',
  'ahead-of-curriculum': '超前超纲培训',
  'disguised-subject-training': '变相开展学科类培训',
  'training-on-rest-days': '周末、节假日、寒暑假开展学科类培训',
  'training-past-end-time': '超过规定时间培训',
  'fees-over-cap': '超标准收费',
  'fees-charged-early': '提前收费',
  'training-loan': '培训贷',
  'unlisted-fees': '未公示收费项目',
  'fees-outside-supervised-account': '预收费未进入监管账户',
  'unqualified-staff': '从业人员不具备相应资质',
  'in-service-teacher': '聘用在职中小学教师',
  'foreign-staff': '违规聘用外籍人员',
  'false-advertising': '虚假宣传',
  'unauthorised-competition': '擅自举办竞赛',
  homework: '布置作业',
  'undisclosed-information': '未按规定公示信息',
  'false-information': '信息虚假',
} as const;
export type ViolationCode = keyof typeof VIOLATION_CODES;
export const ViolationCode = z.enum(Object.keys(VIOLATION_CODES) as [ViolationCode, ...ViolationCode[]]);

export const Severity = z.enum(['minor', 'serious', 'especially-serious']);
export type Severity = z.infer<typeof Severity>;

/** A photo or file taken on site: its SHA-256, when and where it was taken. */
export const Evidence = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 in lowercase hex'),
  contentType: z.string().min(1),
  filename: z.string().max(200).optional(),
  takenAt: z.iso.datetime({ offset: true }),
  place: z.object({
    address: z.string().trim().min(2).max(300),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
  }),
});
export type Evidence = z.infer<typeof Evidence>;

const EVIDENCE_SOURCE = '《中华人民共和国行政处罚法》（2021年修订）第四十六条：证据必须经查证属实';

/** Evidence cannot be dated after the moment it is handed in. */
export function checkEvidence(evidence: Evidence[], now: Date, field = 'evidence'): void {
  evidence.forEach((e, i) => {
    if (Date.parse(e.takenAt) > now.getTime() + 60_000)
      throw new InspectionRuleViolated(`${field}[${i}] is dated in the future`, {
        field: `${field}.${i}.takenAt`,
        rule: 'evidence is taken before it is recorded',
        source: EVIDENCE_SOURCE,
      });
  });
}

export interface ViolationState {
  id: string;
  inspectionId?: string;
  subject: Subject;
  code: ViolationCode;
  severity: Severity;
  description: string;
  evidence: Evidence[];
  recordedBy: string;
  recordedAt: string;
  version: number;
}

export type ViolationEvent = { type: 'ViolationRecorded' };

/** decide: a violation is logged with at least one piece of evidence. */
export function recordViolation(v: Omit<ViolationState, 'version'>, now: Date): ViolationEvent[] {
  if (v.evidence.length === 0)
    throw new InspectionRuleViolated('a violation needs evidence', {
      field: 'evidence',
      rule: 'at least one photo or file with its checksum, time and place',
      source: EVIDENCE_SOURCE,
    });
  checkEvidence(v.evidence, now);
  return [{ type: 'ViolationRecorded' }];
}
