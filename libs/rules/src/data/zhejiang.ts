import { RuleEntry } from '../rulebook';

const ZJ = 'CN-ZJ';
const DEMO = 'demo figure for the Zhejiang demo jurisdiction; replace with the published standard';

/** Zhejiang's own parameters (province level). */
export const zhejiang: RuleEntry[] = [
  {
    key: 'licensing.validityYears',
    jurisdiction: ZJ,
    effectiveFrom: '2022-01-01',
    value: 3,
    source: '浙江省校外培训机构设置标准：办学许可证有效期3年',
    note: `no national figure exists; ${DEMO}`,
  },
  {
    key: 'venue.noResidentialOrBasementUnder12',
    jurisdiction: ZJ,
    effectiveFrom: '2022-01-01',
    value: true,
    source: '浙江省校外培训机构设置标准：面向12周岁以下学生的培训场所不得设在住宅和地下室',
    note: DEMO,
  },
];
