import { JurisdictionLevel } from './jurisdiction';

/** A jurisdiction of the demo city, with its national division code (GB/T 2260) for exchanges. */
export interface DemoJurisdiction {
  code: string;
  level: JurisdictionLevel;
  adcode: string;
  name: string;
  nameEn: string;
  /** Approximate centre of the main built-up area, for maps and plausible demo addresses. */
  centre: { lat: number; lng: number };
}

export type District = DemoJurisdiction & { level: 'district' };

export const ZHEJIANG: DemoJurisdiction = {
  code: 'CN-ZJ',
  level: 'province',
  adcode: '330000',
  name: '浙江省',
  nameEn: 'Zhejiang Province',
  centre: { lat: 30.2655, lng: 120.1536 },
};

/** The demo city used across the project: Hangzhou (杭州市), Zhejiang. */
export const HANGZHOU: DemoJurisdiction = {
  code: 'CN-ZJ-HZ',
  level: 'city',
  adcode: '330100',
  name: '杭州市',
  nameEn: 'Hangzhou',
  centre: { lat: 30.2741, lng: 120.1551 },
};

const district = (
  code: string,
  adcode: string,
  name: string,
  nameEn: string,
  lat: number,
  lng: number,
): District => ({
  code: `CN-ZJ-HZ-${code}`,
  level: 'district',
  adcode,
  name,
  nameEn,
  centre: { lat, lng },
});

/** Hangzhou's 13 county-level divisions (boundaries as of the 2021 adjustment). */
export const HANGZHOU_DISTRICTS: readonly District[] = [
  district('SC', '330102', '上城区', 'Shangcheng District', 30.259, 120.195),
  district('GS', '330105', '拱墅区', 'Gongshu District', 30.3196, 120.1419),
  district('XH', '330106', '西湖区', 'Xihu District', 30.2729, 120.1302),
  district('BJ', '330108', '滨江区', 'Binjiang District', 30.2084, 120.2119),
  district('XS', '330109', '萧山区', 'Xiaoshan District', 30.1839, 120.2645),
  district('YH', '330110', '余杭区', 'Yuhang District', 30.2905, 120.0032),
  district('FY', '330111', '富阳区', 'Fuyang District', 30.049, 119.96),
  district('LA', '330112', '临安区', "Lin'an District", 30.2338, 119.7248),
  district('LP', '330113', '临平区', 'Linping District', 30.4192, 120.2996),
  district('QT', '330114', '钱塘区', 'Qiantang District', 30.307, 120.343),
  district('TL', '330122', '桐庐县', 'Tonglu County', 29.7972, 119.6913),
  district('CA', '330127', '淳安县', "Chun'an County", 29.6085, 119.0423),
  district('JD', '330182', '建德市', 'Jiande City', 29.4747, 119.2817),
];

const ALL = [ZHEJIANG, HANGZHOU, ...HANGZHOU_DISTRICTS];

/** The demo jurisdiction with this code (province, city or district), if it is one. */
export const demoJurisdiction = (code: string): DemoJurisdiction | undefined =>
  ALL.find((j) => j.code === code);
