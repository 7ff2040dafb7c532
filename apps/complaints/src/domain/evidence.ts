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

/** What intake accepts: photos from a phone and PDFs, each at most 10 MB, five and 25 MB at the most. */
export const EVIDENCE_LIMITS = {
  files: 5,
  maxBytes: 10 * 1024 * 1024,
  totalBytes: 25 * 1024 * 1024,
  types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
} as const;

/**
 * An anonymous tip (匿名举报) needs no account, so whoever reaches the portal can send one: it
 * carries what one complaint needs — three files, 10 MB in all — and no more.
 */
export const ANONYMOUS_EVIDENCE_LIMITS = { files: 3, totalBytes: 10 * 1024 * 1024 } as const;

/**
 * What one client (by address) may upload through the public intake in an hour: ten complaints'
 * worth of evidence. Whoever can reach the portal could otherwise fill the disk.
 */
export const PUBLIC_UPLOAD_QUOTA = {
  files: 10 * EVIDENCE_LIMITS.files,
  bytes: 10 * EVIDENCE_LIMITS.totalBytes,
  windowMs: 60 * 60 * 1000,
  maxClients: 100_000,
} as const;

export interface EvidenceLimits {
  files: number;
  totalBytes: number;
}

export const evidenceLimitsFor = (anonymous: boolean): EvidenceLimits =>
  anonymous ? ANONYMOUS_EVIDENCE_LIMITS : EVIDENCE_LIMITS;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The files a complaint keeps: each content once, within the count and total size of its limits. */
export function checkEvidence(
  files: readonly EvidenceFile[],
  limits: EvidenceLimits = EVIDENCE_LIMITS,
): EvidenceFile[] {
  const distinct = [...new Map(files.map((f) => [f.sha256, f])).values()];
  if (distinct.length > limits.files) {
    throw new ComplaintRuleViolated(`at most ${limits.files} evidence files`, {
      field: 'evidence',
      rule: `at most ${limits.files} files`,
    });
  }
  const total = distinct.reduce((n, f) => n + f.size, 0);
  if (total > limits.totalBytes) {
    throw new ComplaintRuleViolated(`evidence files of ${mb(total)} in all`, {
      field: 'evidence',
      rule: `at most ${mb(limits.totalBytes)} in all`,
    });
  }
  return distinct;
}
