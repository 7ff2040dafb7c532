import { Pool } from 'pg';
import { contracts, createEvent, LicenseIssued, LicenseRevoked, SYSTEM_ACTOR } from '@otr/contracts';
import { eventually } from '@otr/testing';
import { startTestDirectory, TestDirectory } from './directory-fixtures';

jest.setTimeout(60_000);

const origin = { actor: SYSTEM_ACTOR, correlationId: 'test' };
const issued = (institutionId: string, name: string, extra: Record<string, unknown> = {}) =>
  createEvent(LicenseIssued, {
    ...origin,
    aggregateId: `l-${institutionId}`,
    institutionId,
    payload: {
      licenseId: `l-${institutionId}`,
      licenseNumber: `教民XH2026${institutionId.slice(-5)}号`,
      institutionName: name,
      legalForm: 'for-profit',
      category: 'arts',
      scopes: ['offline'],
      district: 'CN-ZJ-HZ-XH',
      address: '浙江省杭州市西湖区文三路1号',
      validFrom: '2026-01-01',
      validUntil: '2028-12-31',
      ...extra,
    },
  });

/** The directory is built from events alone: these tests feed it events and read its public API. */
describe('the public directory API', () => {
  let directory: TestDirectory;

  beforeAll(async () => {
    directory = await startTestDirectory();
    const { transport } = directory;
    const publish = (e: ReturnType<typeof issued>) =>
      transport.publish('otr.registration', [
        { key: e.institutionId, value: JSON.stringify(contracts.parse(e)) },
      ]);
    await publish(issued('00000000-0000-4000-8000-000000000001', '杭州西湖区博雅英语戏剧艺术培训有限公司'));
    await publish(issued('00000000-0000-4000-8000-000000000002', '杭州西湖區美術培訓學校'));
    const revoked = createEvent(LicenseRevoked, {
      ...origin,
      aggregateId: 'l-2',
      institutionId: '00000000-0000-4000-8000-000000000002',
      payload: { licenseId: 'l-2', licenseNumber: 'x', reason: '吊销' },
    });
    await transport.publish('otr.registration', [
      { key: revoked.institutionId, value: JSON.stringify(revoked) },
    ]);
  });
  afterAll(() => directory.stop());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${directory.base}/public${path}`, { headers });

  it('finds a name by a two-character fragment, in simplified or traditional characters, and by pinyin initials', async () => {
    for (const q of ['英语', '英語', 'yy', '美术', '美術']) {
      const body = await (await get(`/institutions?q=${encodeURIComponent(q)}`)).json();
      expect({ q, total: body.total }).toEqual({ q, total: 1 });
    }
  });

  it('answers a repeated search with 304 Not Modified', async () => {
    const first = await get('/institutions?q=%E8%8B%B1%E8%AF%AD');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // fetch adds "Cache-Control: no-cache" to conditional requests unless one is given, as browsers revalidate.
    const again = await get('/institutions?q=%E8%8B%B1%E8%AF%AD', {
      'if-none-match': etag!,
      'cache-control': 'max-age=0',
    });
    expect(again.status).toBe(304);
  });

  it('shows an institution page with public fields only', async () => {
    const page = await (await get('/institutions/00000000-0000-4000-8000-000000000001')).json();
    expect(Object.keys(page).sort()).toEqual([
      'address',
      'annualGrades',
      'blacklist',
      'category',
      'complaints',
      'courses',
      'district',
      'feeSupervision',
      'id',
      'legalForm',
      'legalRepresentative',
      'license',
      'location',
      'name',
      'penalties',
      'rating',
      'scopes',
      'staff',
      'updatedAt',
    ]);
    expect(page.license.status).toBe('active');
  });

  it('publishes the white list and the revoked list with the time of the last event applied', async () => {
    const white = await (await get('/open-data/white.json')).json();
    expect(white.rows.map((r: { name: string }) => r.name)).toEqual([
      '杭州西湖区博雅英语戏剧艺术培训有限公司',
    ]);
    expect(white.asOf).toMatch(/^\d{4}-/);
    const bytes = Buffer.from(await (await get('/open-data/revoked.csv')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, for Excel
    const csv = bytes.toString('utf8');
    expect(csv).toContain('杭州西湖區美術培訓學校');
    expect((await get('/open-data/secret.csv')).status).toBe(400);
  });

  it('names the list or format it does not publish (issue #14: the answer named no field)', async () => {
    const list = await get('/open-data/secret.csv');
    expect(list.status).toBe(400);
    expect((await list.json()).errors).toEqual([{ field: 'list', rule: 'one of white, revoked, black' }]);
    const format = await get('/open-data/white.xml');
    expect((await format.json()).errors).toEqual([{ field: 'format', rule: 'one of csv, json' }]);
  });

  it('applies a duplicate delivery once', async () => {
    const e = issued('00000000-0000-4000-8000-000000000003', '杭州西湖区启航书法艺术培训学校');
    const message = { key: e.institutionId, value: JSON.stringify(e) };
    await directory.transport.publish('otr.registration', [message, message]);
    await eventually(
      async () =>
        (await (await get('/institutions?q=%E4%B9%A6%E6%B3%95')).json()).total === 1 ? true : undefined,
      3000,
    );
    const pool = new Pool({ connectionString: directory.db.url });
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM directory.inbox WHERE event_id = $1 AND consumer = 'directory.institutions'`,
      [e.id],
    );
    await pool.end();
    expect(rows[0].n).toBe(1);
  });
});
