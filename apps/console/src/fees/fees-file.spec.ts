import {
  chartPoints,
  closurePercent,
  daysBefore,
  beijingDay,
  lessonBody,
  limitOffsetChunks,
  offered,
  reconcileBody,
  withId,
} from './fees-file';

describe('limitOffsetChunks', () => {
  it('asks one request for a page that fits', () => {
    expect(limitOffsetChunks(3, 25, 500)).toEqual([{ limit: 25, offset: 50 }]);
  });
  it('splits an export larger than the service page', () => {
    expect(limitOffsetChunks(1, 1200, 500)).toEqual([
      { limit: 500, offset: 0 },
      { limit: 500, offset: 500 },
      { limit: 200, offset: 1000 },
    ]);
  });
  it('asks exactly max rows at the boundary', () => {
    expect(limitOffsetChunks(2, 500, 500)).toEqual([{ limit: 500, offset: 500 }]);
  });
});

describe('withId', () => {
  it('keys accounts and closures by institution', () => {
    expect(withId('fee-accounts', { institutionId: 'i-1' }).id).toBe('i-1');
    expect(withId('fee-closures', { institutionId: 'i-2', id: 'x' }).id).toBe('i-2');
  });
  it('keeps the id of other records', () => {
    expect(withId('fee-alerts', { id: 'a-1', institutionId: 'i-1' }).id).toBe('a-1');
  });
});

describe('offered', () => {
  it('acknowledges only open alerts and closes open or acknowledged ones', () => {
    expect(offered('acknowledge', 'open')).toBe(true);
    expect(offered('acknowledge', 'acknowledged')).toBe(false);
    expect(offered('closeAlert', 'acknowledged')).toBe(true);
    expect(offered('closeAlert', 'closed')).toBe(false);
  });
  it('lets the institution answer only a refund awaiting it', () => {
    expect(offered('agreeRefund', 'awaiting-institution')).toBe(true);
    expect(offered('disputeRefund', 'disputed')).toBe(false);
  });
  it('lets the supervisor order an unanswered or disputed refund and pay an agreed one', () => {
    expect(offered('orderRefund', 'disputed')).toBe(true);
    expect(offered('orderRefund', 'agreed')).toBe(false);
    expect(offered('payRefund', 'agreed')).toBe(true);
    expect(offered('payRefund', 'paid')).toBe(false);
  });
  it('records lessons only on paid orders and runs refunds only while refunding', () => {
    expect(offered('recordLesson', 'paid')).toBe(true);
    expect(offered('recordLesson', 'awaiting-payment')).toBe(false);
    expect(offered('runRefunds', 'completed')).toBe(false);
  });
});

describe('dates', () => {
  it('takes the day in Beijing time', () => {
    expect(beijingDay(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02-01');
    expect(beijingDay(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01-31');
  });
  it('counts back across months and leap days', () => {
    expect(daysBefore('2024-03-01', 1)).toBe('2024-02-29');
    expect(daysBefore('2026-03-31', 90)).toBe('2025-12-31');
  });
});

describe('chartPoints', () => {
  it('scales fen to yuan for the axis and keeps the exact figure', () => {
    expect(
      chartPoints([
        { date: '2026-01-05', escrowFen: 123456, paidInFen: 200000, releasedFen: 76544, refundedFen: 0 },
      ]),
    ).toEqual([
      { date: '2026-01-05', escrowFen: 123456, escrow: 1234.56, paidIn: 2000, released: 765.44, refunded: 0 },
    ]);
  });
});

describe('closurePercent', () => {
  it('rounds down so 100 % means every claim paid', () => {
    expect(closurePercent({ claims: 3, claimsPaid: 2 })).toBe(66);
    expect(closurePercent({ claims: 3, claimsPaid: 3 })).toBe(100);
    expect(closurePercent({ claims: 0, claimsPaid: 0 })).toBe(100);
  });
});

describe('bodies', () => {
  it('sends lesson numbers as numbers', () => {
    expect(
      lessonBody('o-1', {
        date: '2026-03-02',
        start: '18:00',
        durationMinutes: '90',
        mode: 'offline',
        hours: '2',
        students: '8',
      }),
    ).toEqual({
      orderId: 'o-1',
      date: '2026-03-02',
      start: '18:00',
      durationMinutes: 90,
      mode: 'offline',
      hours: 2,
      students: 8,
    });
  });
  it('leaves out an empty institution when reconciling every account', () => {
    expect(reconcileBody({ date: '2026-03-02', institutionId: '' })).toEqual({ date: '2026-03-02' });
  });
});
