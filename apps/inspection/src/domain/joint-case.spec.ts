import { InspectionRuleViolated, InvalidState, NotAllowed } from './errors';
import {
  closeJointCase,
  completeCaseTask,
  evolveJointCase,
  JointCaseState,
  openJointCase,
} from './joint-case';

const tasks = [
  { id: 't1', department: 'education', legalBasis: '教育部令第53号 第十七条', dueBy: '2026-12-04' },
  {
    id: 't2',
    department: 'market-regulation',
    legalBasis: '《无证无照经营查处办法》第五条',
    dueBy: '2026-12-04',
  },
  { id: 't3', department: 'fire', legalBasis: '《中华人民共和国消防法》第五十四条', dueBy: '2026-11-27' },
];
const opened: JointCaseState = {
  id: 'c',
  subject: { institutionId: 'c', name: '无证托管点', district: 'CN-ZJ-HZ-XH', address: '西湖区某小区3幢' },
  summary: '群众举报无证办学',
  openedBy: 'officer',
  openedOn: '2026-11-20',
  tasks: tasks.map((t) => ({ ...t, status: 'open' })),
  status: 'open',
  version: 1,
};
const official = (department: string) => ({
  userId: `u-${department}`,
  department,
  jurisdiction: 'CN-ZJ-HZ-XH',
});

describe('a joint case (联合执法)', () => {
  it('opens with one task per department, each with a deadline not in the past', () => {
    expect(openJointCase(tasks, '2026-11-20')).toEqual([{ type: 'JointCaseOpened' }]);
    expect(() => openJointCase([], '2026-11-20')).toThrow(InspectionRuleViolated);
    expect(() => openJointCase([tasks[0], { ...tasks[0], id: 'dup' }], '2026-11-20')).toThrow(
      /one task per department/,
    );
    expect(() => openJointCase(tasks, '2026-11-30')).toThrow(
      expect.objectContaining({ citation: expect.objectContaining({ field: 'tasks.2.dueBy' }) }),
    );
  });

  it('each task is completed by its own department only, once', () => {
    expect(() => completeCaseTask(opened, 't3', '有隐患', official('education'), '2026-11-21')).toThrow(
      NotAllowed,
    );
    const done = completeCaseTask(opened, 't3', '疏散通道堵塞', official('fire'), '2026-11-21').reduce(
      evolveJointCase,
      opened,
    );
    expect(done.tasks.find((t) => t.id === 't3')).toMatchObject({
      status: 'done',
      findings: '疏散通道堵塞',
      completedBy: 'u-fire',
    });
    expect(() => completeCaseTask(done, 't3', 'again', official('fire'), '2026-11-22')).toThrow(InvalidState);
  });

  it('closes only when every department has finished', () => {
    expect(() => closeJointCase(opened, '取缔', official('education'), '2026-11-25')).toThrow(/still open/);
    const all = tasks.reduce(
      (s, t) =>
        completeCaseTask(s, t.id, '已查', official(t.department), '2026-11-24').reduce(evolveJointCase, s),
      opened,
    );
    const closed = closeJointCase(all, '责令停止举办', official('education'), '2026-11-25').reduce(
      evolveJointCase,
      all,
    );
    expect(closed).toMatchObject({ status: 'closed', closure: { conclusion: '责令停止举办' } });
  });
});
