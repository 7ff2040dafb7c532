/**
 * Jurisdiction names for display, from the project's registry of the demo city (libs/rules),
 * so the console never keeps its own copy of the district list. Pure module: jest loads it.
 */
import { demoJurisdiction, HANGZHOU, HANGZHOU_DISTRICTS } from '@otr/rules/browser';

export const CITY = HANGZHOU;
export const DISTRICTS = HANGZHOU_DISTRICTS;

/** "西湖区" (zh) or "Xihu District" (en) for a code; the code itself when it is not in the registry. */
export function jurisdictionName(code: string | undefined | null, locale: string): string {
  if (!code) return '';
  const j = demoJurisdiction(code);
  if (!j) return code;
  return locale.startsWith('zh') ? j.name : j.nameEn;
}

/** The full path, e.g. 浙江省 › 杭州市 › 西湖区. */
export function jurisdictionPath(code: string | undefined | null, locale: string): string {
  if (!code) return '';
  const parts = code.split('-');
  const names: string[] = [];
  for (let i = 2; i <= parts.length; i++) {
    const c = parts.slice(0, i).join('-');
    if (demoJurisdiction(c)) names.push(jurisdictionName(c, locale));
  }
  return names.length ? names.join(' › ') : code;
}

/** The short district name used on chart axes: 西湖区 → 西湖, Xihu District → Xihu. */
export function shortDistrictName(code: string, locale: string): string {
  const name = jurisdictionName(code, locale);
  return locale.startsWith('zh')
    ? name.length > 2
      ? name.replace(/(区|县|市)$/, '')
      : name
    : name.replace(/ (District|County|City)$/, '');
}

export const districtChoices = (locale: string) =>
  DISTRICTS.map((d) => ({ id: d.code, name: jurisdictionName(d.code, locale) }));

/** True when an official of `jurisdiction` sees `code` (CN-ZJ-HZ covers CN-ZJ-HZ-XH), as the services decide. */
export const covers = (jurisdiction: string | undefined, code: string | undefined) =>
  !!jurisdiction && !!code && (code === jurisdiction || code.startsWith(`${jurisdiction}-`));
