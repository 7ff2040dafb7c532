import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** One form for names and queries: simplified characters, NFKC (full-width → half-width), lower case, no spaces. */
export function normalise(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, '');
}

/**
 * Unigrams and bigrams of a normalised name. Chinese has no spaces, and trigram indexes cannot
 * answer two-character queries such as 英语; a GIN index over these grams can.
 */
export function nameGrams(normalised: string): string[] {
  const chars = [...normalised];
  const grams = new Set(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams];
}

/** The grams a query must all contain: its bigrams, or the single character for a one-character query. */
export function queryGrams(normalisedQuery: string): string[] {
  const chars = [...normalisedQuery];
  if (chars.length === 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams];
}

/** Pinyin initials of the Chinese characters (新东方英语 → xdfyy), so parents can type yy for 英语. */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase();
}

/**
 * The filters a search combines with the name, as terms of the same array: one GIN index then
 * answers the name fragment and every filter together. Each is longer than two characters, so no
 * name gram (one or two characters) can be mistaken for one.
 */
export interface SearchFilters {
  district?: string;
  category?: string;
  scope?: string;
  status?: string;
}

const filterTerms = (f: SearchFilters, scopes: string[] = f.scope ? [f.scope] : []) => [
  ...(f.district ? [`d:${f.district}`] : []),
  ...(f.category ? [`c:${f.category}`] : []),
  ...scopes.map((s) => `s:${s}`),
  ...(f.status ? [`st:${f.status}`] : []),
];

/** Pinyin initials as terms: each letter and each adjacent pair, apart from the name's own grams. */
const pinyinTerms = (initials: string) => nameGrams(initials).map((g) => `p:${g}`);

/** Everything an institution can be found by: name grams, pinyin-initial grams and its filter values. */
export function searchTerms(entry: {
  name: string;
  district: string;
  category: string;
  scopes: string[];
  licenseStatus: string;
}): string[] {
  return [
    ...nameGrams(normalise(entry.name)),
    ...pinyinTerms(pinyinInitials(entry.name)),
    ...filterTerms({ ...entry, status: entry.licenseStatus }, entry.scopes),
  ];
}

/**
 * One way a query can match: every term present, and, where the grams do not prove it (a query
 * longer than two characters, whose grams may lie apart in a name), the whole text in a column.
 */
export interface TermMatch {
  terms: string[];
  contains?: { column: 'search_name' | 'pinyin_initials'; text: string };
}

/**
 * The ways a search matches, any of which will do: a Chinese fragment by its name grams; Latin
 * letters by pinyin initials (yy → 英语) or as a Latin part of the name. The filters join each.
 */
export function termMatches(q: string | undefined, filters: SearchFilters): TermMatch[] {
  const text = q ? normalise(q) : '';
  const tags = filterTerms(filters);
  const exact = [...text].length <= 2;
  const grams = (prefix: string) => (text ? queryGrams(text).map((g) => `${prefix}${g}`) : []);
  const byName: TermMatch = {
    terms: [...grams(''), ...tags],
    ...(!exact && { contains: { column: 'search_name', text } }),
  };
  if (!/^[a-z]+$/.test(text)) return [byName];
  return [
    {
      terms: [...grams('p:'), ...tags],
      ...(!exact && { contains: { column: 'pinyin_initials', text } }),
    },
    byName,
  ];
}

const FILTER_TERM = /^(d|c|s|st):/;

/**
 * The largest share of institutions a match can hold, given each term's share: at most the share
 * of its rarest name or pinyin gram (every match holds them all), times the share of each filter
 * (taken as independent of the name). An upper bound where the planner, multiplying grams that
 * occur together (机器人), would guess far too low.
 */
export function largestShare(match: TermMatch, share: (term: string) => number): number {
  const grams = match.terms.filter((t) => !FILTER_TERM.test(t));
  const filters = match.terms.filter((t) => FILTER_TERM.test(t));
  return filters.reduce((s, t) => s * share(t), grams.length ? Math.min(...grams.map(share)) : 1);
}
