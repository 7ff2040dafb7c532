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
