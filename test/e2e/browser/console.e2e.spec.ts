import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { MENU, can } from '../../../apps/console/src/auth/permissions';
import { appEn, appZh } from '../../../apps/console/src/i18n/app-messages';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@otr/gateway';
import { RunningPlatform, startPlatform } from '@otr/platform';
import { artifactsDir, createTestDatabase, launchChromium, TestDatabase } from '@otr/testing';

jest.setTimeout(180_000);

const consoleBuilt = existsSync(join(__dirname, '..', '..', '..', 'apps', 'console', 'dist', 'index.html'));

describe('the task-force console in Chromium', () => {
  let db: TestDatabase;
  let platform: RunningPlatform;
  let browser: BrowserContext;

  beforeAll(async () => {
    if (!consoleBuilt)
      throw new Error('build the console first: npx vite build --config apps/console/vite.config.ts');
    process.env.LOGIN_RATE_LIMIT = '1000'; // one client signs in as every role in a minute
    db = await createTestDatabase('otr_browser');
    platform = await startPlatform({
      databaseUrl: db.url,
      port: 20_000 + Math.floor(Math.random() * 20_000),
      seed: 26,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await db?.drop();
  });

  /** Pages share the profile's storage, so each sign-in starts by forgetting the previous session. */
  const signIn = async (username: string, page: Page) => {
    await page.goto(`${platform.url}/console/`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${platform.url}/console/#/login`);
    await page.reload();
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.RaSidebar-fixed a', { timeout: 20_000 });
  };
  const menu = (page: Page) => page.locator('.RaSidebar-fixed a').allInnerTexts();

  it('shows each role exactly the menus its permissions allow', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const page = await browser.newPage();
      await signIn(account.username, page);
      const expected = [
        '工作台',
        ...MENU.filter((r) => can(account.roles, r, 'list')).map((r) => appZh.resources[r].name),
      ];
      await page.waitForFunction(
        (n) => document.querySelectorAll('.RaSidebar-fixed a').length === n,
        expected.length,
      );
      expect({ user: account.username, menu: await menu(page) }).toEqual({
        user: account.username,
        menu: expected,
      });
      await page.screenshot({ path: join(artifactsDir, `console-${account.username}.png`) });
      await page.close();
    }
  });

  it('switches to English and back', async () => {
    const page = await browser.newPage();
    await signIn('approver.xihu', page);
    await page.getByRole('button', { name: /简体中文|language/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.waitForFunction(
      (label) => document.body.innerText.includes(label),
      appEn.resources.applications.name,
    );
    expect(await menu(page)).toContain(appEn.resources.applications.name);
    await page.getByRole('button', { name: /English|language/i }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.waitForFunction(
      (label) => document.body.innerText.includes(label),
      appZh.resources.applications.name,
    );
    await page.close();
  });

  it('lets an approver approve an application through the console', async () => {
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
    await page.waitForFunction(() => document.body.innerText.includes('已批准'), undefined, {
      timeout: 20_000,
    });
    await page.screenshot({ path: join(artifactsDir, 'console-approved.png') });
    const found = await fetch(
      `${platform.url}/api/public/institutions?q=${encodeURIComponent(name.slice(-8, -4))}&pageSize=100`,
    );
    expect(((await found.json()) as { items: { name: string }[] }).items.map((i) => i.name)).toContain(name);
    await page.close();
  });

  it('lays out on a phone', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${platform.url}/console/`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${platform.url}/console/#/login`);
    await page.reload();
    await page.fill('input[name=username]', 'inspector.xihu');
    await page.fill('input[name=password]', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForFunction(() => document.body.innerText.includes('您好'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(artifactsDir, 'console-phone.png') });
    await page.close();
  });
});
