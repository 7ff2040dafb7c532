import { Department, Role } from './principal';

export const DEMO_PASSWORD = 'otr-demo-2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  department?: Department;
  jurisdiction: string;
}

/** One account per role in Hangzhou, for the demo and the tests (README lists them). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['administrator'], jurisdiction: 'CN-ZJ-HZ' },
  {
    username: 'approver.city',
    displayName: '市教育局审批员',
    roles: ['approver'],
    department: 'education',
    jurisdiction: 'CN-ZJ-HZ',
  },
  {
    username: 'approver.xihu',
    displayName: '西湖区教育局审批员',
    roles: ['approver'],
    department: 'education',
    jurisdiction: 'CN-ZJ-HZ-XH',
  },
  {
    username: 'approver.culture',
    displayName: '西湖区文化和旅游局审批员',
    roles: ['approver'],
    department: 'culture-tourism',
    jurisdiction: 'CN-ZJ-HZ-XH',
  },
  {
    username: 'approver.science',
    displayName: '西湖区科技局审批员',
    roles: ['approver'],
    department: 'science',
    jurisdiction: 'CN-ZJ-HZ-XH',
  },
  {
    username: 'approver.sports',
    displayName: '西湖区体育局审批员',
    roles: ['approver'],
    department: 'sports',
    jurisdiction: 'CN-ZJ-HZ-XH',
  },
  {
    username: 'inspector.xihu',
    displayName: '西湖区执法检查员',
    roles: ['inspector'],
    department: 'education',
    jurisdiction: 'CN-ZJ-HZ-XH',
  },
  {
    username: 'inspector.binjiang',
    displayName: '滨江区执法检查员',
    roles: ['inspector'],
    department: 'education',
    jurisdiction: 'CN-ZJ-HZ-BJ',
  },
  {
    username: 'officer.market',
    displayName: '市场监管局专班人员',
    roles: ['task-force-officer'],
    department: 'market-regulation',
    jurisdiction: 'CN-ZJ-HZ-XH',
  },
  {
    username: 'officer.fire',
    displayName: '消防救援专班人员',
    roles: ['task-force-officer'],
    department: 'fire',
    jurisdiction: 'CN-ZJ-HZ-XH',
  },
  {
    username: 'officer.police',
    displayName: '公安专班人员',
    roles: ['task-force-officer'],
    department: 'public-security',
    jurisdiction: 'CN-ZJ-HZ-XH',
  },
  {
    username: 'fund.supervisor',
    displayName: '资金监管专员',
    roles: ['fund-supervisor'],
    department: 'education',
    jurisdiction: 'CN-ZJ-HZ',
  },
  {
    username: 'planner',
    displayName: '双随机抽查计划员',
    roles: ['spot-check-planner'],
    department: 'education',
    jurisdiction: 'CN-ZJ-HZ',
  },
  { username: 'viewer.city', displayName: '市级查看员', roles: ['viewer'], jurisdiction: 'CN-ZJ-HZ' },
  {
    username: 'operator.demo',
    displayName: '机构经办人',
    roles: ['institution-operator'],
    jurisdiction: 'CN-ZJ-HZ-XH',
  },
];
