import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { Principal } from '@otr/auth';
import { EventOrigin } from '@otr/contracts';
import { DEMO_ACCOUNTS } from '@otr/auth';
import { addDays, chinaDate, Clock, loadChinaCalendar } from '@otr/kernel';
import { actorOf } from '../application/actor';
import { Act, ActOnComplaintCommand } from '../application/act-on-complaint/act-on-complaint.command';
import {
  ComplaintForm,
  EvidenceUpload,
  FileComplaintCommand,
} from '../application/file-complaint/file-complaint.command';
import { SlaSweep } from '../application/sla-sweep/sla-sweep';
import { CLOCK_TOKEN, COMPLAINTS_PRISMA } from '../application/tokens';
import { ComplaintsPrisma } from '../infrastructure/complaints-prisma';
import { DEV_HOTLINE_SYSTEM } from '@otr/config';
import { Actor } from '../domain/vocabulary';

const XH = 'CN-ZJ-HZ-XH';
const ORIGIN: EventOrigin = { actor: { userId: 'demo-seed', role: 'system' }, correlationId: 'demo-seed' };

/** The demo accounts (libs/auth) as the complaint domain sees them. */
function demoActor(username: string): Actor {
  const a = DEMO_ACCOUNTS.find((d) => d.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  const principal: Principal = {
    userId: a.username,
    name: a.displayName,
    roles: a.roles,
    jurisdiction: a.jurisdiction,
    ...(a.department ? { department: a.department } : {}),
  };
  return actorOf(principal);
}

/** 10:00 in Beijing, `n` working days before today (today itself for 0). */
function workingDaysAgo(n: number, now: Date): Date {
  const calendar = loadChinaCalendar();
  let date = chinaDate(now);
  for (let left = n; left > 0;) {
    date = addDays(date, -1);
    if (calendar.isWorkingDay(date)) left--;
  }
  const at = new Date(`${date}T10:00:00+08:00`);
  return at > now ? new Date(now.getTime() - 3_600_000) : at;
}

const hours = (at: Date, h: number) => new Date(at.getTime() + h * 3_600_000);

/** The photo a parent attaches in the demo: the smallest valid PNG (storage checks the bytes). */
const PHOTO = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63f8cfc0f01f0005000201e2ad8fa50000000049454e44ae426082',
  'hex',
);

type Step = [who: string, act: Act, afterHours: number];

interface Scenario {
  district?: string;
  /** Index into the district's institutions, so scenarios spread over different ones. */
  pick: number;
  form: Omit<ComplaintForm, 'subject'> & { subject?: ComplaintForm['subject'] };
  daysAgo: number;
  steps?: Step[];
  evidence?: EvidenceUpload[];
}

const person = (i: number) => ({
  name: ['张伟', '李娜', '王芳', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周婷', '吴刚', '徐丽', '孙浩'][
    i % 12
  ],
  phone: `1380571${String(1000 + i).padStart(4, '0')}`,
});

const sign = (who: string, h = 1): Step => [who, { type: 'sign' }, h];
const reply = (who: string, text: string, h = 30): Step => [who, { type: 'reply', reply: text }, h];
const approve = (who = 'approver.city', h = 32): Step => [who, { type: 'approve' }, h];

