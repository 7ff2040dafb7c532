import { join } from 'node:path';
import { Page } from 'playwright-core';
import { appEn } from '../../../apps/console/src/i18n/en';
import { appZhCN } from '../../../apps/console/src/i18n/zh-CN';
import { RunningPlatform } from '@otr/platform';
import { artifactsDir } from '@otr/testing';
import { signInToConsole, waitForText } from '../support/pages';
import { signInAs } from '../support/gateway-users';
import { startBrowserPlatform } from '../support/browser-platform';

jest.setTimeout(300_000);

const shot = (name: string) => join(artifactsDir, `console-errors-${name}.png`);

/**
 * A service's validation refusal (problem+json, docs/integration.md) shows beside its field in the
 * console's language: the console sends Accept-Language from react-admin's locale, and the service
 * words zod's rule in Chinese or English.
 */
describe('the console shows a server-side validation error in its own language', () => {
  let close: () => Promise<void>;
  let platform: RunningPlatform;
  let browser: Awaited<ReturnType<typeof startBrowserPlatform>>['browser'];
  let licenseId: string;

  beforeAll(async () => {
    ({ platform, browser, close } = await startBrowserPlatform('console', 'otr_browser_errors', { seed: 4 }));
    const res = await fetch(`${platform.url}/api/registration/licenses`, {
      headers: { authorization: `Bearer ${await signInAs(platform.url, 'operator.demo')}` },
    });
    licenseId = ((await res.json()) as { items: { id: string }[] }).items[0].id;
  });
  afterAll(async () => {
    await close?.();
  });

  /** Asks for a one-character name, which the registration service refuses; the rule under the input. */
  async function refusedName(page: Page, requestChange: string, confirm: string): Promise<string> {
    await page.goto(`${platform.url}/console/#/licenses/${licenseId}/show`);
    await page.getByRole('button', { name: requestChange }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name=institutionName]').fill('新');
    await dialog.getByRole('button', { name: confirm }).click();
    const error = dialog.locator('.MuiFormHelperText-root.Mui-error').first();
    await error.waitFor();
    return error.innerText();
  }

  it('in Chinese by default, and in English after switching the console’s language', async () => {
    const page = await browser.newPage();
    await signInToConsole(page, platform.url, 'operator.demo');
    const zh = await refusedName(page, appZhCN.otr.licenses.commands.requestChange, '确认');
    // zod's zh-CN locale words the rule: 数值过小：期望 string >=2 字符
    expect(zh).toMatch(/过小.*2/);
    await page.screenshot({ path: shot('zh-CN') });

    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /简体中文|language/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await waitForText(page, appEn.otr.licenses.commands.requestChange);
    const en = await refusedName(page, appEn.otr.licenses.commands.requestChange, 'Confirm');
    expect(en).toMatch(/^Too small: expected string to have >=2 characters/);
    await page.screenshot({ path: shot('en') });
    await page.close();
  });
});
