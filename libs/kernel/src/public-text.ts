import { z } from 'zod';

/**
 * Text that is published (the white list, the portal, open data) is normalised and checked once,
 * where it enters: NFKC (full-width letters and digits become ordinary ones, compatibility forms
 * fold), surrounding blanks trimmed and inner runs collapsed. Characters that change what a reader
 * sees without being seen — zero-width characters, bidirectional overrides and isolates (an RTL
 * override reverses a name on the page), other control characters — are refused, not stripped, so
 * the filer sees what was wrong.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- these are the characters refused
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]/u;

/**
 * A name is Chinese characters, Latin letters, digits and the punctuation names use. Letters of
 * other scripts are refused: Cyrillic а or Greek ο look like Latin a and o (homoglyphs), so a name
 * could pass for another institution's.
 */
const NAME = /^[\p{Script=Han}A-Za-z0-9 ()·・\-—&.,'"“”‘’、《》]+$/u;

export const normalizePublicText = (s: string, multiline = false): string => {
  const n = s.normalize('NFKC').trim();
  return multiline ? n.replace(/[^\S\n]+/g, ' ') : n.replace(/\s+/g, ' ');
};

/** Why a text may not be published, or undefined. */
export function publicTextProblem(s: string, kind: 'name' | 'text' | 'multiline'): string | undefined {
  const raw = kind === 'multiline' ? s.replace(/\r?\n/g, '') : s;
  if (INVISIBLE.test(raw))
    return 'no invisible, zero-width, direction-changing (RTL override) or control characters';
  if (kind === 'name' && !NAME.test(normalizePublicText(s)))
    return 'Chinese characters, Latin letters, digits and common punctuation only (no look-alike letters of other scripts)';
  return undefined;
}

/**
 * The zod field of a published text: normalised, checked, then its length bounded (after
 * normalisation, so padding cannot hide). A refusal names the rule.
 */
export const publicText = (kind: 'name' | 'text' | 'multiline', min: number, max: number) =>
  z
    .string()
    .superRefine((s, ctx) => {
      const problem = publicTextProblem(s, kind);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((s) => normalizePublicText(s, kind === 'multiline'))
    .pipe(z.string().min(min).max(max));

/** An institution's name (机构名称): the white list's key for parents. */
export const InstitutionName = publicText('name', 2, 100);
/** A person's name (姓名), Chinese or foreign (with ·). */
export const PersonName = publicText('name', 2, 50);

/** A point on the map inside China's bounding box; (0,0) and the oceans are refused. */
export const CHINA_BOUNDS = { minLat: 3.86, maxLat: 53.56, minLng: 73.5, maxLng: 135.1 } as const;
export const ChinaLocation = z
  .object({
    lat: z.number().min(CHINA_BOUNDS.minLat).max(CHINA_BOUNDS.maxLat),
    lng: z.number().min(CHINA_BOUNDS.minLng).max(CHINA_BOUNDS.maxLng),
  })
  .describe("a WGS-84 point within China's bounds");