/** The demo's complaints: every step of the loop, SLA colours, a transfer, extensions and a repeat flag. */
const SCENARIOS: Scenario[] = [
  {
    pick: 0,
    daysAgo: 0,
    form: {
      kind: 'complaint',
      category: 'teaching-content-times',
      description: '周六上午仍开设初二数学培训，进度超前学校两个单元。',
      contact: person(0),
    },
  },
  {
    pick: 0,
    daysAgo: 0,
    form: {
      kind: 'complaint',
      category: 'unlicensed',
      subject: {
        name: '“学霸小课堂”（无招牌）',
        address: '西湖区文三路某小区6幢2单元501室',
        activity: '每晚在居民楼内开设小学语数英辅导班，约15名学生',
        district: XH,
      },
      description: '居民楼内无证办学，晚上学生进出频繁，存在安全隐患。',
    },
  },
  // Red: the fire department has not signed in time; the sweep escalates it to the city.
  {
    pick: 1,
    daysAgo: 3,
    form: {
      kind: 'complaint',
      category: 'safety',
      description: '教室唯一的安全出口堆放桌椅，消防通道被堵。',
      contact: person(1),
    },
    evidence: [{ content: PHOTO, contentType: 'image/png' }],
  },
  {
    pick: 2,
    daysAgo: 2,
    form: {
      kind: 'complaint',
      category: 'teaching-content-times',
      description: '晚上九点半后仍在上课，孩子到家太晚。',
      contact: person(2),
    },
    steps: [sign('approver.xihu')],
  },
  {
    pick: 3,
    daysAgo: 5,
    form: {
      kind: 'complaint',
      category: 'fees-refunds',
      description: '一次性收取了12个月学费，要求退还未上课时的费用未获答复。',
      contact: person(3),
    },
    steps: [
      sign('fund.supervisor'),
      ['officer.market', { type: 'note', note: '已调取收费合同，确认一次性收取12个月费用' }, 6],
    ],
  },
  // Amber: 15 working days nearly used up.
  {
    pick: 4,
    daysAgo: 14,
    form: {
      kind: 'complaint',
      category: 'teaching-content-times',
      description: '暑假期间组织小学生集中补课，每天6小时。',
      contact: person(4),
    },
    steps: [sign('approver.xihu'), ['approver.xihu', { type: 'note', note: '已电话约谈机构负责人' }, 48]],
  },
  {
    pick: 5,
    daysAgo: 4,
    form: {
      kind: 'help',
      category: 'staff',
      description: '想核实孩子的英语老师是否具备教师资格。',
      contact: person(5),
    },
    steps: [sign('approver.xihu')],
  },
  {
    pick: 6,
    daysAgo: 1,
    form: {
      kind: 'consultation',
      category: 'other',
      description: '咨询该机构是否已在预收费监管平台开立监管账户。',
      contact: person(6),
    },
    steps: [sign('approver.xihu')],
  },
  {
    pick: 7,
    daysAgo: 6,
    form: {
      kind: 'complaint',
      category: 'teaching-content-times',
      description: '以“素质拓展”名义开设奥数课程，变相学科培训。',
      contact: person(7),
    },
    steps: [
      sign('approver.xihu'),
      reply('approver.xihu', '经查属实，已责令机构停止相关课程，并纳入年检重点核查。'),
    ],
  },
  {
    pick: 8,
    daysAgo: 10,
    form: {
      kind: 'complaint',
      category: 'advertising',
      description: '宣传单写“保证提分30分，无效全额退费”。',
      contact: person(8),
    },
    steps: [
      sign('officer.market'),
      reply('officer.market', '已责令撤下违规宣传材料，立案调查虚假宣传。'),
      approve(),
    ],
  },
  {
    pick: 9,
    daysAgo: 12,
    form: {
      kind: 'complaint',
      category: 'teaching-content-times',
      description: '工作日晚上九点后仍在上课。',
      contact: person(9),
    },
    steps: [
      sign('approver.xihu'),
      reply('approver.xihu', '已责令机构调整课表，晚间课程于20:30前结束。'),
      approve(),
      ['approver.xihu', { type: 'call-back', reached: true, note: '家长确认课表已调整' }, 50],
    ],
  },
  {
    pick: 10,
    daysAgo: 20,
    form: {
      kind: 'complaint',
      category: 'staff',
      description: '有在职中学教师在该机构兼职授课。',
      contact: person(10),
    },
    steps: [
      sign('approver.xihu'),
      reply('approver.xihu', '已核实并通报涉事教师所在学校处理，机构已解聘。'),
      approve(),
      ['approver.xihu', { type: 'call-back', reached: true, note: '家长表示满意' }, 50],
      ['approver.xihu', { type: 'rate', satisfied: true }, 50],
    ],
  },
  // Reopened today after "not satisfied" (the rating step is clipped to now).
  {
    pick: 11,
    daysAgo: 9,
    form: {
      kind: 'complaint',
      category: 'teaching-content-times',
      description: '国庆假期组织学科类集中培训。',
      contact: person(11),
    },
    steps: [
      sign('approver.xihu'),
      reply('approver.xihu', '已约谈机构负责人。', 24),
      approve('approver.city', 26),
      ['complainant', { type: 'rate', satisfied: false, comment: '假期仍在上课' }, 24 * 30],
    ],
  },
  {
    pick: 12,
    daysAgo: 1,
    form: {
      kind: 'complaint',
      category: 'other',
      description: '机构在公众号发布“名师押题”广告。',
      contact: person(12),
    },
    steps: [
      sign('approver.xihu'),
      [
        'approver.xihu',
        { type: 'transfer', to: { department: 'market-regulation' }, reason: '涉及广告宣传，属市场监管职责' },
        2,
      ],
    ],
  },
  {
    pick: 13,
    daysAgo: 3,
    form: {
      kind: 'complaint',
      category: 'other',
      description: '商场内的宣传展位发放“免费试听后强制办卡”传单。',
      contact: person(13),
    },
    steps: [
      [
        'approver.xihu',
        { type: 'transfer', to: { department: 'market-regulation' }, reason: '涉及价格欺诈' },
        1,
      ],
      ['officer.market', { type: 'accept-transfer' }, 3],
    ],
  },
  {
    pick: 14,
    daysAgo: 8,
    form: {
      kind: 'complaint',
      category: 'teaching-content-times',
      description: '机构利用晚托时间讲授新课。',
      contact: person(14),
    },
    steps: [
      sign('approver.xihu'),
      ['approver.xihu', { type: 'request-extension', workingDays: 5, reason: '需会同学校核实课程内容' }, 30],
    ],
  },
  {
    pick: 15,
    daysAgo: 12,
    form: {
      kind: 'complaint',
      category: 'fees-refunds',
      description: '退费申请提交20天仍未退款。',
      contact: person(15),
    },
    steps: [
      sign('fund.supervisor'),
      ['fund.supervisor', { type: 'request-extension', workingDays: 5, reason: '需调取托管银行流水' }, 30],
      ['approver.city', { type: 'grant-extension', workingDays: 5 }, 34],
    ],
  },
  // Other districts.
  {
    district: 'CN-ZJ-HZ-BJ',
    pick: 0,
    daysAgo: 0,
    form: {
      kind: 'complaint',
      category: 'teaching-content-times',
      description: '周日开设高中物理提前班。',
      contact: person(16),
    },
  },
  {
    district: 'CN-ZJ-HZ-BJ',
    pick: 1,
    daysAgo: 2,
    form: {
      kind: 'complaint',
      category: 'staff',
      description: '授课教师无教师资格证。',
      contact: person(17),
    },
    steps: [sign('inspector.binjiang')],
  },
  {
    district: 'CN-ZJ-HZ-SC',
    pick: 0,
    daysAgo: 3,
    form: {
      kind: 'complaint',
      category: 'teaching-content-times',
      description: '寒假集中补课。',
      contact: person(18),
    },
    steps: [sign('approver.city')],
  },
  {
    district: 'CN-ZJ-HZ-GS',
    pick: 0,
    daysAgo: 7,
    form: {
      kind: 'help',
      category: 'other',
      description: '机构突然停课，老板联系不上。',
      contact: person(19),
    },
    steps: [
      sign('approver.city'),
      reply('approver.city', '已联系机构法定代表人，责令恢复上课或按规定退费。'),
    ],
  },
  {
    district: 'CN-ZJ-HZ-XS',
    pick: 0,
    daysAgo: 11,
    form: {
      kind: 'complaint',
      category: 'teaching-content-times',
      description: '以研学名义组织学科培训。',
      contact: person(20),
    },
    steps: [sign('approver.city'), reply('approver.city', '已核查并责令整改。'), approve('fund.supervisor')],
  },
  {
    district: 'CN-ZJ-HZ-YH',
    pick: 0,
    daysAgo: 1,
    form: { kind: 'consultation', category: 'other', description: '咨询机构办学许可证是否在有效期内。' },
  },
  {
    district: 'CN-ZJ-HZ-LP',
    pick: 0,
    daysAgo: 0,
    form: {
      kind: 'complaint',
      category: 'teaching-content-times',
      description: '线上课程单节时长超过30分钟。',
      contact: person(21),
    },
  },
  {
    district: 'CN-ZJ-HZ-QT',
    pick: 0,
    daysAgo: 4,
    form: { kind: 'complaint', category: 'staff', description: '外籍教师无工作许可。', contact: person(22) },
    steps: [sign('approver.city')],
  },
  {
    district: 'CN-ZJ-HZ-FY',
    pick: 0,
    daysAgo: 0,
    form: { kind: 'complaint', category: 'other', description: '机构更名后未公示。' },
  },
];

