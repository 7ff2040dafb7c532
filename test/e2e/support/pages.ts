import { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './gateway-users';

/**
 * Signs the page in to the console as a demo user. Pages share the browser profile's storage, so
 * it first forgets the previous session and language: the last sign-in wins.
 */
export async function signInToConsole(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${baseUrl}/console/#/login`);
  await page.reload();
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('.RaLayout-appFrame', { timeout: 20_000 });
}

/** Waits until the page's visible text contains `text`. */
export const waitForText = (page: Page, text: string, timeout = 20_000) =>
  page.waitForFunction((t) => document.body.innerText.includes(t), text, { timeout });

/** Confirms react-admin's confirmation dialog (zh-CN). */
export const confirmDialog = (page: Page) =>
  page.getByRole('dialog').getByRole('button', { name: '确认' }).click();

/** How far the page scrolls sideways (≤ 0 when it fits the viewport, as on a phone it must). */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
