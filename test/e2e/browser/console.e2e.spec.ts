import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { menuFor, panelsFor } from '../../../apps/console/src/auth/permissions';
import { appEn } from '../../../apps/console/src/i18n/en';
import { appZhCN } from '../../../apps/console/src/i18n/zh-CN';
import { feeMessages } from '../../../apps/console/src/fees/messages';
import { inspectionMessages } from '../../../apps/console/src/inspection/messages';

/** Menu names from every catalogue the console merges. */
const menuNames: Record<string, { name: string }> = {
  ...appZhCN.resources,
  ...inspectionMessages['zh-CN'].resources,
  ...feeMessages['zh-CN'].resources,
};
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@otr/auth';
import { RunningPlatform } from '@otr/platform';
import { artifactsDir } from '@otr/testing';
import { signInAs } from '../support/gateway-users';
import { signInToConsole, waitForText, sidewaysOverflow } from '../support/pages';
import { startBrowserPlatform } from '../support/browser-platform';

jest.setTimeout(300_000);

const shot = (name: string) => join(artifactsDir, `console-${name}.png`);

describe('the task-force console in Chromium', () => {
  let close: () => Promise<void>;
  let platform: RunningPlatform;
  let browser: BrowserContext;

  beforeAll(async () => {
    ({ platform, browser, close } = await startBrowserPlatform('console', 'otr_browser', { seed: 26 }));
  });
  afterAll(async () => {
    await close?.();
  });

  /** Pages share the profile's storage, so each sign-in starts by forgetting the previous session and language. */
  async function signIn(username: string, page: Page) {
    await signInToConsole(page, platform.url, username);
  }
  const menu = (page: Page) => page.locator('.RaSidebar-fixed a').allInnerTexts();
  const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

  it('takes a signed-out visitor straight to the sign-in page, not through a storm of redirects', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/console/#/login`);
    await page.evaluate(() => localStorage.clear());
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await page.goto(`${platform.url}/console/`);
    await page.waitForSelector('input[name=username]');
    // react-admin's requireAuth re-mounted its logout on every store reset: 500–800 navigations to
    // #/login and a blank page for 12–15 s before the form. One visit, a handful of route changes.
    expect(navigations).toBeLessThanOrEqual(10);
    await page.close();
  });

  it('signs in on a Chinese page that lists no account and no password', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/console/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await waitForText(page, appZhCN.otr.login.heading);
    const text = await bodyText(page);
    expect(text).toContain(appZhCN.otr.login.notice);
    expect(text).not.toContain(DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) expect(text).not.toContain(a.username);
    await page.screenshot({ path: shot('login') });

    await page.fill('input[name=username]', 'approver.xihu');
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('button[type=submit]');
    await waitForText(page, appZhCN.otr.login.invalid);
    await page.close();
  });

  it('shows each demo role exactly the menus its permissions allow, and a dashboard', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const page = await browser.newPage();
      await signIn(account.username, page);
      const expected = ['工作台', ...menuFor(account.roles).map((r) => menuNames[r].name)];
      await page.waitForFunction(
        (n) => document.querySelectorAll('.RaSidebar-fixed a').length === n,
        expected.length,
      );
      expect({ user: account.username, menu: await menu(page) }).toEqual({
        user: account.username,
        menu: expected,
      });
      // The dashboard greets the user; a panel whose service is absent says so instead of showing numbers.
      await waitForText(page, `您好，${account.displayName}`);
      await page.waitForFunction(() => !document.querySelector('.MuiCircularProgress-root'), undefined, {
        timeout: 20_000,
      });
      if (panelsFor(account.roles).includes('institutions'))
        await page.waitForSelector('[data-testid=chart-by-district] .recharts-bar-rectangle');
      const bell = await page.getByTestId('notification-bell').getAttribute('aria-label');
      expect(bell).toMatch(new RegExp(`^${appZhCN.otr.notifications.title}: `));
      await page.screenshot({ path: shot(account.username), fullPage: true });
      await page.close();
    }
  });

  it('fills every panel of the city viewer’s dashboard from its service’s own figures', async () => {
    const page = await browser.newPage();
    await signIn('viewer.city', page);
    await waitForText(page, appZhCN.otr.dashboard.openAlerts);
    await page.waitForSelector('[data-testid=chart-by-district] .recharts-bar-rectangle');
    await page.waitForFunction(() => !document.querySelector('.MuiCircularProgress-root'));
    // A service that did not answer would say so in its panel (data-testid=panel-no-data).
    expect(await page.getByTestId('panel-no-data').count()).toBe(0);
    const res = await fetch(`${platform.url}/api/fee-supervision/stats`, {
      headers: { authorization: `Bearer ${await signInAs(platform.url, 'viewer.city')}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { openAlerts: number }).openAlerts).toBeGreaterThan(0);
    await page.close();
  });

  it('switches to English, keeps the choice across a reload, and switches back', async () => {
    const page = await browser.newPage();
    await signIn('approver.xihu', page);
    await page.getByRole('button', { name: /简体中文|language/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await waitForText(page, appEn.resources.applications.name);
    expect(await menu(page)).toContain(appEn.resources.applications.name);
    await waitForText(page, 'Hello,');
    await page.reload();
    await waitForText(page, appEn.resources.institutions.name);
    await waitForText(page, 'Hello,');
    await page.waitForSelector('[data-testid=chart-by-district] .recharts-bar-rectangle');
    await page.screenshot({ path: shot('english'), fullPage: true });
    await page.getByRole('button', { name: /English|language/i }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await waitForText(page, appZhCN.resources.applications.name);
    expect(await menu(page)).toContain(appZhCN.resources.applications.name);
    await page.close();
  });

  it('opens an institution’s timeline from the directory and exports the directory as CSV with a BOM', async () => {
    const page = await browser.newPage();
    await signIn('approver.xihu', page);
    await page.goto(`${platform.url}/console/#/institutions`);
    await page.locator('tbody tr').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出/ }).click(),
    ]);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(appZhCN.resources.institutions.fields.licenseNumber);
    expect(download.suggestedFilename()).toMatch(/^机构名录-\d{4}-\d{2}-\d{2}\.csv$/);

    // A district official follows the link of an institution in the district; others are greyed out.
    const outside = page.locator('tbody tr').filter({ hasNotText: '西湖区' }).first();
    expect(await outside.getByRole('button', { name: '时间线' }).isDisabled()).toBe(true);
    const xihu = encodeURIComponent(JSON.stringify({ district: 'CN-ZJ-HZ-XH' }));
    await page.goto(`${platform.url}/console/#/institutions?filter=${xihu}`);
    const inXihu = page.locator('tbody tr').filter({ hasText: '西湖区' }).first();
    await inXihu.waitFor();
    await inXihu.getByRole('link', { name: '时间线' }).click();
    await page.waitForSelector('[data-testid=timeline-event]');
    // Backdated demo complaints come first (oldest first): narrow to the licensing service's events.
    const url = new URL(page.url().replace('#/', ''));
    const filter = { ...JSON.parse(url.searchParams.get('filter') ?? '{}'), service: 'registration' };
    await page.goto(
      `${platform.url}/console/#/timeline?filter=${encodeURIComponent(JSON.stringify(filter))}`,
    );
    await page.waitForSelector('[data-testid=timeline-event]');
    const events = await page.locator('[data-testid=timeline-event]').allInnerTexts();
    expect(events[0]).toContain(appZhCN.otr.events['registration.ApplicationSubmitted']);
    expect(events.join('\n')).toContain(appZhCN.otr.events['registration.LicenseIssued']);
    expect(events.join('\n')).toContain(appZhCN.otr.facts.licenseNumber); // the license number is a key fact
    await page.screenshot({ path: shot('timeline'), fullPage: true });
    await page.close();
  });

  it('lets an approver approve an application, and only an approver see the decision buttons', async () => {
    const page = await browser.newPage();
    await signIn('approver.culture', page);
    await page.goto(`${platform.url}/console/#/applications`);
    // The newest waiting arts application: the oldest two wait on the fire department's opinion.
    const row = page
      .locator('tbody tr')
      .filter({ hasText: '文化艺术类' })
      .filter({ hasText: '待审批' })
      .last();
    await row.waitFor();
    const name = (await row.locator('td').first().innerText()).trim();
    await row.click();
    await page.getByRole('button', { name: '批准' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await waitForText(page, '已批准');
    await page.screenshot({ path: shot('approved') });
    const found = await fetch(
      `${platform.url}/api/public/institutions?q=${encodeURIComponent(name.slice(-8, -4))}&pageSize=100`,
    );
    expect(((await found.json()) as { items: { name: string }[] }).items.map((i) => i.name)).toContain(name);
    await page.close();

    const viewer = await browser.newPage();
    await signIn('viewer.city', viewer);
    await viewer.goto(`${platform.url}/console/#/applications`);
    await viewer.locator('tbody tr').first().click();
    await waitForText(viewer, appZhCN.resources.applications.fields.opinions);
    expect(await viewer.getByRole('button', { name: '批准' }).count()).toBe(0);
    await viewer.close();
  });

  it('lets the fire department give the opinion it was asked for', async () => {
    const login = await fetch(`${platform.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer.fire', password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };
    const list = (await (
      await fetch(`${platform.url}/api/registration/applications?status=submitted&pageSize=100`, {
        headers: auth,
      })
    ).json()) as { items: { id: string }[] };
    let waiting: string | undefined;
    for (const { id } of list.items) {
      const a = (await (
        await fetch(`${platform.url}/api/registration/applications/${id}`, { headers: auth })
      ).json()) as {
        opinions?: Record<string, { agrees?: boolean }>;
      };
      if (a.opinions?.fire && a.opinions.fire.agrees === undefined) waiting = id;
    }
    expect(waiting).toBeDefined();

    const page = await browser.newPage();
    await signIn('officer.fire', page);
    await page.goto(`${platform.url}/console/#/applications/${waiting}/show`);
    await page.getByRole('button', { name: '出具意见' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await waitForText(page, '消防救援支队：同意');
    expect(await page.getByRole('button', { name: '批准' }).count()).toBe(0);
    await page.close();
  });

  it('lays out on a phone', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn('inspector.xihu', page);
    await waitForText(page, '您好');
    await page.waitForFunction(() => !document.querySelector('.MuiCircularProgress-root'), undefined, {
      timeout: 20_000,
    });
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: shot('phone'), fullPage: true });
    // The menu is a drawer behind the button in the app bar.
    await page
      .getByRole('button', { name: /打开菜单|menu/i })
      .first()
      .click();
    await waitForText(page, appZhCN.resources.institutions.name);
    await page.getByRole('menuitem', { name: appZhCN.resources.institutions.name }).click();
    await page.waitForSelector('.RaSimpleList-root, [class*=RaSimpleList]');
    const listOverflow = await sidewaysOverflow(page);
    expect(listOverflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: shot('phone-institutions') });
    await page.close();
  });
});
