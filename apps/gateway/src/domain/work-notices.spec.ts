import { WORK_SOURCES, workNotices } from './work-notices';

describe('the bell’s notices from the dashboard figures', () => {
  it('turns each non-zero figure into one unread notice linking to its console screen', () => {
    const feed = workNotices(
      {
        registration: { waiting: 3, overdue: 1 },
        inspection: { rectificationsOpen: 2, rectificationsOverdue: 0 },
        complaints: { open: { green: 0, amber: 4, red: 5 } },
        fees: { openAlerts: 6 },
      },
      'zh-CN',
    );
    expect(feed.items).toEqual([
      { id: 'registration:overdue', title: '1 件申请审查超期', link: '#/applications', read: false },
      { id: 'registration:waiting', title: '3 件申请待审查', link: '#/applications', read: false },
      {
        id: 'inspection:rectifications-open',
        title: '2 项整改未完成',
        link: '#/rectifications',
        read: false,
      },
      { id: 'complaints:red', title: '5 件投诉已超期', link: '#/complaints', read: false },
      { id: 'complaints:amber', title: '4 件投诉临近办理时限', link: '#/complaints', read: false },
      { id: 'fees:open-alerts', title: '6 条资金风险预警未关闭', link: '#/fee-alerts', read: false },
    ]);
    expect(feed.unread).toBe(6);
  });

  it('writes the titles in English when asked', () => {
    const feed = workNotices({ registration: { waiting: 1, overdue: 2 }, fees: { openAlerts: 1 } }, 'en');
    expect(feed.items.map((n) => n.title)).toEqual([
      '2 applications overdue for review',
      '1 application awaiting review',
      '1 fund alert open',
    ]);
  });

  it('gives no notice for zero figures', () => {
    expect(
      workNotices(
        {
          registration: { waiting: 0, overdue: 0 },
          inspection: { rectificationsOpen: 0, rectificationsOverdue: 0 },
          complaints: { open: { green: 0, amber: 0, red: 0 } },
          fees: { openAlerts: 0 },
        },
        'zh-CN',
      ),
    ).toEqual({ items: [], total: 0, unread: 0 });
  });

  it('gives no notice for a service that did not answer', () => {
    const feed = workNotices({ complaints: { open: { green: 2, amber: 0, red: 0 } } }, 'zh-CN');
    expect(feed.items.map((n) => n.id)).toEqual(['complaints:green']);
    expect(workNotices({}, 'zh-CN')).toEqual({ items: [], total: 0, unread: 0 });
  });

  it('reads only well-formed figures from a service', () => {
    expect(
      WORK_SOURCES.registration.figures.safeParse({ waiting: 2, overdue: 0, byDistrict: [] }).success,
    ).toBe(true);
    expect(WORK_SOURCES.fees.figures.safeParse({ openAlerts: '3' }).success).toBe(false);
    expect(WORK_SOURCES.complaints.figures.safeParse({ open: { green: 1, amber: -1, red: 0 } }).success).toBe(
      false,
    );
  });
});