/**
 * Three complaints by different parents against one institution: the sweep flags it for
 * inspection. Signed by city officials, since the institution may be in any district.
 */
const REPEATS: { form: Omit<ComplaintForm, 'subject'>; signer: string }[] = [
  {
    form: {
      kind: 'complaint',
      category: 'fees-refunds',
      description: '预收费超过3个月。',
      contact: person(23),
    },
    signer: 'fund.supervisor',
  },
  {
    form: {
      kind: 'complaint',
      category: 'staff',
      description: '授课教师频繁更换，无资格证明。',
      contact: person(24),
    },
    signer: 'approver.city',
  },
  {
    form: {
      kind: 'complaint',
      category: 'teaching-content-times',
      description: '周末学科类培训。',
      contact: person(25),
    },
    signer: 'approver.city',
  },
];

async function waitForInstitutions(prisma: ComplaintsPrisma, log: Logger): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  let last = -1;
  for (;;) {
    const n = await prisma.institution.count();
    // Filled: institutions have arrived and the count has stopped growing.
    if (n > 0 && n === last) return true;
    if (Date.now() > deadline) {
      if (n === 0) log.warn('no institutions arrived from registration in 30 s; complaints demo not seeded');
      return n > 0;
    }
    last = n;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * Demo complaints through the real command path, backdated so the queues show every SLA colour.
 * Runs once (nothing happens when complaints exist), after registration has licensed the demo
 * institutions and this service has learnt of them.
 */
export async function seedComplaintsDemo(app: INestApplication, opts: { log: Logger }): Promise<void> {
  const prisma = app.get<ComplaintsPrisma>(COMPLAINTS_PRISMA);
  if ((await prisma.complaint.count()) > 0) return;
  if (!(await waitForInstitutions(prisma, opts.log))) return;
  const commands = app.get(CommandBus);
  const now = app.get<Clock>(CLOCK_TOKEN).now();
  const institutions = await prisma.institution.findMany({
    where: { status: 'active' },
    orderBy: { lastEventAt: 'asc' },
  });
  const inDistrict = (district: string) => institutions.filter((i) => i.district === district);
  // The demo operator runs the first institution licensed in 西湖区 (apps/platform's seed): its
  // queue gets the repeated complaints.
  const operatorsOwn = inDistrict(XH)[0];
  const xihu = inDistrict(XH).filter((i) => i.institutionId !== operatorsOwn?.institutionId);

  let filed = 0;
  const file = async (
    form: ComplaintForm,
    at: Date,
    channel: 'portal' | 'hotline-12345' = 'portal',
    evidence: EvidenceUpload[] = [],
  ) => {
    // The hotline's work orders come from the development hotline, which can list them (GeoReport).
    const hotline = channel === 'hotline-12345' ? { intakeSystem: DEV_HOTLINE_SYSTEM } : {};
    const receipt = await commands.execute(
      new FileComplaintCommand(form, channel, { kind: 'public' }, ORIGIN, {
        receivedAt: at,
        evidence,
        ...hotline,
      }),
    );
    filed++;
    return receipt.complaintId;
  };

  for (const [i, s] of SCENARIOS.entries()) {
    const pool = s.district ? inDistrict(s.district) : xihu;
    const institution = pool[s.pick % Math.max(pool.length, 1)];
    if (!institution && !s.form.subject) continue;
    const at = workingDaysAgo(s.daysAgo, now);
    const subject = s.form.subject ?? { licenseId: institution.licenseId };
    const id = await file({ ...s.form, subject }, at, i % 3 === 0 ? 'hotline-12345' : 'portal', s.evidence);
    for (const [who, act, afterHours] of s.steps ?? []) {
      const when = hours(at, afterHours);
      const by: Actor = who === 'complainant' ? { kind: 'complainant' } : demoActor(who);
      await commands.execute(new ActOnComplaintCommand(id, act, by, ORIGIN, when > now ? now : when));
    }
  }

  if (operatorsOwn) {
    const ids: string[] = [];
    for (const [i, { form, signer }] of REPEATS.entries()) {
      const at = workingDaysAgo(2 - i, now);
      const id = await file({ ...form, subject: { licenseId: operatorsOwn.licenseId } }, at);
      await commands.execute(
        new ActOnComplaintCommand(
          id,
          { type: 'sign' },
          demoActor(signer),
          ORIGIN,
          hours(at, 1) > now ? now : hours(at, 1),
        ),
      );
      ids.push(id);
    }
    const operator: Actor = { kind: 'institution', institutionId: operatorsOwn.institutionId };
    const answer: Act = { type: 'institution-reply', reply: '已按规定调整收费周期，并逐一联系家长说明。' };
    await commands.execute(new ActOnComplaintCommand(ids[0], answer, operator, ORIGIN, now));
  }
  // A repeat by the same parent is merged into their open complaint.
  const repeatOf = SCENARIOS[3];
  const repeated = xihu[repeatOf.pick % Math.max(xihu.length, 1)];
  if (repeated) {
    await file(
      {
        ...repeatOf.form,
        subject: { licenseId: repeated.licenseId },
        description: '再次反映：晚上九点半后仍在上课。',
      },
      now,
    );
  }

  const swept = await app.get(SlaSweep).run();
  opts.log.info({ complaints: filed, ...swept }, 'complaints demo seeded');
}
