import { ComplaintRuleViolated } from './errors';

/**
 * A file the complainant attached (证据材料): a photo or a PDF, stored by its SHA-256 in
 * libs/storage. The file's own name is not kept: it can name the complainant ("王小明收据.jpg").
 */
export interface EvidenceFile {
  sha256: string;
  contentType: string;
  size: number;
}

/** What intake accepts: photos from a phone and PDFs, each at most 10 MB, five at the most. */
export const EVIDENCE_LIMITS = {
  files: 5,
  maxBytes: 10 * 1024 * 1024,
  types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
} as const;

/** The files a complaint keeps: each content once, at most EVIDENCE_LIMITS.files of them. */
export function checkEvidence(files: readonly EvidenceFile[]): EvidenceFile[] {
  const distinct = [...new Map(files.map((f) => [f.sha256, f])).values()];
  if (distinct.length > EVIDENCE_LIMITS.files) {
    throw new ComplaintRuleViolated(`at most ${EVIDENCE_LIMITS.files} evidence files`, {
      field: 'evidence',
      rule: `at most ${EVIDENCE_LIMITS.files} files`,
    });
  }
  return distinct;
}
