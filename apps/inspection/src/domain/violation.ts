import { z } from 'zod';
import { VIOLATION_CODES } from '@otr/contracts';
import { InspectionRuleViolated } from './errors';
import { Subject } from './official';

export { VIOLATION_CODES };
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

/** A violation (违法违规行为) as recorded, with its evidence. */
export const ViolationState = z.object({
  id: z.uuid(),
  inspectionId: z
    .uuid()
    .optional()
    .describe('The inspection it was found on; absent when logged outside one.'),
  subject: Subject,
  code: ViolationCode,
  severity: Severity,
  description: z.string(),
  evidence: z.array(Evidence),
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type ViolationState = z.infer<typeof ViolationState>;

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
