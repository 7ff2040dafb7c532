import { FixedClock } from '@otr/kernel';
import { ComplaintsHarness, official, startComplaints } from './complaints.int-fixtures';

jest.setTimeout(60_000);

const INSTITUTION = '6f1c2a4e-7d0b-4c59-9a0e-3b7f5e2d1c21';
const educationXihu = official('approver.xihu', 'education');

/** The work queue grows without bound: the { items, total } envelope, paged by keyset (#16). */
describe('complaints: the work queue pages by cursor', () => {
  let h: ComplaintsHarness;
  const clock = new FixedClock('2026-11-24T02:00:00Z');

  beforeAll(async () => {
    h = await startComplaints(clock, [
      { institutionId: INSTITUTION, licenseId: 'lic-20001', name: '杭州西湖区启航美术培训学校' },
    ]);
    // Seven complaints, several filed at the same instant: the order breaks ties by id.
    for (let i = 0; i < 7; i++) {
      if (i % 3 === 0) clock.advance(60_000);
      const filed = await h.call(null, 'POST', '/public/complaints', {
        kind: 'complaint',
        category: 'fees-refunds',
        subject: { licenseId: 'lic-20001' },
        description: `预收费第 ${i + 1} 期未按约退还，机构不接电话`,
        contact: { name: `家长${i + 1}`, phone: `1380057${String(1000 + i)}` },
      });
      expect(filed.status).toBe(201);
    }
  });
  afterAll(() => h?.stop());

  const queue = (query: string) => h.call(educationXihu, 'GET', `/complaints?${query}`);

  it('walks the whole queue by nextCursor, in its order, each complaint once', async () => {
    const all = await queue('pageSize=200');
    expect(all.status).toBe(200);
    expect(all.body.nextCursor).toBeNull();
    expect(all.body.total).toBe(all.body.items.length);
    expect(all.body.total).toBeGreaterThanOrEqual(7);

    const walked: string[] = [];
    let page = await queue('pageSize=2');
    for (;;) {
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(all.body.total);
      walked.push(...page.body.items.map((c: { id: string }) => c.id));
      if (!page.body.nextCursor) break;
      page = await queue(`pageSize=2&after=${encodeURIComponent(page.body.nextCursor)}`);
    }
    expect(walked).toEqual(all.body.items.map((c: { id: string }) => c.id));
  });

  it('continues from any numbered page, and refuses a cursor it did not give', async () => {
    const first = await queue('pageSize=3');
    const second = await queue('pageSize=3&page=2');
    const next = await queue(`pageSize=3&after=${encodeURIComponent(first.body.nextCursor)}`);
    expect(next.body.items).toEqual(second.body.items);
    expect((await queue('after=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await queue(`page=2&after=${encodeURIComponent(first.body.nextCursor)}`)).status).toBe(400);
  });
});
