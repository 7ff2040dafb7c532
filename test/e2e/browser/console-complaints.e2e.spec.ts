import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { appZhCN, raZhCN } from '../../../apps/console/src/i18n/zh-CN';
import { RunningPlatform } from '@otr/platform';
import { artifactsDir } from '@otr/testing';
import { signInToConsole, confirmDialog as confirm } from '../support/pages';
import { signInAs } from '../support/gateway-users';
import { startBrowserPlatform } from '../support/browser-platform';

jest.setTimeout(300_000);

const shot = (name: string) => join(artifactsDir, `console-complaints-${name}.png`);
const zh = appZhCN;
const OFFICIAL = 'officer.fire';

interface QueueItem {
  id: string;
  trackingNumber: string;
  colour: string | null;
  lead: string | null;
  status: string;
}

/**
 * The complaint screens in Chromium against the embedded platform and its demo complaints: the
 * fire brigade's official finds the overdue safety complaint (routed to fire by category) in the
 * red queue, opens the complainant's contact through the audited reveal, signs the work order and
 * replies; the action log shows both acts by that official.
 */
describe('the console’s complaint screens in Chromium', () => {
  let close: () => Promise<void>;
  let platform: RunningPlatform;
  let browser: BrowserContext;
  let overdue: QueueItem[];

  const token = (username: string) => signInAs(platform.url, username);

  beforeAll(async () => {
    // 42 institutions over 13 districts put four in 西湖区: the operator's and the three the
    // complaints demo spreads its 西湖区 scenarios over.
    ({ platform, browser, close } = await startBrowserPlatform('console', 'otr_browser_complaints', {
      seed: 42,
    }));
    // The demo seeds a safety complaint the fire brigade never signed (apps/complaints/src/demo).
    const res = await fetch(`${platform.url}/api/complaints/complaints?department=fire&colour=red`, {
      headers: { authorization: `Bearer ${await token(OFFICIAL)}` },
    });
    expect(res.status).toBe(200);
    overdue = ((await res.json()) as { items: QueueItem[] }).items.filter(
      (i) => i.lead === 'fire' && i.status === 'routed',
    );
    expect(overdue.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await close?.();
  });

  async function signIn(page: Page, username: string) {
    await signInToConsole(page, platform.url, username);
  }
  const act = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

  it('lets the routed department sign an overdue complaint from its red queue and reply to it', async () => {
    const page = await browser.newPage();
    await signIn(page, OFFICIAL);
    await page.getByRole('menuitem', { name: zh.resources.complaints.name }).click();
    await page.locator('tbody tr').first().waitFor();

    // Only the red ones: every row left carries a red SLA chip.
    await page.getByRole('combobox', { name: zh.resources.complaints.fields.colour }).click();
    await page.getByRole('option', { name: zh.otr.dashboard.sla.red }).click();
    const rows = page.locator('tbody tr');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('tbody tr').length > 0 &&
        Array.from(document.querySelectorAll('tbody tr')).every((r) => r.querySelector('[data-colour=red]')),
      undefined,
      { timeout: 20_000 },
    );
    // The menu is gone once its fading popover is (it would take the row's click).
    await page.locator('#menu-colour').waitFor({ state: 'detached' });
    await page.screenshot({ path: shot('red-queue') });
    const row = rows.filter({ hasText: overdue[0].trackingNumber });
    // Under load the list can render once more as the filter settles; a click on the row it
    // replaced opens nothing, so the click is tried again (at most three times).
    for (let attempt = 1; ; attempt++) {
      await row.click();
      const opened = await page
        .getByTestId('action-log')
        .waitFor({ timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      if (opened) break;
      if (attempt === 3)
        throw new Error(`complaint ${overdue[0].trackingNumber} did not open from the red queue`);
    }
    expect(await page.getByTestId('sla-chip').first().getAttribute('data-colour')).toBe('red');
    // The parent's photo of the blocked exit opens through the session, named by its kind, not its file name.
    const photo = page.getByTestId('complaint-evidence').getByRole('button');
    expect(await photo.count()).toBe(1);
    expect(await photo.innerText()).toMatch(/KB · SHA-256 [0-9a-f]{12}/);
    const [opened] = await Promise.all([page.waitForEvent('popup'), photo.click()]);
    expect(opened.url()).toMatch(/^blob:/);
    await opened.close();
    // Before signing, the lead may sign, transfer or merge, not yet reply.
    await act(page, zh.otr.complaints.acts.sign).waitFor();
    expect(await act(page, zh.otr.complaints.acts.reply).count()).toBe(0);

    // Not yet the handling officer: the contact stays masked, with nothing to reveal it.
    expect(await page.getByTestId('complainant').innerText()).toContain('****');
    expect(await page.getByRole('button', { name: zh.otr.complaints.contact.reveal }).count()).toBe(0);

    await act(page, zh.otr.complaints.acts.sign).click();
    await confirm(page);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const log = page.getByTestId('action-log').locator('li');
    await log
      .filter({ hasText: zh.otr.complaints.log.WorkOrderSigned })
      .filter({ hasText: OFFICIAL })
      .waitFor();
    await act(page, zh.otr.complaints.acts.sign).waitFor({ state: 'detached' });

    // Having signed, the handling officer may see the clear contact, giving a reason; the view is audited.
    const contact = page.getByTestId('complainant');
    expect(await contact.innerText()).toContain('****');
    await page.getByRole('button', { name: zh.otr.complaints.contact.reveal }).click();
    expect(await page.getByRole('dialog').innerText()).toContain('审计日志');
    // the reason is recorded with who and when
    await page.getByRole('dialog').locator('input[name=reason]').fill('回访核实诉求');
    await confirm(page);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await contact.getByText(zh.otr.complaints.contact.revealed).waitFor();
    expect(await contact.innerText()).not.toContain('****');

    const reply = '已现场检查，责令机构当日清理安全出口堆放物，并于三日后复查。';
    await act(page, zh.otr.complaints.acts.reply).click();
    await page.getByRole('dialog').locator('textarea[name=reply]').fill(reply);
    await confirm(page);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await log.filter({ hasText: zh.otr.complaints.log.ReplyGiven }).filter({ hasText: reply }).waitFor();

    // Both acts, in order, by this official; the reply now waits for the supervising level.
    const entries = await log.allInnerTexts();
    const signed = entries.findIndex((e) => e.includes(zh.otr.complaints.log.WorkOrderSigned));
    const replied = entries.findIndex((e) => e.includes(reply));
    expect(signed).toBeGreaterThan(-1);
    expect(replied).toBeGreaterThan(signed);
    expect(entries[replied]).toContain(OFFICIAL);
    await page.getByText(zh.otr.complaints.statuses.replied).first().waitFor();
    expect(await page.getByTestId('complaint-acts').count()).toBe(0);
    await page.screenshot({ path: shot('replied'), fullPage: true });
    await page.close();
  });

  it('records an anonymous hotline tip about an unlicensed operator and routes it by category', async () => {
    const page = await browser.newPage();
    await signIn(page, OFFICIAL);
    await page.getByRole('menuitem', { name: zh.resources.complaints.name }).click();
    await page.getByRole('link', { name: '新建' }).click();
    const f = zh.resources.complaints.fields;
    await page.getByLabel(zh.otr.complaints.channels['hotline-12345']).check();
    await page.getByRole('combobox', { name: f.category }).click();
    await page.getByRole('option', { name: zh.otr.complaints.categories.safety }).click();
    await page.getByLabel(zh.otr.complaints.subjectKinds.unlicensed).check();
    const operator = '“状元小课堂”（无招牌）';
    await page.locator('input[name="subject.name"]').fill(operator);
    await page.locator('input[name="subject.address"]').fill('西湖区教工路某小区3幢101室');
    await page.locator('textarea[name="subject.activity"]').fill('车库内开设托管和辅导班，约20名学生');
    await page.getByRole('combobox', { name: f.subject.district }).click();
    await page.getByRole('option', { name: '西湖区' }).click();
    await page.locator('textarea[name=description]').fill('车库改作教室，无消防设施。');
    await page.getByLabel(zh.otr.complaints.record.anonymous).check();
    await page.getByRole('button', { name: '保存' }).click();

    // The receipt for the caller, then the new work order, routed to the fire brigade (safety).
    await page.getByText('已登记。受理编号').waitFor();
    await page.getByTestId('action-log').waitFor();
    const body = await page.locator('main').innerText();
    expect(body).toContain(operator);
    expect(body).toContain(zh.otr.complaints.channels['hotline-12345']);
    expect(body).toContain(zh.otr.complaints.contact.anonymous);
    expect(body).toContain(zh.otr.complaints.statuses.routed);
    await act(page, zh.otr.complaints.acts.sign).waitFor();
    await page.screenshot({ path: shot('recorded'), fullPage: true });
    await page.close();
  });

  it('shows a supervisor the response, resolution and satisfaction rates by department and by district, and exports them', async () => {
    const page = await browser.newPage();
    await signIn(page, 'approver.city');
    await page.getByRole('menuitem', { name: zh.resources.complaints.name }).click();
    await page.locator('a[href$="/complaints/rates"]').click();
    const table = page.getByTestId('complaint-rates');
    await table.waitFor();
    const departments = await table.locator('tbody tr').allInnerTexts();
    // The demo's departments and the total, each rate a percentage or a dash (nothing to count).
    expect(departments.length).toBeGreaterThan(2);
    expect(departments.at(-1)).toMatch(/\d+(\.\d)?%/);
    await page.getByTestId('complaint-rates-chart').locator('.recharts-bar-rectangle').first().waitFor();

    await page.locator('button[value=district]').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=complaint-rates] tbody tr').length !== n,
      departments.length,
    );
    expect(await table.locator('tbody tr').first().innerText()).toMatch(/区|县|市/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: raZhCN.ra.action.export }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    // A header, a row per district and the total (Excel's BOM first).
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength((await table.locator('tbody tr').count()) + 1);
    await page.screenshot({ path: shot('rates'), fullPage: true });
    await page.close();
  });

  it('shows the institution the complaints about it without the complainant, and takes its statement', async () => {
    const page = await browser.newPage();
    await signIn(page, 'operator.demo');
    await page.getByRole('menuitem', { name: zh.resources.complaints.name }).click();
    const rows = page.locator('tbody tr').filter({ hasText: zh.otr.complaints.statuses.signed });
    await rows.first().click();
    await page.getByTestId('action-log').waitFor();
    const body = await page.locator('main').innerText();
    expect(body).not.toContain(zh.otr.complaints.sections.contact);
    expect(body).not.toMatch(/1380571\d{4}|\*{4}/);

    const statement = '已按规定调整收费周期，未上课时的费用已于本周退还。';
    await act(page, zh.otr.complaints.acts['institution-reply']).click();
    await page.getByRole('dialog').locator('textarea[name=reply]').fill(statement);
    await confirm(page);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page
      .getByTestId('action-log')
      .locator('li')
      .filter({ hasText: zh.otr.complaints.log.InstitutionReplied })
      .filter({ hasText: statement })
      .waitFor();
    await page.screenshot({ path: shot('institution'), fullPage: true });
    await page.close();
  });
});
