import { HANGZHOU_DISTRICTS } from '@otr/rules';
import { DemoDistrict } from './demo-institutions';

/** Real road names per district, for plausible demo addresses. */
const ROADS: Record<string, string[]> = {
  'CN-ZJ-HZ-SC': ['解放路', '延安路', '庆春路', '钱江路', '江锦路'],
  'CN-ZJ-HZ-GS': ['莫干山路', '湖墅南路', '上塘路', '丽水路', '石祥路'],
  'CN-ZJ-HZ-XH': ['文三路', '天目山路', '学院路', '文一西路', '古墩路', '教工路'],
  'CN-ZJ-HZ-BJ': ['江南大道', '滨盛路', '江陵路', '长河路', '网商路'],
  'CN-ZJ-HZ-XS': ['市心中路', '金城路', '人民路', '北干路', '山阴路'],
  'CN-ZJ-HZ-YH': ['文一西路', '五常大道', '良睦路', '龙舟路', '海曙路'],
  'CN-ZJ-HZ-LP': ['迎宾路', '南苑街', '世纪大道', '望梅路'],
  'CN-ZJ-HZ-QT': ['学林街', '学源街', '江东大道', '义蓬路'],
  'CN-ZJ-HZ-FY': ['富春街道江滨西大道', '金桥北路', '桂花路', '春秋北路'],
  'CN-ZJ-HZ-LA': ['钱王大街', '衣锦街', '万马路', '城中街'],
  'CN-ZJ-HZ-TL': ['迎春南路', '白云源路', '学圣路'],
  'CN-ZJ-HZ-CA': ['千岛湖镇新安大街', '环湖北路', '青溪大道'],
  'CN-ZJ-HZ-JD': ['新安东路', '严州大道', '江滨中路'],
};

export const demoDistricts = (): DemoDistrict[] =>
  HANGZHOU_DISTRICTS.map((d) => ({
    code: d.code,
    name: d.name,
    centre: d.centre,
    roads: ROADS[d.code] ?? ['人民路'],
  }));
