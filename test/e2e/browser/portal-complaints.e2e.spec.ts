import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { messages } from '../../../apps/portal/src/i18n';
import { RunningPlatform } from '@otr/platform';
import { artifactsDir } from '@otr/testing';
import { sidewaysOverflow } from '../support/pages';
import { PHONE_VIEWPORT, startBrowserPlatform } from '../support/browser-platform';

jest.setTimeout(300_000);

const shot = (name: string) => join(artifactsDir, `portal-complaints-${name}.png`);
const zh = messages['zh-CN'];
// The smallest valid PNG: the service checks evidence against its magic bytes.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63f8cfc0f01f0005000201e2ad8fa50000000049454e44ae426082',
  'hex',
);
const c = zh.complaints;

describe('complaints on the public portal, in Chromium on a phone', () => {
  let close: () => Promise<void>;
  let platform: RunningPlatform;
  let browser: BrowserContext;

  beforeAll(async () => {
    // The seed licenses institutions through registration; the directory and complaints learn them from its events.
    // Enough institutions that 西湖区 has the four the complaints demo picks from.
    ({ platform, browser, close } = await startBrowserPlatform('portal', 'otr_portal_complaints', {
      seed: 42,
      viewport: PHONE_VIEWPORT,
    }));
  });
  afterAll(async () => {
    await close?.();
  });

  const noSideways = async (page: Page) => expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  /** Focus moves once the errors are drawn. */
  const focusOn = (page: Page, id: string) =>
    page.waitForFunction((el) => document.activeElement?.id === el, id, { timeout: 5_000 });
  /** The text of the elements an element's aria-describedby points at. */
  const description = (page: Page, id: string) =>
    page.evaluate(
      (el) =>
        (document.getElementById(el)?.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((d) => document.getElementById(d)?.textContent ?? '')
          .join(' '),
      id,
    );

  /** On the tracking page with the number filled in: a wrong code is refused, the right one shows the progress. */
  async function expectTracked(page: Page, accessCode: string, subject: string) {
    const wrong = accessCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
    await page.getByLabel(c.track.accessCode).fill(wrong);
    await page.getByRole('button', { name: c.track.submit, exact: true }).click();
    await page.getByText(c.track.denied).waitFor();
    // The refusal is tied to the code's input (focus is checked on the complaint form's errors).
    expect(await description(page, 'track-code')).toContain(c.track.denied);
    expect(await page.getByTestId('complaint-status').count()).toBe(0);

    await page.getByLabel(c.track.accessCode).fill(accessCode);
    await page.getByRole('button', { name: c.track.submit, exact: true }).click();
    const status = page.getByTestId('complaint-status');
    await status.waitFor();
    // Intake routes it in the same transaction: the district's education bureau has it.
    expect(await status.innerText()).toBe(c.track.statuses.routed);
    const text = await page.locator('.progress').innerText();
    expect(text).toContain(subject);
    expect(text).toContain(c.track.steps.accepted);
    expect(text).toContain(c.track.steps.routed);
    expect(text).toMatch(new RegExp(`${c.track.answerBy}\\s+\\d{4}-\\d{2}-\\d{2}`));
    expect(text).toContain(c.departments.education);
  }

  it('files a complaint about an institution found by a two-character search, then tracks it with the receipt', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/`);
    await page
      .getByRole('navigation', { name: zh.nav.main })
      .getByRole('link', { name: zh.nav.complain })
      .click();
    await page.getByRole('heading', { level: 1, name: c.title }).waitFor();

    await page.getByLabel(c.category).selectOption('fees-refunds');
    await page.getByLabel(c.findInstitution).fill('培训');
    await page.getByRole('button', { name: c.find, exact: true }).click();
    const first = page.locator('.picker-results button').first();
    await first.waitFor();
    const name = await first.evaluate((b) => b.firstChild?.textContent ?? '');
    expect(name).toContain('培训');
    await first.click();
    expect(await page.getByTestId('chosen-institution').innerText()).toContain(c.chosen(name));
    await page.getByLabel(c.description).fill('报名时一次性收取了两年学费，退课后三个月仍未退费。');
    expect(await page.getByText(c.contactPrivacy).isVisible()).toBe(true);
    await page.getByLabel(c.contactName).fill('王小明');
    await page.getByLabel(c.contactPhone).fill('13812341234');
    await noSideways(page);
    await page.screenshot({ path: shot('form'), fullPage: true });
    await page.getByRole('button', { name: c.submit }).click();

    // The receipt, or the form's refusals (shown here rather than as a bare timeout).
    await page.waitForFunction(
      (title) =>
        document.querySelector('h1')?.textContent === title || !!document.querySelector('.error-summary'),
      c.receipt.title,
    );
    expect(await page.locator('.error-summary li').allInnerTexts()).toEqual([]);
    const trackingNumber = await page.getByTestId('tracking-number').innerText();
    const accessCode = await page.getByTestId('access-code').innerText();
    expect(trackingNumber).toMatch(/^TS\d{8}-[0-9A-Z]{6}$/);
    expect(accessCode).toMatch(/^[0-9A-Z]{8}$/);
    expect(await page.getByRole('note').innerText()).toBe(c.receipt.warning);
    expect(await page.getByRole('button', { name: c.receipt.copy }).isVisible()).toBe(true);
    await noSideways(page);
    await page.screenshot({ path: shot('receipt'), fullPage: true });

    // The receipt's link opens tracking with the number filled in; the code is typed by hand.
    await page.getByRole('link', { name: c.receipt.track }).click();
    await page.getByRole('heading', { level: 1, name: c.track.title }).waitFor();
    expect(await page.getByLabel(c.track.trackingNumber).inputValue()).toBe(trackingNumber);

    await expectTracked(page, accessCode, name);
    // Not the complainant's identity, not even masked, and no rating before the answer.
    const text = await page.locator('.progress').innerText();
    expect(text).toContain(c.categories['fees-refunds']);
    expect(text).not.toContain('王');
    expect(text).not.toContain('1234');
    expect(await page.getByRole('heading', { name: c.rating.title }).count()).toBe(0);
    await noSideways(page);
    await page.screenshot({ path: shot('tracking'), fullPage: true });
    await page.close();
  });

  it('ties each error to its field and moves focus to the first', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/complaints/new`);
    await page.getByRole('button', { name: c.submit }).click();
    await page.getByRole('alert').filter({ hasText: c.errorSummary }).waitFor();
    await focusOn(page, 'complaint-category');
    expect(await description(page, 'complaint-category')).toBe(c.errors.choose);
    expect(await page.locator('#complaint-subject').getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, 'complaint-subject')).toBe(c.errors.subject);
    expect(await description(page, 'complaint-description')).toContain(c.errors.required);
    // A half-given contact is refused: both or neither (an anonymous tip).
    await page.getByLabel(c.contactPhone).fill('13812341234');
    await page.getByRole('button', { name: c.submit }).click();
    await focusOn(page, 'complaint-category');
    expect(await description(page, 'complaint-contact-name')).toBe(c.errors.contactPair);
    const unlabelled = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll<HTMLInputElement>('input, select, textarea')).filter(
          (el) => el.labels?.length === 0,
        ).length,
    );
    expect(unlabelled).toBe(0);
    await noSideways(page);
    await page.screenshot({ path: shot('errors'), fullPage: true });
    await page.close();
  });

  it('reports an unlicensed operator anonymously and follows the tip', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/complaints/new`);
    await page.getByLabel(c.category).selectOption('unlicensed');
    // The category chooses the operator form by itself.
    await page.getByLabel(c.operatorName).fill('小区里的“学霸课堂”');
    await page.getByLabel(c.operatorAddress).fill('文三路 90 号 3 幢 2 单元 501 室');
    await page.getByLabel(c.operatorActivity).fill('周末给初中生上数学和英语课，每班 20 多人');
    await page.getByLabel(c.operatorDistrict).selectOption('CN-ZJ-HZ-XH');
    await page.getByLabel(c.description).fill('每周六、日全天上课，门口贴着招生广告。');
    // A photo of the poster goes with it; a text file is refused on the phone before sending.
    const evidence = page.getByLabel(c.evidence);
    await evidence.setInputFiles({
      name: '说明.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('招生广告'),
    });
    await page.getByRole('button', { name: c.submit }).click();
    await focusOn(page, 'complaint-evidence');
    expect(await description(page, 'complaint-evidence')).toContain(c.errors.evidenceType);
    await page.getByRole('button', { name: c.evidenceRemove('说明.txt') }).click();
    await evidence.setInputFiles({ name: '招生广告.png', mimeType: 'image/png', buffer: PNG });
    expect(await page.locator('.evidence-files li').allInnerTexts()).toEqual([
      expect.stringContaining('招生广告.png'),
    ]);
    await noSideways(page);
    await page.getByRole('button', { name: c.submit }).click();
    await page.getByRole('heading', { level: 1, name: c.receipt.title }).waitFor();
    const trackingNumber = await page.getByTestId('tracking-number').innerText();
    const accessCode = await page.getByTestId('access-code').innerText();
    // The code is shown once: back on the receipt's address, it is gone.
    await page.reload();
    await page.getByText(c.receipt.gone).waitFor();
    expect(await page.getByTestId('access-code').count()).toBe(0);
    await page.goto(`${platform.url}/complaints/track?number=${trackingNumber}`);
    await expectTracked(page, accessCode, '小区里的“学霸课堂”');
    expect(await page.locator('.progress').innerText()).toContain(c.track.evidenceCount(1));
    await noSideways(page);
    await page.screenshot({ path: shot('tip-tracking'), fullPage: true });
    await page.close();
  });

  it('links an institution’s page to the form with the institution chosen', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/`);
    await page.getByLabel(zh.query).fill('培训');
    await page.getByRole('button', { name: zh.search, exact: true }).click();
    const link = page.locator('.results h2 a').first();
    await link.waitFor();
    const name = await link.innerText();
    await link.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('link', { name: c.report }).click();
    await page.getByRole('heading', { level: 1, name: c.title }).waitFor();
    await page.getByTestId('chosen-institution').waitFor();
    expect(await page.getByTestId('chosen-institution').innerText()).toContain(c.chosen(name));
    await page.close();
  });
});
