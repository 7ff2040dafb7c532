import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { Department } from '@otr/auth';
import { EventOrigin } from '@otr/contracts';
import { addDays, chinaDate, loadChinaCalendar } from '@otr/kernel';
import { BlobStore } from '@otr/storage';
import { GradeAnnualReportCommand, SubmitAnnualReportCommand } from '../application/annual-reports';
import {
  OpenInspectionCommand,
  RecordChecklistCommand,
  RecordViolationCommand,
  ScheduleInspectionCommand,
} from '../application/inspections';
import { OpenJointCaseCommand } from '../application/joint-cases';
import { AddToBlacklistCommand, DecidePenaltyCommand, ProposePenaltyCommand } from '../application/penalties';
import { EVIDENCE, InspectionRulesSource, InspectionStore, RULES, STORE } from '../application/ports';
import { OrderRectificationCommand } from '../application/rectifications';
import { DrawSpotCheckCommand } from '../application/spot-checks';
import { Ctx } from '../application/support';
import { AnnualReportState } from '../domain/annual-report';
import { InspectionState } from '../domain/inspection';
import { PenaltyState } from '../domain/penalty';
import { ViolationState } from '../domain/violation';

const XH = 'CN-ZJ-HZ-XH';
const HZ = 'CN-ZJ-HZ';

/** The roster: inspector.xihu is the demo login (libs/auth demo-accounts); the others are roster-only. */
const ROSTER: { userId: string; name: string; department: Department; jurisdiction: string }[] = [
  { userId: 'inspector.xihu', name: '西湖区执法检查员', department: 'education', jurisdiction: XH },
  {
    userId: 'inspector.binjiang',
    name: '滨江区执法检查员',
    department: 'education',
    jurisdiction: 'CN-ZJ-HZ-BJ',
  },
  { userId: 'inspector.city', name: '市教育局执法检查员', department: 'education', jurisdiction: HZ },
  {
    userId: 'inspector.market',
    name: '市场监管执法检查员',
    department: 'market-regulation',
    jurisdiction: HZ,
  },
  { userId: 'inspector.fire', name: '消防监督检查员', department: 'fire', jurisdiction: HZ },
  { userId: 'inspector.sports', name: '体育局执法检查员', department: 'sports', jurisdiction: HZ },
  {
    userId: 'inspector.culture',
    name: '文化市场执法检查员',
    department: 'culture-tourism',
    jurisdiction: HZ,
  },
  { userId: 'inspector.police', name: '公安执法检查员', department: 'public-security', jurisdiction: HZ },
];

/** The smallest JPEG the storage accepts: the demo's site photo. */
const DEMO_PHOTO = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
]);

const ctx = (
  userId: string,
  department: Department | undefined,
  jurisdiction: string,
  institutionId?: string,
): Ctx => {
  const origin: EventOrigin = {
    actor: { userId, role: 'demo-seed', ...(department ? { department } : {}) },
    correlationId: 'demo-seed',
  };
  return {
    origin,
    by: {
      userId,
      jurisdiction,
      ...(department ? { department } : {}),
      ...(institutionId ? { institutionId } : {}),
    },
  };
};

/** The 西湖区 institutions the demo's reports, draw and visit use. */
const XIHU_INSTITUTIONS = 8;

/**
 * Demo enforcement data through the real command path, once: a roster, graded annual reports, a
 * spot-check draw, violations with a rectification order, a penalty waiting for decision, a
 * black-list entry and a joint case. Waits for registration's licenses to reach the pool.
 */
