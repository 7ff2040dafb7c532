import { createHash } from 'node:crypto';
import { FixedClock } from '@otr/kernel';
import { ComplaintsHarness, official, startComplaints } from './complaints.int-fixtures';

jest.setTimeout(60_000);

const INSTITUTION = '7a2b3c4d-1e2f-4a5b-8c6d-0e1f2a3b4c01';
const HANGZHOU_KEY = 'key-of-the-hangzhou-12345-hotline';
const XIHU_KEY = 'key-of-the-xihu-12345-hotline';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const fundSupervisor = official('fund.supervisor', 'education', 'CN-ZJ-HZ', ['fund-supervisor']);
const citySupervisor = official('approver.city', 'education', 'CN-ZJ-HZ');

/** A work order as the hotline posts it: form-encoded, attributes in brackets. */
const workOrder = (fields: Record<string, string>, apiKey = HANGZHOU_KEY) =>
  new URLSearchParams({ api_key: apiKey, ...fields });

describe('the 12345 hotline’s GeoReport v2 API over HTTP', () => {
  let h: ComplaintsHarness;
  let developmentHotline: string | undefined;
  const clock = new FixedClock('2026-09-29T02:00:00Z'); // Tuesday 10:00 in Beijing

  beforeAll(async () => {
    // Two hotline systems, configured by the SHA-256 of their keys.
    developmentHotline = process.env.COMPLAINTS_HOTLINE_KEYS;
    process.env.COMPLAINTS_HOTLINE_KEYS = `hz-12345:${sha(HANGZHOU_KEY)},xh-12345:${sha(XIHU_KEY)}`;
    h = await startComplaints(clock, [
      { institutionId: INSTITUTION, licenseId: 'lic-311', name: '杭州西湖区启航学科培训学校' },
    ]);
  });
  afterAll(async () => {
    await h.stop();
    process.env.COMPLAINTS_HOTLINE_KEYS = developmentHotline;
  });

  const post = (body: URLSearchParams | object, headers: Record<string, string> = {}) =>
    h.call(null, 'POST', '/open311/v2/requests.json', body, headers);
  const get = (path: string, apiKey = HANGZHOU_KEY) =>
    h.call(null, 'GET', `/open311/v2/${path}${path.includes('?') ? '&' : '?'}api_key=${apiKey}`);
  const feesOrder = (over: Record<string, string> = {}, apiKey = HANGZHOU_KEY) =>
    workOrder(
      {
        service_code: 'fees-refunds',
        description: '退课三个月仍未退费',
        'attribute[institution_id]': INSTITUTION,
        ...over,
      },
      apiKey,
    );

  it('lists the complaint categories as services, with the attributes each one takes', async () => {
    const services = await h.call(null, 'GET', '/open311/v2/services.json');
    expect(services.status).toBe(200);
    expect(services.body).toHaveLength(7);
    expect(services.body[5]).toMatchObject({ service_code: 'unlicensed', metadata: true, group: '校外培训' });
    const unlicensed = await h.call(null, 'GET', '/open311/v2/services/unlicensed.json');
    expect(unlicensed.body.attributes.map((a: { code: string }) => a.code)).toEqual([
      'kind',
      'operator_name',
      'operator_activity',
      'district',
    ]);
    for (const path of ['services/gossip.json', 'services/safety.xml', 'discovery.json']) {
      const missing = await h.call(null, 'GET', `/open311/v2/${path}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual([{ code: 404, description: expect.any(String) }]);
    }
  });

  it('refuses a missing or unknown api_key with 403, even from a signed-in official', async () => {
    const { api_key: _key, ...withoutKey } = Object.fromEntries(feesOrder());
    for (const [body, as] of [
      [withoutKey, null],
      [{ ...withoutKey, api_key: 'guess' }, null],
      [withoutKey, citySupervisor],
    ] as const) {
      const refused = await h.call(as, 'POST', '/open311/v2/requests.json', body);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual([{ code: 403, description: 'api_key: missing or not valid' }]);
    }
    expect((await h.call(null, 'GET', '/open311/v2/requests.json')).status).toBe(403);
  });

  it('files a work order received earlier, answers with its id and what happens next, and follows it to closure', async () => {
    const filed = await post(
      feesOrder({
        last_name: '王',
        first_name: '小明',
        phone: '13812341234',
        requested_datetime: '2026-09-29T09:00:00+08:00',
      }),
    );
    expect(filed.status).toBe(201);
    const [receipt] = filed.body;
    expect(receipt).toEqual({
      service_request_id: expect.stringMatching(/^TS20260929-[0-9A-Z]{6}$/),
      service_notice: '已受理，派至西湖区教育局（资金监管），2026-10-26前答复（按工作日计算）',
      account_id: null,
    });
    const id = receipt.service_request_id;
    expect((await get(`requests/${id}.json`)).body).toEqual([
      expect.objectContaining({
        service_request_id: id,
        status: 'open',
        status_notes: null,
        service_code: 'fees-refunds',
        service_name: '收费退费',
        description: '退课三个月仍未退费',
        agency_responsible: '西湖区教育局（资金监管）',
        requested_datetime: '2026-09-29T09:00:00+08:00',
        expected_datetime: '2026-10-26T23:59:59+08:00',
      }),
    ]);
    const [filedEvent] = (await h.published('complaints.ComplaintFiled')).filter(
      (e) => e.payload.trackingNumber === id,
    );
    expect(filedEvent).toMatchObject({
      actor: { userId: 'hotline:hz-12345', role: 'hotline-12345' },
      payload: { channel: 'hotline-12345', anonymous: false },
    });

    const complaintId = await h.idOf(id);
    await h.call(fundSupervisor, 'POST', `/complaints/${complaintId}/sign`);
    await h.call(fundSupervisor, 'POST', `/complaints/${complaintId}/reply`, {
      reply: '已责令机构十日内退费',
    });
    await h.call(citySupervisor, 'POST', `/complaints/${complaintId}/approve`);
    expect((await get(`requests/${id}.json`)).body[0]).toMatchObject({
      status: 'closed',
      status_notes: '已责令机构十日内退费',
      expected_datetime: null,
    });
  });

  it('takes a tip about an unlicensed operator, with its address and place on the map, as JSON too', async () => {
    const filed = await post({
      api_key: HANGZHOU_KEY,
      service_code: 'unlicensed',
      description: '居民楼内每晚开设学科培训班',
      address_string: '西湖区文三路某小区6幢501室',
      lat: 30.2729,
      long: 120.1302,
      attribute: {
        operator_name: '学霸小课堂',
        operator_activity: '小学语数英辅导',
        district: 'CN-ZJ-HZ-XH',
      },
    });
    expect(filed.status).toBe(201);
    const id = filed.body[0].service_request_id;
    expect((await get(`requests/${id}.json`)).body[0]).toMatchObject({
      address: '西湖区文三路某小区6幢501室',
      lat: 30.2729,
      long: 120.1302,
      agency_responsible: '西湖区教育局',
    });
    const tips = (await h.published('complaints.UnlicensedOperatorReported')).filter(
      (e) => e.payload.trackingNumber === id,
    );
    expect(tips.map((e) => e.payload.operatorName)).toEqual(['学霸小课堂']);
  });

  it('refuses a bad work order with GeoReport errors naming the parameters', async () => {
    const missing = await post(
      workOrder({ service_code: 'unlicensed', description: '', 'attribute[district]': 'XH' }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.map((e: { description: string }) => e.description.split(':')[0])).toEqual([
      'attribute[operator_name]',
      'address_string',
      'attribute[operator_activity]',
      'attribute[district]',
      'description',
    ]);
    const unknown = await post(feesOrder({ 'attribute[institution_id]': 'no-such-institution' }));
    expect(unknown.body).toEqual([
      { code: 400, description: expect.stringMatching(/^attribute\[institution_id\]: a licensed subject/) },
    ]);
    const future = await post(feesOrder({ requested_datetime: '2026-12-01T09:00:00+08:00' }));
    expect(future.body).toEqual([
      { code: 400, description: 'requested_datetime: received no later than now' },
    ]);
  });

  it('files once per Idempotency-Key of a system; the same key from another system is its own', async () => {
    const headers = { 'Idempotency-Key': 'hotline-order-0001' };
    const first = await post(feesOrder({ description: '重复推送测试' }), headers);
    const again = await post(feesOrder({ description: '重复推送测试' }), headers);
    expect(again.body).toEqual(first.body);
    const elsewhere = await post(feesOrder({ description: '重复推送测试' }, XIHU_KEY), headers);
    expect(elsewhere.body[0].service_request_id).not.toBe(first.body[0].service_request_id);
  });

  it('lists a system’s own work orders only, by id, service, status and period', async () => {
    await h.call(null, 'POST', '/public/complaints', {
      category: 'safety',
      subject: { institutionId: INSTITUTION },
      description: '门户提交，不属于热线',
    });
    const mine = (await get('requests.json')).body as { service_request_id: string; status: string }[];
    const theirs = (await get('requests.json', XIHU_KEY)).body as { service_request_id: string }[];
    expect(mine).toHaveLength(3);
    expect(theirs).toHaveLength(1);
    expect(mine.map((r) => r.service_request_id)).not.toContain(theirs[0].service_request_id);
    expect(JSON.stringify(mine)).not.toContain('门户提交');
    expect((await get(`requests/${mine[0].service_request_id}.json`, XIHU_KEY)).status).toBe(404);

    const closed = (await get('requests.json?status=closed')).body;
    expect(closed.map((r: { status: string }) => r.status)).toEqual(['closed']);
    const ids = mine.slice(0, 2).map((r) => r.service_request_id);
    const byId = (await get(`requests.json?service_request_id=${ids.join(',')}`)).body;
    expect(byId.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(ids.sort());
    expect((await get('requests.json?service_code=unlicensed')).body).toHaveLength(1);
    expect((await get('requests.json?start_date=2026-10-01T00:00:00%2B08:00')).body).toEqual([]);
    const badStatus = await get('requests.json?status=pending');
    expect(badStatus.body).toEqual([{ code: 400, description: expect.stringMatching(/^status: /) }]);
  });
});
