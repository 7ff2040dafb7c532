import { ApplicationForm, idNumberPepper, toStaffMember } from '@otr/registration';
import { residentIdCheckChar } from '@otr/kernel';

/** A small seeded PRNG (mulberry32) so the demo data is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoDistrict {
  code: string;
  name: string;
  centre: { lat: number; lng: number };
  roads: string[];
}

/** Brand words of plausible (invented) institution names. */
export const BRANDS = [
  '启航',
  '星辰',
  '博雅',
  '乐学',
  '思源',
  '明德',
  '致远',
  '睿思',
  '童心',
  '青藤',
  '知行',
  '晨曦',
  '翰林',
  '墨香',
  '弘毅',
  '德馨',
  '卓越',
  '立人',
  '文澜',
  '钱江',
  '西溪',
  '之江',
  '湖畔',
  '运河',
  '良渚',
  '云栖',
  '宝石',
  '紫金',
  '天目',
  '新禾',
  '向阳',
  '小树苗',
  '金色年华',
  '远航',
  '雏鹰',
  '彩虹',
  '蓝鲸',
  '繁星',
  '朝露',
  '博观',
];

/** Non-subject courses by category (the competent department follows the category). */
export const COURSES: Record<'sports' | 'arts' | 'science-tech', string[]> = {
  sports: [
    '篮球',
    '足球',
    '游泳',
    '跆拳道',
    '武术',
    '乒乓球',
    '羽毛球',
    '击剑',
    '轮滑',
    '围棋',
    '网球',
    '体适能',
    '田径',
  ],
  arts: [
    '美术',
    '书法',
    '钢琴',
    '舞蹈',
    '声乐',
    '小提琴',
    '古筝',
    '英语戏剧',
    '播音主持',
    '动漫',
    '陶艺',
    '吉他',
  ],
  'science-tech': ['编程', '机器人', '科学实验', '航模', '无人机', '人工智能', '天文', '创客'],
};

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
];
const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '慧',
];
const CERTIFICATES = {
  sports: 'sports-coach',
  arts: 'arts-professional',
  'science-tech': 'science-professional',
} as const;

/** A well-formed (not real) Hangzhou identity number. */
/** A made-up number that passes GB 11643-1999: real birth date, its check character last. */
const demoIdNumber = (rnd: () => number) => {
  const first17 = `330106${1975 + Math.floor(rnd() * 25)}0${1 + Math.floor(rnd() * 9)}1${Math.floor(rnd() * 10)}${String(
    Math.floor(rnd() * 10000),
  )
    .padStart(4, '0')
    .slice(0, 3)}`;
  return first17 + residentIdCheckChar(first17);
};

const KINDS = { sports: '体育', arts: '艺术', 'science-tech': '科技' } as const;

/** Realistic applications across the city's districts: names, addresses, venues, scopes. */
export function demoApplications(
  count: number,
  districts: DemoDistrict[],
  seed = 20261122,
): ApplicationForm[] {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const used = new Set<string>();
  const forms: ApplicationForm[] = [];
  while (forms.length < count) {
    const district = districts[forms.length % districts.length];
    const category = pick(['sports', 'arts', 'arts', 'science-tech'] as const);
    const course = pick(COURSES[category]);
    const forProfit = rnd() < 0.7;
    const name = `杭州${district.name}${pick(BRANDS)}${course}${KINDS[category]}培训${forProfit ? '有限公司' : '学校'}`;
    if (used.has(name)) continue;
    used.add(name);
    const maxClassSize = 8 + Math.floor(rnd() * 22);
    const online = rnd() < 0.15;
    forms.push({
      institutionName: name,
      legalForm: forProfit ? 'for-profit' : 'non-profit',
      category,
      scopes: online ? ['offline', 'online'] : ['offline'],
      district: district.code,
      address: `浙江省杭州市${district.name}${pick(district.roads)}${1 + Math.floor(rnd() * 600)}号${1 + Math.floor(rnd() * 5)}楼`,
      location: {
        lat: Number((district.centre.lat + (rnd() - 0.5) * 0.06).toFixed(6)),
        lng: Number((district.centre.lng + (rnd() - 0.5) * 0.06).toFixed(6)),
      },
      venue: {
        area: maxClassSize * (3 + Math.floor(rnd() * 4)) + 120,
        maxClassSize,
        fireSafetyAccepted: true,
      },
      legalRepresentative: `${pick(SURNAMES)}${pick(GIVEN_NAMES)}`,
      ageGroups: ['primary', 'junior-secondary'],
      staff: [
        toStaffMember(
          {
            name: `${pick(SURNAMES)}${pick(GIVEN_NAMES)}`,
            idNumber: demoIdNumber(rnd),
            role: 'teacher',
            subject: course,
            certificate: {
              kind: CERTIFICATES[category],
              number: `ZS${Math.floor(rnd() * 1e8)}`,
              subject: course,
            },
          },
          idNumberPepper(),
        ),
      ],
      courses: [
        {
          name: `${course}${pick(['启蒙班', '提高班', '兴趣班'])}`,
          subject: course,
          mode: 'offline',
          gradeLevels: ['primary'],
          outline: `${course}基础训练、分级练习与期末展示，每周一次。`,
          totalHours: 24 + 8 * Math.floor(rnd() * 5),
          lessonMinutes: 60,
          maxClassSize,
          priceFen: (1200 + 200 * Math.floor(rnd() * 15)) * 100,
        },
      ],
    });
  }
  return forms;
}
