import { route, markDuplicate } from '../../domain/complaint';
import { after, bj, clock, file, system } from '../../domain/complaint.fixture';
import { DEFAULT_ROUTES } from '../../domain/routing';
import { CATEGORIES } from '../../domain/vocabulary';
import {
  complaintOf,
  filterOf,
  GeoReportRefusal,
  serviceDefinition,
  serviceList,
  serviceRequestOf,
} from './georeport';

const refusalOf = (body: unknown): string[] => {
  try {
    complaintOf(body);
  } catch (error) {
    if (error instanceof GeoReportRefusal) return error.errors.map((e) => `${e.code} ${e.description}`);
    throw error;
  }
  throw new Error('accepted');
};

describe('the 12345 hotline in GeoReport v2 terms', () => {
  it('offers every complaint category as a service with attributes to fill', () => {
    expect(serviceList().map((s) => s.service_code)).toEqual([...CATEGORIES]);
    expect(serviceList()[0]).toEqual({
      service_code: 'fees-refunds',
      service_name: '收费退费',
      description: expect.any(String),
      metadata: true,
      type: 'realtime',
      keywords: '收费,退费,预收费,学费',
      group: '校外培训',
    });
    const codes = (code: string) => serviceDefinition(code)!.attributes.map((a) => a.code);
    expect(codes('safety')).toEqual([
      'kind',
      'institution_id',
      'license_id',
      'operator_name',
      'operator_activity',
      'district',
    ]);
    // An unlicensed operator has no license to name.
    expect(codes('unlicensed')).toEqual(['kind', 'operator_name', 'operator_activity', 'district']);
    expect(serviceDefinition('gossip')).toBeUndefined();
  });

  it('reads a work order about a licensed institution, the caller as contact with the family name first', () => {
    expect(
      complaintOf({
        api_key: 'k',
        service_code: 'fees-refunds',
        description: '退课三个月未退费',
        first_name: '小明',
        last_name: '王',
        phone: '13812341234',
        email: 'wang@example.com',
        requested_datetime: '2026-09-29T09:30:00+08:00',
        attribute: { institution_id: 'inst-1', kind: 'help' },
      }),
    ).toEqual({
      form: {
        kind: 'help',
        category: 'fees-refunds',
        subject: { institutionId: 'inst-1' },
        description: '退课三个月未退费',
        contact: { name: '王小明', phone: '13812341234' },
      },
      receivedAt: new Date('2026-09-29T01:30:00Z'),
    });
  });

  it('reads an unlicensed operator from its attributes and address_string, and form-encoded coordinates', () => {
    const { form } = complaintOf({
      service_code: 'unlicensed',
      description: '居民楼内开设学科培训班',
      address_string: '西湖区文三路某小区6幢501室',
      lat: '30.2729',
      long: '120.1302',
      attribute: {
        operator_name: '学霸小课堂',
        operator_activity: '每晚辅导小学生',
        district: 'CN-ZJ-HZ-XH',
      },
    });
    expect(form).toEqual({
      kind: 'complaint',
      category: 'unlicensed',
      subject: {
        name: '学霸小课堂',
        address: '西湖区文三路某小区6幢501室',
        activity: '每晚辅导小学生',
        district: 'CN-ZJ-HZ-XH',
      },
      description: '居民楼内开设学科培训班',
      location: { lat: 30.2729, long: 120.1302 },
    });
  });

  it('refuses with 400s that name the GeoReport parameters', () => {
    expect(
      refusalOf({
        service_code: 'unlicensed',
        description: '无证',
        lat: '91',
        attribute: { district: 'XH' },
      }),
    ).toEqual([expect.stringMatching(/^400 lat: /)]);
    const missing = refusalOf({ service_code: 'unlicensed', description: '', phone: '13812341234' });
    expect(missing.map((m) => m.split(':')[0])).toEqual([
      '400 attribute[operator_name]',
      '400 address_string',
      '400 attribute[operator_activity]',
      '400 attribute[district]',
      '400 description',
      '400 last_name',
    ]);
    expect(
      refusalOf({ service_code: 'gossip', description: 'x', attribute: { institution_id: 'i' } }),
    ).toEqual([expect.stringMatching(/^400 service_code: /)]);
  });

  it('answers a request with its status, the responsible agency and the answer day, never who called', () => {
    const { state } = file({ channel: 'hotline-12345', intakeSystem: 'hotline-a' });
    const routed = after(
      state,
      route(state, { table: DEFAULT_ROUTES, at: bj('2026-09-29T10:05:00'), by: system }, clock),
    );
    const request = serviceRequestOf(routed);
    expect(request).toMatchObject({
      service_request_id: routed.trackingNumber,
      status: 'open',
      status_notes: null,
      service_code: 'teaching-content-times',
      agency_responsible: '西湖区教育局',
      service_notice: null,
      requested_datetime: '2026-09-29T10:00:00+08:00',
      updated_datetime: '2026-09-29T10:05:00+08:00',
      expected_datetime: '2026-10-26T23:59:59+08:00',
      address: null,
      lat: null,
    });
    expect(JSON.stringify(request)).not.toMatch(/王|138|identity-1|phone-hash/);
  });

  it('closes a merged repeat with a notice', () => {
    const { state: first } = file({ id: 'c-1' });
    const { state: repeat } = file({ id: 'c-2' });
    const merged = after(
      repeat,
      markDuplicate(repeat, { into: first, at: bj('2026-09-29T10:00:00'), by: system }),
    );
    expect(serviceRequestOf(merged)).toMatchObject({
      status: 'closed',
      expected_datetime: null,
      agency_responsible: null,
      service_notice: '与同一来电人此前的同类工单合并办理',
    });
  });

  it('lists the last 90 days by default, or the ids asked for, and maps open and closed to statuses', () => {
    const now = new Date('2026-12-01T02:00:00Z');
    expect(filterOf({}, now)).toEqual({ from: new Date('2026-09-02T00:00:00+08:00'), limit: 1000 });
    expect(filterOf({ service_request_id: 'TS1,TS2', status: 'closed' }, now)).toEqual({
      trackingNumbers: ['TS1', 'TS2'],
      ended: true,
      limit: 1000,
    });
    expect(filterOf({ service_request_id: 'TS1', status: 'open' }, now)).toMatchObject({ ended: false });
    expect(filterOf({ service_request_id: 'TS1', status: 'open,closed' }, now)).not.toHaveProperty('ended');
    expect(() => filterOf({ status: 'pending' }, now)).toThrow(GeoReportRefusal);
  });
});
