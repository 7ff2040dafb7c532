import { randomUUID } from 'node:crypto';
import type { Principal } from '@otr/auth';
import { serviceClient } from '@otr/testing';
import { eventsFor, startTestDirectory, TestDirectory } from './directory-fixtures';

jest.setTimeout(60_000);

const official: Principal = { userId: 'viewer-1', name: '监管员', roles: ['viewer'], jurisdiction: 'CN-ZJ' };

/** The officials' timeline is a list that grows without bound: the envelope, paged by keyset (#16). */
describe('the institution timeline', () => {
  let directory: TestDirectory;
  let call: ReturnType<typeof serviceClient>;
  const institutionId = randomUUID();

  beforeAll(async () => {
    directory = await startTestDirectory();
    const events = eventsFor(institutionId, '杭州西湖区启航美术培训学校');
    // Two complaints on each day: events at the same instant are ordered by id, and the cursor with them.
    await directory.deliver(
      events.issued(),
      ...[3, 3, 5, 5, 7].map((day) => events.complaintFiled(day, randomUUID())),
    );
    call = serviceClient(Number(new URL(directory.base).port));
  });
  afterAll(() => directory.stop());

  const timeline = (query: string) =>
    call(official, 'GET', `/timeline?institutionId=${institutionId}&${query}`);

  it('answers { items, total, nextCursor } and walks every event by cursor, in order, once', async () => {
    const all = await timeline('pageSize=200');
    expect(all.status).toBe(200);
    expect(all.body.nextCursor).toBeNull();
    expect(all.body.total).toBe(all.body.items.length);
    expect(all.body.total).toBeGreaterThan(3);

    const walked: string[] = [];
    let page = await timeline('pageSize=2');
    for (;;) {
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(all.body.total);
      walked.push(...page.body.items.map((e: { id: string }) => e.id));
      if (!page.body.nextCursor) break;
      page = await timeline(`pageSize=2&after=${encodeURIComponent(page.body.nextCursor)}`);
    }
    expect(walked).toEqual(all.body.items.map((e: { id: string }) => e.id));
  });

  it('still pages by page number for the console, with a cursor to continue from any page', async () => {
    const second = await timeline('pageSize=2&page=2');
    const byCursor = await timeline(
      `pageSize=2&after=${encodeURIComponent((await timeline('pageSize=2')).body.nextCursor)}`,
    );
    expect(byCursor.body.items).toEqual(second.body.items);
  });

  it('refuses a cursor it did not give, and a cursor with a page', async () => {
    expect((await timeline('after=not-a-cursor')).status).toBe(400);
    const cursor = (await timeline('pageSize=1')).body.nextCursor;
    expect((await timeline(`page=2&after=${encodeURIComponent(cursor)}`)).status).toBe(400);
  });
});
