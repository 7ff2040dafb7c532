import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { BrowserContext, Page } from 'playwright-core';
import { eventsFor, message, STAFF_NAME, topicOf } from '../../../apps/directory/src/directory-fixtures';
import { messages, yuan } from '../../../apps/portal/src/i18n';
import { RunningPlatform } from '@otr/platform';
import { artifactsDir, eventually } from '@otr/testing';
import { sidewaysOverflow, waitForText } from '../support/pages';
import { PHONE_VIEWPORT, startBrowserPlatform } from '../support/browser-platform';

jest.setTimeout(300_000);

const shot = (name: string) => join(artifactsDir, `portal-${name}.png`);
const zh = messages['zh-CN'];
const westLake = { latitude: 30.2431, longitude: 120.1497 };

describe('the public portal in Chromium, on a phone', () => {
  let close: () => Promise<void>;
  let platform: RunningPlatform;
  let browser: BrowserContext;
  const id = randomUUID();
  const name = '杭州启航英语戏剧培训学校';

  beforeAll(async () => {
    ({ platform, browser, close } = await startBrowserPlatform('portal', 'otr_portal', {
      seed: 12,
      viewport: PHONE_VIEWPORT,
    }));
    // An institution with filed fees, staff, an annual grade, a penalty, a black list entry,
    // complaints and ratings, as the other contexts publish them.
    const e = eventsFor(id, name);
    for (const event of [
      e.issued({ lat: westLake.latitude + 0.001, lng: westLake.longitude }),
      e.course(2, `c-${id}`, 480_000),
      e.staffFiled(2, `s-${id}-1`, '英语', true),
      e.staffFiled(2, `s-${id}-2`, '戏剧', false, '王晓燕'),
      e.graded(20, `r-${id}`, 2025, 'pass', 84),
      e.penalty(10, `p-${id}-017`),
      e.blacklisted(12, `b-${id}-042`),
      e.complaintFiled(4, `k-${id}-1`),
      e.complaintClosed(9, `k-${id}-1`, 1),
      e.complaintFiled(5, `k-${id}-2`),
      e.rated(6, `o-${id}-1`, 5),
      e.rated(7, `o-${id}-2`, 4),
    ])
      await platform.transport.publish(topicOf(event), [message(event)]);
    // Fee supervision learns of the license and opens its supervised account: an arts institution's
    // is a risk reserve, empty at first. The directory shows it once those events have come through the outbox.
    await eventually(async () => {
      const page = await (await fetch(`${platform.url}/api/public/institutions/${id}`)).json();
      return page.feeSupervision?.reserve ?? undefined;
    }, 20_000);
    await browser.grantPermissions(['geolocation']);
    await browser.setGeolocation(westLake);
  });
  afterAll(async () => {
    await close?.();
  });

  const noSideways = async (page: Page) => expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

  it('finds an institution by a two-character fragment and shows its license and fees', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByLabel(zh.query).fill('英语');
    await page.getByRole('button', { name: zh.search, exact: true }).click();
    const link = page.getByRole('link', { name });
    await link.waitFor();
    // Each result says how families rated it, in words.
    await waitForText(page, zh.rating(4.5, 2));
    // Black-listed, it says so in the list — its license still reads active, shown as 正常 before (#23).
    const item = await page.getByRole('listitem').filter({ has: link }).innerText();
    expect(item).toContain(zh.blacklistedChip);
    expect(item).not.toContain(zh.statuses.active);
    await noSideways(page);
    await page.screenshot({ path: shot('search'), fullPage: true });

    await link.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(page.url()).toBe(`${platform.url}/institutions/${id}`);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain(`教民3301${id.slice(-6)}号`);
    expect(text).toContain('少儿美术启蒙');
    expect(text).toContain('¥4,800.00');
    expect(text).toContain('小学一年级、小学二年级');
    expect(text).toContain(zh.institution.teachers(2, 1));
    // Staff by name and the kind of certificate on file, never a certificate number.
    expect(text).toContain(
      `${STAFF_NAME} · 英语 · ${zh.institution.certificateKinds['teacher-qualification']}`,
    );
    expect(text).toContain(`王晓燕 · 戏剧 · ${zh.institution.staffUnqualified}`);
    expect(text).not.toContain('CERT-PRIVATE');
    // The truth from the ledger: nothing of Hangzhou's 100,000-yuan reserve paid, never "supervised" (#23).
    expect(await page.getByTestId('fee-supervision').innerText()).toBe(
      zh.institution.reserve.unfunded(yuan(0, 'zh-CN'), yuan(10_000_000, 'zh-CN')),
    );
    expect(text).not.toContain('预收费已纳入资金监管');
    expect(text).toContain(zh.institution.gradeLine(2025, zh.institution.inspectionGrades.pass, 84));
    expect(text).toContain('西教罚〔2026〕017号');
    expect(text).toContain(zh.institution.blacklisted);
    expect(text).toContain(zh.institution.complaintFigures(2, 1, 1, 100));
    expect(await page.getByTestId('rating').innerText()).toBe(zh.rating(4.5, 2));
    await noSideways(page);
    await page.screenshot({ path: shot('institution'), fullPage: true });

    // The back button returns to the search.
    await page.goBack();
    await page.getByRole('link', { name }).waitFor();
    await page.close();
  });

  it('shows the ratings the demo families gave through their orders, as text', async () => {
    // Fee supervision's demo has one family per institution rate its order; the directory averages them.
    const rated = await eventually(async () => {
      const found = await (
        await fetch(`${platform.url}/api/public/institutions?pageSize=100`, {
          headers: { 'cache-control': 'no-cache' },
        })
      ).json();
      return (found.items as { id: string; name: string; rating: { average: number; count: number } }[]).find(
        (i) => i.rating.count > 0 && i.id !== id,
      );
    }, 20_000);
    const page = await browser.newPage();
    await page.goto(`${platform.url}/institutions/${rated.id}`);
    await page.getByRole('heading', { level: 1, name: rated.name }).waitFor();
    expect(await page.getByTestId('rating').innerText()).toBe(
      zh.rating(rated.rating.average, rated.rating.count),
    );
    await page.close();
  });

  it('opens the black list from the menu and links its entries to the institution', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/`);
    await page
      .getByRole('navigation', { name: zh.nav.main })
      .getByRole('link', { name: zh.nav.blacklist })
      .click();
    await page.getByRole('heading', { level: 1, name: zh.blacklist.title }).waitFor();
    await waitForText(page, '西教黑〔2026〕042号');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('逾期未整改');
    expect(text).toContain('2029-01-01');
    expect(await page.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe(
      '/api/public/open-data/black.csv?download',
    );
    await noSideways(page);
    await page.screenshot({ path: shot('blacklist'), fullPage: true });
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.close();
  });

  it('finds institutions near the phone’s location, nearest first with the distance', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/`);
    await page.getByRole('button', { name: zh.nearMe }).click();
    await waitForText(page, zh.nearActive(5));
    const first = page.locator('.results li').first();
    await first.waitFor();
    expect(await first.innerText()).toContain(name);
    expect(await first.innerText()).toContain('111 米');
    await page.screenshot({ path: shot('near-me'), fullPage: true });
    await page.close();
  });

  it('switches to English and keeps the choice across pages, with every form field labelled', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/revoked`);
    await page.getByRole('button', { name: zh.languageLabel }).click();
    const en = messages.en;
    await page.getByRole('heading', { level: 1, name: en.revoked.title }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.goto(`${platform.url}/institutions/${id}`);
    await page.getByRole('heading', { level: 2, name: en.institution.courses }).waitFor();
    await page.goto(`${platform.url}/`);
    const unlabelled = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('input, select')).filter(
          (el) => !el.closest('label') && !el.getAttribute('aria-label'),
        ).length,
    );
    expect(unlabelled).toBe(0);
    await page.screenshot({ path: shot('english'), fullPage: true });
    await page.close();
  });
});
