import { InvalidApplicationState } from './errors';
import {
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
  competentDepartment: 'arts',
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
