import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { messages } from '../../../apps/portal/src/i18n';
import { RunningPlatform } from '@otr/platform';
import { artifactsDir } from '@otr/testing';
import { sidewaysOverflow } from '../support/pages';
import { PHONE_VIEWPORT, startBrowserPlatform } from '../support/browser-platform';

jest.setTimeout(300_000);

const shot = (name: string) => join(artifactsDir, `portal-family-${name}.png`);
const zh = messages['zh-CN'];
const m = zh.family;
/** The fee demo's first family: an order with four lessons, three confirmed and one pending. */
const PHONE = '13805710001';

describe('我的订单 on the public portal, in Chromium on a phone', () => {
  let close: () => Promise<void>;
  let platform: RunningPlatform;
  let browser: BrowserContext;
  let sms: Server;
  const codes = new Map<string, string>();

  beforeAll(async () => {
    // An SMS gateway keeping the last code per phone, standing in for the operator's SMS platform
    // (the service stores codes hashed, so the test cannot read them from the database).
    sms = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const { phone, code } = JSON.parse(body) as { phone: string; code: string };
        codes.set(phone, code);
        res.writeHead(200).end('{}');
      });
    }).listen(0, '127.0.0.1');
    await new Promise((r) => sms.once('listening', r));
    process.env.FEES_SMS_URL = `http://127.0.0.1:${(sms.address() as AddressInfo).port}/sms`;
    ({ platform, browser, close } = await startBrowserPlatform('portal', 'otr_portal_family', {
      seed: 42,
      viewport: PHONE_VIEWPORT,
    }));
  });
  afterAll(async () => {
    delete process.env.FEES_SMS_URL;
    await close?.();
    await new Promise((r) => sms?.close(r));
  });

  const noSideways = async (page: Page) => expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  const description = (page: Page, id: string) =>
    page.evaluate(
      (el) =>
        (document.getElementById(el)?.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((d) => document.getElementById(d)?.textContent ?? '')
          .join(' '),
      id,
    );

  it('signs a family in by phone and code, lists its orders and confirms a pending lesson', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/`);
    await page
      .getByRole('navigation', { name: zh.nav.main })
      .getByRole('link', { name: zh.nav.family })
      .click();
    await page.getByRole('heading', { level: 1, name: m.title }).waitFor();

    // A malformed number is refused under its field before anything is sent.
    await page.getByLabel(m.phone).fill('12345');
    await page.getByRole('button', { name: m.sendCode }).click();
    await page.getByText(m.errors.phone).first().waitFor();
    expect(await description(page, 'family-sign-in-phone')).toContain(m.errors.phone);

    await page.getByLabel(m.phone).fill(PHONE);
    await page.getByRole('button', { name: m.sendCode }).click();
    await page.getByLabel(m.code).waitFor();
    const code = codes.get(PHONE)!;
    expect(code).toMatch(/^\d{6}$/);
    // A wrong code is refused under the code field.
    await page.getByLabel(m.code).fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: m.signIn, exact: true }).click();
    await page.getByText(m.errors.wrongCode).first().waitFor();
    expect(await description(page, 'family-sign-in-code')).toContain(m.errors.wrongCode);

    await page.getByLabel(m.code).fill(code);
    await page.getByRole('button', { name: m.signIn, exact: true }).click();
    const order = page.locator('article.order').first();
    await order.waitFor();
    // The token stays in this tab's sessionStorage, never in localStorage.
    expect(await page.evaluate(() => sessionStorage.getItem('otr.familyToken'))).toBeTruthy();
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('ey');

    const facts = await order.locator('dl').first().innerText();
    expect(facts).toContain(m.amountPaid);
    expect(facts).toContain('¥');
    // Four lessons taught of twenty hours; three confirmed, one waiting for the family.
    expect(facts).toContain(m.hours(4, 20));
    const escrowBefore = await order.locator('dt', { hasText: m.escrowLeft }).locator('+ dd').innerText();
    await noSideways(page);
    await page.screenshot({ path: shot('orders'), fullPage: true });

    const pending = order.locator('li.lesson.pending');
    expect(await pending.count()).toBe(1);
    await pending.getByRole('button', { name: new RegExp(`^${m.confirm}`) }).click();
    await order.locator('li.lesson.pending').waitFor({ state: 'detached' });
    // The release is announced with the amount the supervised account paid out.
    expect(await page.locator('.family-news').innerText()).toContain('¥');
    expect(await order.locator('li.lesson.released').count()).toBe(4);
    const escrowAfter = await order.locator('dt', { hasText: m.escrowLeft }).locator('+ dd').innerText();
    expect(escrowAfter).not.toBe(escrowBefore);

    // The family rates the institution for this order (one rating per order, editable: the demo
    // family rated it already); the form says the rating now on file in words.
    const rating = order.getByRole('group', { name: m.rateTitle });
    await rating.getByLabel(m.stars(2), { exact: true }).check();
    await order.getByRole('button', { name: m.rate }).click();
    await page.locator('.family-news', { hasText: m.ratedNews(2) }).waitFor();
    await order.getByText(m.rated(2)).waitFor();
    expect(await rating.getByLabel(m.stars(2), { exact: true }).isChecked()).toBe(true);

    // Asking for a refund says the service computes the amount.
    await order.getByRole('button', { name: m.askRefund }).click();
    expect(await order.getByText(m.refundAmountNote).isVisible()).toBe(true);
    await noSideways(page);
    await page.screenshot({ path: shot('confirmed'), fullPage: true });
    await page.close();
  });
});
