/**
 * Jurisdictions as paths: CN (national) › CN-ZJ (province) › CN-ZJ-HZ (city) › CN-ZJ-HZ-XH (district).
 * The parent of a code is the code without its last segment.
 */
export type JurisdictionLevel = 'national' | 'province' | 'city' | 'district';

const CODE = /^CN(-[A-Z0-9]+){0,3}$/;

export const isJurisdictionCode = (code: string) => CODE.test(code);

export function levelOf(code: string): JurisdictionLevel {
  if (!isJurisdictionCode(code)) throw new Error(`not a jurisdiction code: ${code}`);
  return (['national', 'province', 'city', 'district'] as const)[code.split('-').length - 1];
}

export const parentOf = (code: string): string | undefined =>
  code.includes('-') ? code.slice(0, code.lastIndexOf('-')) : undefined;

/** The code and every jurisdiction above it, most specific first. */
export function ancestorsOf(code: string): string[] {
  levelOf(code);
  const out: string[] = [];
  for (let c: string | undefined = code; c; c = parentOf(c)) out.push(c);
  return out;
}

export const isWithin = (code: string, ancestor: string) => code === ancestor || code.startsWith(`${ancestor}-`);

export interface District {
  code: string;
  name: string;
  nameEn: string;
  centre: { lat: number; lng: number };
}

/** The demo city: Hangzhou (杭州市), Zhejiang (浙江省), with its 13 county-level divisions. */
export const HANGZHOU = { code: 'CN-ZJ-HZ', name: '杭州市', province: { code: 'CN-ZJ', name: '浙江省' } };

export const HANGZHOU_DISTRICTS: District[] = [
  { code: 'CN-ZJ-HZ-SC', name: '上城区', nameEn: 'Shangcheng', centre: { lat: 30.2425, lng: 120.1693 } },
  { code: 'CN-ZJ-HZ-GS', name: '拱墅区', nameEn: 'Gongshu', centre: { lat: 30.3196, lng: 120.1419 } },
  { code: 'CN-ZJ-HZ-XH', name: '西湖区', nameEn: 'Xihu', centre: { lat: 30.2729, lng: 120.1302 } },
  { code: 'CN-ZJ-HZ-BJ', name: '滨江区', nameEn: 'Binjiang', centre: { lat: 30.2084, lng: 120.2119 } },
  { code: 'CN-ZJ-HZ-XS', name: '萧山区', nameEn: 'Xiaoshan', centre: { lat: 30.1839, lng: 120.2645 } },
  { code: 'CN-ZJ-HZ-YH', name: '余杭区', nameEn: 'Yuhang', centre: { lat: 30.4186, lng: 120.2994 } },
  { code: 'CN-ZJ-HZ-LP', name: '临平区', nameEn: 'Linping', centre: { lat: 30.4192, lng: 120.2996 } },
  { code: 'CN-ZJ-HZ-QT', name: '钱塘区', nameEn: 'Qiantang', centre: { lat: 30.3226, lng: 120.4933 } },
  { code: 'CN-ZJ-HZ-FY', name: '富阳区', nameEn: 'Fuyang', centre: { lat: 30.0490, lng: 119.9600 } },
  { code: 'CN-ZJ-HZ-LA', name: '临安区', nameEn: "Lin'an", centre: { lat: 30.2338, lng: 119.7248 } },
  { code: 'CN-ZJ-HZ-TL', name: '桐庐县', nameEn: 'Tonglu', centre: { lat: 29.7972, lng: 119.6913 } },
  { code: 'CN-ZJ-HZ-CA', name: '淳安县', nameEn: "Chun'an", centre: { lat: 29.6085, lng: 119.0423 } },
  { code: 'CN-ZJ-HZ-JD', name: '建德市', nameEn: 'Jiande', centre: { lat: 29.4747, lng: 119.2817 } },
];
