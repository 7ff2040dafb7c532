import { appEn } from '../i18n/en';
import { appZhCN } from '../i18n/zh-CN';
import { EVENTS, eventTypes, factsOf, institutionNameOf, serviceOf, toneOf } from './event-catalogue';
import { timelineRoute } from './routes';

describe('the timeline event catalogue', () => {
  it('has a Chinese and an English label for every event type it knows', () => {
    for (const type of Object.keys(EVENTS)) {
      expect(appZhCN.otr.events).toHaveProperty([type]);
      expect(appEn.otr.events).toHaveProperty([type]);
    }
  });

  it('has a label for every fact it shows', () => {
    for (const spec of Object.values(EVENTS))
      for (const [key] of spec.facts)
        expect({ key, zh: key in appZhCN.otr.facts }).toEqual({ key, zh: true });
  });

  it('shows the key facts of an application in order, leaving out what is missing', () => {
    expect(
      factsOf('registration.ApplicationSubmitted', {
        applicationId: 'a1',
        institutionName: '杭州西湖区向阳吉他艺术培训有限公司',
        category: 'arts',
        scopes: ['offline'],
        district: 'CN-ZJ-HZ-XH',
      }),
    ).toEqual([
      { key: 'institutionName', kind: 'text', value: '杭州西湖区向阳吉他艺术培训有限公司' },
      { key: 'category', kind: 'category', value: 'arts' },
      { key: 'scopes', kind: 'scopes', value: ['offline'] },
      { key: 'district', kind: 'district', value: 'CN-ZJ-HZ-XH' },
    ]);
  });

  it('shows an event type it does not know by its plain fields, without ids', () => {
    expect(
      factsOf('inspection.RectificationOrdered', {
        inspectionId: 'x',
        deadline: '2026-04-01',
        score: 58,
        items: [{}],
      }),
    ).toEqual([
      { key: 'deadline', kind: 'text', value: '2026-04-01' },
      { key: 'score', kind: 'text', value: 58 },
    ]);
    expect(toneOf('inspection.RectificationOrdered', {})).toBe('neutral');
  });

  it('colours a disagreeing opinion differently from an agreeing one', () => {
    expect(toneOf('registration.OpinionGiven', { agrees: true })).toBe('success');
    expect(toneOf('registration.OpinionGiven', { agrees: false })).toBe('warning');
    expect(toneOf('registration.LicenseRevoked', {})).toBe('error');
  });

  it('groups event types by service and finds the institution name', () => {
    expect(serviceOf('registration.LicenseIssued')).toBe('registration');
    expect(eventTypes('registration')).toContain('registration.LicenseRevoked');
    expect(eventTypes('complaints')).toEqual([]);
    expect(
      institutionNameOf([{ payload: { licenseId: 'l' } }, { payload: { institutionName: '启航' } }]),
    ).toBe('启航');
  });

  it('links to one institution’s timeline', () => {
    expect(decodeURIComponent(timelineRoute('i-1'))).toBe('/timeline?filter={"institutionId":"i-1"}');
  });
});
