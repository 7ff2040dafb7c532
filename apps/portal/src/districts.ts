/** Hangzhou's districts, as the directory's district codes. */
export const DISTRICTS: { code: string; zh: string; en: string }[] = [
  { code: 'CN-ZJ-HZ-SC', zh: '上城区', en: 'Shangcheng' },
  { code: 'CN-ZJ-HZ-GS', zh: '拱墅区', en: 'Gongshu' },
  { code: 'CN-ZJ-HZ-XH', zh: '西湖区', en: 'Xihu' },
  { code: 'CN-ZJ-HZ-BJ', zh: '滨江区', en: 'Binjiang' },
  { code: 'CN-ZJ-HZ-XS', zh: '萧山区', en: 'Xiaoshan' },
  { code: 'CN-ZJ-HZ-YH', zh: '余杭区', en: 'Yuhang' },
  { code: 'CN-ZJ-HZ-LP', zh: '临平区', en: 'Linping' },
  { code: 'CN-ZJ-HZ-QT', zh: '钱塘区', en: 'Qiantang' },
  { code: 'CN-ZJ-HZ-FY', zh: '富阳区', en: 'Fuyang' },
  { code: 'CN-ZJ-HZ-LA', zh: '临安区', en: "Lin'an" },
  { code: 'CN-ZJ-HZ-TL', zh: '桐庐县', en: 'Tonglu' },
  { code: 'CN-ZJ-HZ-CA', zh: '淳安县', en: "Chun'an" },
  { code: 'CN-ZJ-HZ-JD', zh: '建德市', en: 'Jiande' },
];

/** The district's name in the reader's language, or its code when the portal does not know it. */
export function districtName(code: string, locale: string): string {
  const d = DISTRICTS.find((x) => x.code === code);
  return d ? (locale === 'en' ? d.en : d.zh) : code;
}