export async function seedInspectionDemo(app: INestApplication, opts: { log: Logger }): Promise<void> {
  const store = app.get<InspectionStore>(STORE);
  const commands = app.get(CommandBus);
  // The licenses arrive as events: wait until the pool stops growing, a while longer when it has
  // not yet the eight 西湖区 institutions the demo uses (deliveries may pause under load).
  const deadline = Date.now() + 30_000;
  let [size, steady] = [0, 0];
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await store.poolSize();
    steady = now === size ? steady + 1 : 0;
    size = now;
    const enough = size > 0 && (await store.pool(XH)).length >= XIHU_INSTITUTIONS;
    if ((enough && steady >= 4) || (size > 0 && steady >= 20) || Date.now() > deadline) break;
  }
  if (size === 0) {
    opts.log.warn(
      'no licensed institutions reached the inspection pool within 30 s; inspection demo not seeded',
    );
    return;
  }
  if ((await store.list('spot-check', { page: 1, pageSize: 1 }, { jurisdiction: 'CN' })).total > 0) return;

  for (const r of ROSTER) await store.saveInspector({ ...r, conflicts: [], active: true });
  const pool = (await store.pool(XH)).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  if (pool.length < XIHU_INSTITUTIONS) {
    opts.log.warn({ xihu: pool.length }, 'too few licensed institutions in 西湖区 for the inspection demo');
    return;
  }
  const now = new Date();
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4)) - 1;
  const approver = ctx('approver.xihu', 'education', XH);
  const cityApprover = ctx('approver.city', 'education', HZ);
  const inspector = ctx('inspector.xihu', 'education', XH);

  // Annual reports for last year, graded excellent, pass, basic pass and fail (a veto item).
  const shares: [number, string[]][] = [
    [0.95, []],
    [0.8, []],
    [0.65, []],
    [0.75, ['false-report']],
  ];
  const { sheet } = app.get<InspectionRulesSource>(RULES).forDistrict(XH, now).grading;
  for (const [i, [share, vetoes]] of shares.entries()) {
    const institution = pool[i];
    const report: AnnualReportState = await commands.execute(
      new SubmitAnnualReportCommand(
        year,
        {
          teaching: { courses: 4 + i, students: 60 + 20 * i, lessonsDelivered: 500 + 100 * i },
          staff: { teachers: 6, qualifiedTeachers: 6 - i },
          finances: {
            incomeFen: 60_000_000 + i * 5_000_000,
            refundsFen: 300_000 * i,
            escrowBalanceFen: 12_000_000,
          },
          safety: { fireInspectionPassed: i !== 3, incidents: i === 3 ? 1 : 0 },
          complaintsReceived: i,
        },
        ctx(`operator.${institution.institutionId}`, undefined, XH, institution.institutionId),
      ),
    );
    const scores = Object.fromEntries(
      sheet.indicators.map((x) => [x.key, Math.round(x.maxPoints * share * 2) / 2]),
    );
    await commands.execute(new GradeAnnualReportCommand(report.id, { scores, vetoes }, approver));
  }

  // The quarter's random spot check in 西湖区, published seed and all.
  const calendar = loadChinaCalendar();
  await commands.execute(
    new DrawSpotCheckCommand(
      {
        name: `${today.slice(0, 4)}年第四季度西湖区校外培训机构双随机抽查`,
        jurisdiction: XH,
        seed: `OTR-DEMO-${today.slice(0, 4)}-XH`,
        count: 6,
        scheduledFor: calendar.addWorkingDays(today, 2),
      },
      ctx('planner', 'education', HZ),
    ),
  );

  // inspector.xihu's own visit: checklist, two violations with a site photo, a rectification order.
  const photo = await app
    .get<BlobStore>(EVIDENCE)
    .put(DEMO_PHOTO, { contentType: 'image/jpeg', filename: 'site.jpg' });
  const evidence = [
    {
      sha256: photo.sha256,
      contentType: photo.contentType,
      filename: 'site.jpg',
      takenAt: new Date(now.getTime() - 3_600_000).toISOString(),
      place: { address: '浙江省杭州市西湖区文三路（现场）' },
    },
  ];
  const visited = pool[4];
  const lead: InspectionState = await commands.execute(
    new OpenInspectionCommand(visited.institutionId, '群众反映超员培训', approver),
  );
  await commands.execute(
    new ScheduleInspectionCommand(lead.id, ['inspector.xihu', 'inspector.market'], today, approver),
  );
  await commands.execute(
    new RecordChecklistCommand(
      lead.id,
      [
        { item: '办学许可证公示', ok: true },
        { item: '同一时段生均面积不低于3平方米', ok: false, note: '60㎡教室35人' },
        { item: '消防通道畅通', ok: false, note: '杂物堵塞' },
      ],
      inspector,
    ),
  );
  const violations: ViolationState[] = [];
  for (const [code, description] of [
    ['overcrowding', '60平方米教室同一时段容纳35名学生'],
    ['fire-hazard', '安全出口堆放杂物'],
  ] as const)
    violations.push(
      await commands.execute(
        new RecordViolationCommand(
          { inspectionId: lead.id },
          { code, severity: 'serious', description, evidence },
          inspector,
        ),
      ),
    );
  await commands.execute(
    new OrderRectificationCommand(
      violations.map((v) => v.id),
      '分班降低同时段人数至生均3平方米以上；清理安全出口',
      undefined,
      inspector,
    ),
  );

  // A fine proposed by inspector.xihu, waiting for approver.xihu's decision.
  await commands.execute(
    new ProposePenaltyCommand(
      {
        violationIds: [violations[0].id],
        type: 'warning',
        reasons: '超员培训，存在安全隐患',
      },
      inspector,
    ),
  );

  // A decided penalty and its black-list entry.
  const disguised: ViolationState = await commands.execute(
    new RecordViolationCommand(
      { institutionId: pool[5].institutionId },
      {
        code: 'disguised-subject-training',
        severity: 'especially-serious',
        description: '以"思维训练"名义开展初中数学培训',
        evidence,
      },
      inspector,
    ),
  );
  const penalty: PenaltyState = await commands.execute(
    new ProposePenaltyCommand(
      {
        violationIds: [disguised.id],
        type: 'fine',
        reasons: '变相开展学科类校外培训，情节特别严重',
        fineFen: 8_000_000,
        fineBasis: { kind: 'disguised-subject-training', especiallySerious: true },
      },
      inspector,
    ),
  );
  await commands.execute(new DecidePenaltyCommand(penalty.id, { decide: true }, cityApprover));
  await commands.execute(
    new AddToBlacklistCommand(
      { penaltyId: penalty.id, reason: '变相开展学科类校外培训，情节特别严重', trainingBan: true },
      approver,
    ),
  );

  // A joint case against an unlicensed operator.
  await commands.execute(
    new OpenJointCaseCommand(
      {
        subject: {
          name: '翠苑小区无证学科类托管班',
          address: '浙江省杭州市西湖区翠苑三区12幢',
          district: XH,
        },
        summary: '群众举报某小区住宅内无证开展学科类培训及托管',
        tasks: [
          {
            department: 'education',
            legalBasis: '教育部令第53号《校外培训行政处罚暂行办法》第十七条',
            workingDays: 10,
          },
          { department: 'market-regulation', legalBasis: '《无证无照经营查处办法》第五条', workingDays: 10 },
          { department: 'fire', legalBasis: '《中华人民共和国消防法》第五十四条', dueBy: addDays(today, 7) },
        ],
      },
      ctx('officer.market', 'market-regulation', XH),
    ),
  );
  opts.log.info({ roster: ROSTER.length, year }, 'inspection demo seeded');
}
