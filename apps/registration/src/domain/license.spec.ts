import { InvalidApplicationState } from './errors';
import {
  applyPenalty,
  changeProfile,
  close,
  remindersDue,
  evolveLicense,
  expire,
  LicenseEvent,
  LicenseState,
  reinstate,
  renew,
  revoke,
  suspend,
} from './license';

const active: LicenseState = {
  id: 'l',
  institutionId: 'i',
  number: '教民XH202600001号',
  status: 'active',
  validUntil: '2029-11-21',
  district: 'CN-ZJ-HZ-XH',
  competentDepartment: 'culture-tourism',
  profile: {
    institutionName: '杭州西湖区博雅美术艺术培训有限公司',
    address: '浙江省杭州市西湖区文三路100号',
    legalRepresentative: '王芳',
    scopes: ['offline'],
    category: 'arts',
    maxClassSize: 20,
  },
  remindersSent: [],
  version: 1,
};
const given = (...events: LicenseEvent[]) => events.reduce(evolveLicense, active);

describe('a license', () => {
  it('when suspended by a penalty decision, then it stops enrolling until reinstated', () => {
    const events = suspend(active, '违规收费', '西教罚〔2026〕3号');
    expect(events).toEqual([{ type: 'LicenseSuspended', reason: '违规收费', decision: '西教罚〔2026〕3号' }]);
    const suspended = given(...events);
    expect(suspended.status).toBe('suspended');
    expect(given(...events, ...reinstate(suspended, '整改完成')).status).toBe('active');
  });

  it('cannot be reinstated unless suspended', () => {
    expect(() => reinstate(active, 'x')).toThrow(InvalidApplicationState);
  });

  it('once revoked, cannot be revoked, suspended or renewed again', () => {
    const revoked = given({ type: 'LicenseRevoked', reason: '连续三年年检不合格' });
    expect(() => revoke(revoked, 'x')).toThrow(InvalidApplicationState);
    expect(() => suspend(revoked, 'x')).toThrow(InvalidApplicationState);
    expect(() => renew(revoked, '2032-11-21')).toThrow(InvalidApplicationState);
  });

  it('expires the day after its last valid day, not on it', () => {
    expect(expire(active, '2029-11-21')).toEqual([]);
    expect(expire(active, '2029-11-22')).toEqual([{ type: 'LicenseExpired', validUntil: '2029-11-21' }]);
    expect(expire(given({ type: 'LicenseRevoked', reason: 'x' }), '2030-01-01')).toEqual([]);
  });

  it('keeps its number when renewed, and only moves forward', () => {
    const renewed = given(...renew(active, '2032-11-21'));
    expect(renewed).toMatchObject({ number: active.number, validUntil: '2032-11-21', status: 'active' });
    expect(() => renew(active, '2029-01-01')).toThrow(InvalidApplicationState);
  });
});

describe('a penalty decided by inspection', () => {
  it('suspends an active license when it stops enrolment or suspends', () => {
    expect(applyPenalty(active, 'stop-enrolling', '西教罚〔2026〕7号', '超前收费')).toEqual([
      { type: 'LicenseSuspended', reason: '超前收费', decision: '西教罚〔2026〕7号' },
    ]);
  });

  it('revokes, and a second decision on an ended license changes nothing', () => {
    const revoked = given(...applyPenalty(active, 'revoke', '西教罚〔2026〕8号', '连续三年不合格'));
    expect(revoked.status).toBe('revoked');
    expect(applyPenalty(revoked, 'revoke', '西教罚〔2026〕8号', 'again')).toEqual([]);
    expect(applyPenalty(revoked, 'suspend', 'x', 'x')).toEqual([]);
  });

  it('a suspension of an already suspended license, or none at all, changes nothing', () => {
    const suspended = given({ type: 'LicenseSuspended', reason: 'x' });
    expect(applyPenalty(suspended, 'suspend', 'x', 'x')).toEqual([]);
    expect(applyPenalty(active, 'none', 'x', 'warning')).toEqual([]);
  });
});

describe('expiry reminders (到期提醒)', () => {
  const days = [90, 30];

  it('are due 90 days before the last valid day, not 91', () => {
    expect(remindersDue(active, '2029-08-22', days)).toEqual([]);
    expect(remindersDue(active, '2029-08-23', days)).toEqual([
      { type: 'LicenseExpiryReminderDue', daysBefore: 90 },
    ]);
  });

  it('are sent once each: after the 90-day one, the 30-day one comes at 30 days', () => {
    const reminded = given({ type: 'LicenseExpiryReminderDue', daysBefore: 90 });
    expect(remindersDue(reminded, '2029-09-01', days)).toEqual([]);
    expect(remindersDue(reminded, '2029-10-22', days)).toEqual([
      { type: 'LicenseExpiryReminderDue', daysBefore: 30 },
    ]);
    const both = given(
      { type: 'LicenseExpiryReminderDue', daysBefore: 90 },
      { type: 'LicenseExpiryReminderDue', daysBefore: 30 },
    );
    expect(remindersDue(both, '2029-11-01', days)).toEqual([]);
  });

  it('when the sweep missed the 90-day one, only the nearest is sent, and the older never after', () => {
    const late = remindersDue(active, '2029-11-01', days);
    expect(late).toEqual([{ type: 'LicenseExpiryReminderDue', daysBefore: 30 }]);
    expect(remindersDue(given(...late), '2029-11-02', days)).toEqual([]);
  });

  it('start again after renewal, and never for revoked or expired licenses', () => {
    const renewed = given(
      { type: 'LicenseExpiryReminderDue', daysBefore: 90 },
      { type: 'LicenseRenewed', validUntil: '2032-11-21' },
    );
    expect(renewed.remindersSent).toEqual([]);
    expect(remindersDue(given({ type: 'LicenseRevoked', reason: 'x' }), '2029-11-01', days)).toEqual([]);
  });
});

describe('changes (变更) and closure (终止办学)', () => {
  it('a change moves only what differs', () => {
    const events = changeProfile(active, {
      address: '浙江省杭州市西湖区天目山路5号',
      legalRepresentative: '王芳',
    });
    expect(events).toEqual([
      { type: 'InstitutionChanged', changes: { address: '浙江省杭州市西湖区天目山路5号' } },
    ]);
    expect(given(...events).profile.address).toBe('浙江省杭州市西湖区天目山路5号');
  });

  it('a change that changes nothing is refused, naming the field', () => {
    expect(() => changeProfile(active, { legalRepresentative: '王芳' })).toThrow(/changes nothing/);
  });

  it('closing ends the license; a closed or revoked one cannot close again or change', () => {
    const closed = given(...close(active, '2026-12-31', '经营调整'));
    expect(closed.status).toBe('closed');
    expect(() => close(closed, '2027-01-01', 'x')).toThrow(InvalidApplicationState);
    expect(() => changeProfile(closed, { address: '浙江省杭州市某路1号' })).toThrow(InvalidApplicationState);
  });
});
