import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { BrowserContext, Page } from 'playwright-core';
import { inspectionMessages } from '../../../apps/console/src/inspection/messages';
import { appZhCN } from '../../../apps/console/src/i18n/zh-CN';
import { RunningPlatform } from '@otr/platform';
import { artifactsDir } from '@otr/testing';
import { signInAs } from '../support/gateway-users';
import { signInToConsole, waitForText, confirmDialog as confirm, sidewaysOverflow } from '../support/pages';
import { PHONE_VIEWPORT, startBrowserPlatform } from '../support/browser-platform';

jest.setTimeout(300_000);

const shot = (name: string) => join(artifactsDir, `console-inspection-${name}.png`);
const zh = inspectionMessages['zh-CN'];
const words = zh.otr.inspection;

/** A real 2×2 PNG (signature, IHDR, IDAT, IEND with their CRCs), as a phone's camera would hand over a photo. */
function samplePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0); // width
  header.writeUInt32BE(2, 4); // height
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  // Each row: filter byte 0, then two red-ish pixels.
  const rows = Buffer.from([0, 200, 30, 30, 200, 30, 30, 0, 200, 30, 30, 200, 30, 30]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * An inspector on site with a phone (390×844), in Chromium against the embedded platform and its
 * demo: inspector.xihu opens an inspection assigned to them by the spot-check draw, fills the
 * checklist, logs a violation with a photo and sees the evidence cited by its SHA-256.
 */
describe('the console’s inspection screens on a phone in Chromium', () => {
  let close: () => Promise<void>;
  let platform: RunningPlatform;
  let browser: BrowserContext;
  let assigned: { id: string; subject: { name: string } };

  beforeAll(async () => {
    // 104 institutions round-robin over 13 districts: eight licensed in 西湖区, as many as the
    // inspection demo needs for its reports, draw and visit (apps/inspection/src/demo).
    ({ platform, browser, close } = await startBrowserPlatform('console', 'otr_browser_inspection', {
      seed: 104,
      viewport: PHONE_VIEWPORT,
    }));
    const token = await signInAs(platform.url, 'inspector.xihu');
    const res = await fetch(`${platform.url}/api/inspection/inspections?assigned=me&status=scheduled`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { items } = (await res.json()) as { items: (typeof assigned & { checklist: unknown[] })[] };
    // One the inspector has not started: the draw's inspections come without a checklist.
    assigned = items.find((i) => i.checklist.length === 0)!;
    expect(assigned).toBeDefined();
  });
  afterAll(async () => {
    await close?.();
  });

  /** A new page signed in as the user (the browser profile keeps one session: the last sign-in wins). */
  async function signIn(username: string): Promise<Page> {
    const page = await browser.newPage();
    await signInToConsole(page, platform.url, username);
    return page;
  }

  it('fills the checklist and logs a violation with a photo, shown with its checksum', async () => {
    const page = await signIn('inspector.xihu');

    // The menu is a drawer on a phone; the inspections list opens on those assigned to me, as cards.
    await page
      .getByRole('button', { name: /打开菜单|menu/i })
      .first()
      .click();
    await page.getByRole('menuitem', { name: zh.resources.inspections.name }).click();
    const card = page.locator(`a[href$="#/inspections/${assigned.id}/show"]`);
    await card.waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: shot('assigned') });
    await card.click();
    await page.waitForURL(new RegExp(`#/inspections/${assigned.id}/show$`));
    await waitForText(page, words.checklist.empty);

    // The checklist starts from the default items, each complying until unticked: fire safety does not.
    await page.getByRole('button', { name: words.commands.checklist }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="items.0.item"]').waitFor();
    expect(await dialog.locator('input[name="items.0.item"]').inputValue()).toBe(
      words.checklist.items['license-displayed'],
    );
    const fire = 8; // DEFAULT_CHECKLIST: 'fire-safety'
    expect(await dialog.locator(`input[name="items.${fire}.item"]`).inputValue()).toBe(
      words.checklist.items['fire-safety'],
    );
    await dialog.locator(`input[name="items.${fire}.ok"]`).uncheck();
    await dialog.locator(`input[name="items.${fire}.note"]`).fill('安全出口堆放杂物');
    await page.screenshot({ path: shot('checklist') });
    await confirm(page);
    await dialog.waitFor({ state: 'detached' });
    const recorded = page.locator('li').filter({ hasText: words.checklist.items['fire-safety'] });
    await recorded.waitFor();
    expect(await recorded.innerText()).toMatch(
      new RegExp(`^${words.checklist.notOk}\\s+${words.checklist.items['fire-safety']}\\s+安全出口堆放杂物$`),
    );
    expect(await page.locator('li').filter({ hasText: words.checklist.notOk }).count()).toBe(1);

    // A violation with a photo taken on site: uploaded first, cited by its SHA-256.
    const png = samplePng();
    const sha256 = createHash('sha256').update(png).digest('hex');
    await page.getByRole('button', { name: words.commands.violation }).click();
    await dialog.locator('.ra-input-code [role=combobox]').click();
    await page.getByRole('option', { name: words.codes['fire-hazard'], exact: true }).click();
    await dialog.locator('.ra-input-severity [role=combobox]').click();
    await page.getByRole('option', { name: words.severities.serious, exact: true }).click();
    await dialog.locator('textarea[name=description]').fill('二楼安全出口被桌椅杂物堵塞');
    await dialog.getByTestId('evidence-file').setInputFiles({
      name: 'exit.png',
      mimeType: 'image/png',
      buffer: png,
    });
    await dialog.getByRole('button', { name: `exit.png · ${sha256.slice(0, 8)}` }).waitFor();
    await dialog.locator('input[name=address]').fill('浙江省杭州市西湖区（现场二楼）');
    await page.screenshot({ path: shot('violation-form') });
    await confirm(page);
    await dialog.waitFor({ state: 'detached' });

    await waitForText(page, '二楼安全出口被桌椅杂物堵塞');
    await waitForText(page, `SHA-256 ${sha256}`);
    expect(await page.getByRole('button', { name: `exit.png · ${sha256.slice(0, 8)}` }).count()).toBe(1);
    await waitForText(page, `${words.codes['fire-hazard']} · ${words.severities.serious}`);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: shot('violation-logged'), fullPage: true });

    // The stored file is the photo taken, byte for byte.
    const stored = await page.evaluate(async (hash) => {
      const { accessToken } = JSON.parse(localStorage.getItem('otr.session')!);
      const res = await fetch(`/api/inspection/evidence/${hash}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      return { type: res.headers.get('content-type'), size: (await res.arrayBuffer()).byteLength };
    }, sha256);
    expect(stored).toEqual({ type: 'image/png', size: png.length });
    await page.close();
  });

  it('lets the institution’s operator submit this year’s annual report, money typed in yuan', async () => {
    const page = await signIn('operator.demo');
    await page.goto(`${platform.url}/console/#/annual-reports`);
    await page.getByRole('button', { name: words.commands.submitReport }).click();
    const dialog = page.getByRole('dialog');
    // The demo graded last year's reports; this year has begun, so the operator reports on it.
    const year = new Date().getFullYear();
    await dialog.locator('input[name=year]').fill(String(year));
    const counts: [string, string][] = [
      ['content.teaching.courses', '4'],
      ['content.teaching.students', '120'],
      ['content.teaching.lessonsDelivered', '960'],
      ['content.staff.teachers', '6'],
      ['content.staff.qualifiedTeachers', '6'],
      ['content.finances.incomeYuan', '812345.67'],
      ['content.finances.refundsYuan', '3000'],
      ['content.finances.escrowBalanceYuan', '150000'],
      ['content.safety.incidents', '0'],
      ['content.complaintsReceived', '1'],
    ];
    for (const [name, value] of counts) await dialog.locator(`input[name="${name}"]`).fill(value);
    await page.screenshot({ path: shot('annual-report-form') });
    await confirm(page);
    await dialog.waitFor({ state: 'detached' });

    const token = await signInAs(platform.url, 'operator.demo');
    const res = await fetch(`${platform.url}/api/inspection/annual-reports`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { items } = (await res.json()) as {
      items: { id: string; year: number; status: string; content: { finances: { incomeFen: number } } }[];
    };
    const report = items.find((r) => r.year === year)!;
    expect(report).toMatchObject({ status: 'submitted', content: { finances: { incomeFen: 81_234_567 } } });
    await page.goto(`${platform.url}/console/#/annual-reports/${report.id}/show`);
    await waitForText(page, `${words.report.income}：`);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: shot('annual-report'), fullPage: true });
    await page.close();
  });

  it('shows the inspector’s dashboard the open and overdue rectifications of 西湖区', async () => {
    const token = await signInAs(platform.url, 'inspector.xihu');
    const res = await fetch(`${platform.url}/api/inspection/stats`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const stats = (await res.json()) as {
      rectificationsOpen: number;
      rectificationsOverdue: number;
      byDistrict: { district: string }[];
    };
    // The demo's visit and its graded reports ordered rectification in 西湖区, and only there.
    expect(stats.rectificationsOpen).toBeGreaterThan(0);
    expect(stats.byDistrict.map((d) => d.district)).toEqual(['CN-ZJ-HZ-XH']);

    const page = await signIn('inspector.xihu');
    const dashboard = appZhCN.otr.dashboard;
    // The rectification panel: each figure is its label with the number under it.
    const panel = page.locator('.MuiCard-root').filter({ hasText: dashboard.rectifications }).first();
    for (const [label, value] of [
      [dashboard.rectificationsOpen, stats.rectificationsOpen],
      [dashboard.rectificationsOverdue, stats.rectificationsOverdue],
    ] as const) {
      const figure = panel.getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]');
      await figure.waitFor();
      expect(await figure.innerText()).toBe(value.toLocaleString('zh-CN'));
    }
    await page.screenshot({ path: shot('dashboard'), fullPage: true });
    await page.close();
  });
});
