/** Hangzhou's districts (libs/rules HANGZHOU_DISTRICTS), named for the chart. */
export const DISTRICTS = [
  ['SC', '上城区'],
  ['GS', '拱墅区'],
  ['XH', '西湖区'],
  ['BJ', '滨江区'],
  ['XS', '萧山区'],
  ['YH', '余杭区'],
  ['LP', '临平区'],
  ['QT', '钱塘区'],
  ['FY', '富阳区'],
  ['LA', '临安区'],
  ['TL', '桐庐县'],
  ['CA', '淳安县'],
  ['JD', '建德市'],
].map(([code, name]) => ({ code: `CN-ZJ-HZ-${code}`, name }));
