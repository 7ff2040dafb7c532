import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { applicationMessages } from '../../../apps/console/src/applications/messages';
import { appZhCN } from '../../../apps/console/src/i18n/zh-CN';
import { DEMO_ACCOUNTS } from '@otr/auth';
import { RunningPlatform } from '@otr/platform';
import { artifactsDir } from '@otr/testing';
import { signInToConsole, waitForText, confirmDialog as confirm } from '../support/pages';
import { signInAs } from '../support/gateway-users';
import { startBrowserPlatform } from '../support/browser-platform';

jest.setTimeout(300_000);

const shot = (name: string) => join(artifactsDir, `console-licensing-${name}.png`);
const zh = appZhCN;
const words = applicationMessages['zh-CN'];

interface License {
  id: string;
  number: string;
  institutionId: string;
  institutionName: string;
  district: string;
  status: string;
  competentDepartment: string;
}

/**
 * The licensing screens after issue, in Chromium against the embedded platform: the roster
 * import, an operator's filing refused with its rule, a change of name requested by the
 * operator and approved by the competent department, and the license file showing both.
 */
describe('the console’s licensing screens in Chromium', () => {
  const IN_SERVICE_ID = '330106198801011233'; // a valid check character (GB 11643-1999)
  let close: () => Promise<void>;
  let platform: RunningPlatform;
  let browser: BrowserContext;
  let license: License;
  let approver: string;
  /** The application the operator files in the second test, returned and corrected in the third. */
  let appliedId: string;

  async function api<T>(token: string, path: string, init: RequestInit = {}): Promise<T> {
    const res = await fetch(`${platform.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  const token = (username: string) => signInAs(platform.url, username);

  beforeAll(async () => {
    ({ platform, browser, close } = await startBrowserPlatform('console', 'otr_browser_licensing', {
      seed: 26,
    }));
    // operator.demo runs a 西湖区 institution (apps/platform/src/seed); its competent department decides.
    const own = await api<{ items: License[] }>(await token('operator.demo'), '/api/registration/licenses');
    expect(own.items).toHaveLength(1);
    license = own.items[0];
    approver = DEMO_ACCOUNTS.find(
      (a) =>
        a.roles.includes('approver') &&
        a.department === license.competentDepartment &&
        (license.district === a.jurisdiction || license.district.startsWith(`${a.jurisdiction}-`)),
    )!.username;
  });
  afterAll(async () => {
    await close?.();
  });

  async function signIn(page: Page, username: string) {
    await signInToConsole(page, platform.url, username);
  }

  it('lets the administrator replace the in-service teacher roster from a CSV file', async () => {
    const page = await browser.newPage();
    await signIn(page, 'admin');
    await page.getByRole('menuitem', { name: zh.resources.roster.name }).click();
    await page.getByTestId('roster-file').setInputFiles({
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF姓名,身份证号,学校\r\n赵老师,${IN_SERVICE_ID},杭州市学军中学\r\n`),
    });
    await waitForText(page, '已读取 1 名教师');
    await page.getByRole('button', { name: zh.otr.roster.upload }).click();
    const outcome = await page.getByTestId('roster-outcome').innerText();
    expect(outcome).toContain('共 1 名在职教师');
    await page.screenshot({ path: shot('roster') });
    await page.close();
  });

  it('lets the operator apply, showing a refused rule next to its input first', async () => {
    const page = await browser.newPage();
    await signIn(page, 'operator.demo');
    await page.goto(`${platform.url}/console/#/applications/create`);
    await page.locator('input[name=institutionName]').fill('杭州西湖区晨曦书画艺术培训有限公司');
    const pick = async (id: string, option: string) => {
      await page.locator(`.ra-input-${id} [role=combobox]`).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await pick('legalForm', zh.otr.legalForms['for-profit']);
    await pick('category', zh.otr.categories.arts);
    await pick('district', '西湖区');
    await page.locator('input[name=address]').fill('浙江省杭州市西湖区文三路200号');
    await page.locator('input[name="venue.area"]').fill('30');
    await page.locator('input[name="venue.maxClassSize"]').fill('20');
    await page.locator('input[name="venue.fireSafetyAccepted"]').check();
    await page.locator('input[name=legalRepresentative]').fill('秦岚');
    await page.getByRole('button', { name: '保存' }).click();
    const error = page.locator('.MuiFormHelperText-root.Mui-error');
    await error.first().waitFor();
    expect(await error.first().innerText()).toMatch(/m².*（.+）/);
    await page.screenshot({ path: shot('apply-refused') });
    await page.locator('input[name="venue.area"]').fill('120');
    await page.getByRole('button', { name: '保存' }).click();
    await waitForText(page, zh.resources.applications.fields.documents);
    await waitForText(page, '杭州西湖区晨曦书画艺术培训有限公司');
    appliedId = /#\/applications\/([^/]+)\/show/.exec(page.url())![1];
    await page.screenshot({ path: shot('applied') });
    await page.close();
  });

  it('returns the application with a reason per item, which the operator corrects and resubmits', async () => {
    // arts in 西湖区: the culture department decides (approver.culture).
    const page = await browser.newPage();
    await signIn(page, 'approver.culture');
    await page.getByRole('menuitem', { name: zh.resources.applications.name }).click();
    // The work queue says for each application which deadline is past or which opinion awaited.
    await page.getByRole('columnheader', { name: words.resources.applications.fields.deadlines }).waitFor();
    // The queue is oldest first: the search finds the new application.
    await page.locator('input[name=q]').fill('晨曦书画');
    const row = page.locator('tbody tr').filter({ hasText: '杭州西湖区晨曦书画艺术培训有限公司' });
    await row.click();
    await page.getByRole('button', { name: zh.otr.actions.return }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[role=combobox]').first().click();
    await page.getByRole('option', { name: zh.otr.application.venueArea, exact: true }).click();
    await dialog.locator('textarea[name="items.0.reason"]').fill('平面图面积与租赁合同不符');
    await confirm(page);
    await dialog.waitFor({ state: 'detached' });
    await waitForText(page, zh.otr.statuses.returned);
    await page.close();

    const operator = await browser.newPage();
    await signIn(operator, 'operator.demo');
    await operator.goto(`${platform.url}/console/#/applications/${appliedId}/show`);
    const items = operator.getByTestId('corrections');
    await items.waitFor();
    const listed = await items.innerText();
    expect(listed).toContain(zh.otr.application.venueArea);
    expect(listed).toContain('平面图面积与租赁合同不符');
    await operator.screenshot({ path: shot('returned'), fullPage: true });
    await operator.getByRole('link', { name: words.otr.correction.resubmit }).click();
    // The reason sits under the input it names; the service checks the corrected form again.
    const area = operator.locator('input[name="venue.area"]');
    await area.waitFor();
    expect(await operator.locator('.ra-input-venue\\.area').innerText()).toContain(
      '平面图面积与租赁合同不符',
    );
    await area.fill('20');
    await operator.getByRole('button', { name: '保存' }).click();
    const error = operator.locator('.MuiFormHelperText-root.Mui-error');
    await error.first().waitFor();
    expect(await error.first().innerText()).toMatch(/m².*（.+）/);
    await operator.screenshot({ path: shot('correction-refused'), fullPage: true });
    await area.fill('150');
    await operator.getByRole('button', { name: '保存' }).click();
    await operator.waitForURL(new RegExp(`#/applications/${appliedId}/show$`));
    await waitForText(operator, zh.otr.statuses.submitted);
    expect(await operator.getByTestId('corrections').count()).toBe(0);
    await operator.screenshot({ path: shot('resubmitted') });
    await operator.close();
  });

  it('shows the operator why a filing is refused, next to the input, with the rule’s source', async () => {
    const page = await browser.newPage();
    await signIn(page, 'operator.demo');
    await page.getByRole('menuitem', { name: zh.resources.licenses.name }).click();
    // The operator sees the institution's own license only.
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.screenshot({ path: shot('list') });
    await page.locator('tbody tr').first().click();
    await page.getByRole('tab', { name: zh.otr.licenses.tabs.profile }).waitFor();
    await waitForText(page, zh.resources.licenses.fields.legalRepresentative);
    await page.screenshot({ path: shot('profile') });

    await page.getByRole('button', { name: zh.otr.licenses.commands.fileStaff }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name=name]').fill('赵老师');
    await dialog.locator('input[name=idNumber]').fill(IN_SERVICE_ID);
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: zh.otr.licenses.staffRoles.other }).click();
    await confirm(page);
    const error = dialog.locator('.MuiFormHelperText-root.Mui-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/in-service school teachers may not teach.*（.+）/);
    await page.screenshot({ path: shot('refused') });
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.close();
  });

  it('carries a change of name from the operator through the approver’s queue onto the license', async () => {
    const newName = `杭州西湖区${license.institutionName.slice(5, 9)}更名培训学校`;
    const operator = await browser.newPage();
    await signIn(operator, 'operator.demo');
    await operator.goto(`${platform.url}/console/#/licenses/${license.id}/show`);
    await waitForText(operator, license.number);
    await operator.getByRole('button', { name: zh.otr.licenses.commands.requestChange }).click();
    const dialog = operator.getByRole('dialog');
    // A one-character name is refused by the service; the rule shows under the input.
    await dialog.locator('input[name=institutionName]').fill('新');
    await confirm(operator);
    await dialog.locator('.MuiFormHelperText-root.Mui-error').waitFor();
    await dialog.locator('input[name=institutionName]').fill(newName);
    await confirm(operator);
    await dialog.waitFor({ state: 'detached' });
    await operator.getByRole('tab', { name: zh.otr.licenses.tabs.requests }).click();
    await waitForText(operator, newName);
    await waitForText(operator, zh.otr.statuses.pending);
    await operator.close();

    const page = await browser.newPage();
    await signIn(page, approver);
    await page.getByRole('menuitem', { name: zh.resources['license-requests'].name }).click();
    // The demo may have other requests waiting on this license; this one asks for the new name.
    const asked = `${zh.otr.facts.institutionName}：${newName}`;
    const row = page.locator('tbody tr').filter({ hasText: asked });
    await row.waitFor();
    await page.screenshot({ path: shot('queue') });
    await row.getByRole('button', { name: zh.otr.licenses.commands.approve, exact: true }).click();
    await confirm(page);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' }); // the queue shows pending requests only

    await page.goto(`${platform.url}/console/#/licenses/${license.id}/show`);
    await waitForText(page, newName);
    await page.getByRole('tab', { name: zh.otr.licenses.tabs.actions }).click();
    const log = page
      .locator('tbody tr')
      .filter({ hasText: zh.otr.licenses.actions.InstitutionChanged })
      .filter({ hasText: asked });
    await log.waitFor();
    await page.screenshot({ path: shot('action-log'), fullPage: true });

    // The approver suspends enrolment and reinstates it; the buttons follow the license's status.
    const cmd = zh.otr.licenses.commands;
    for (const [command, next] of [
      [cmd.suspend, cmd.reinstate],
      [cmd.reinstate, cmd.suspend],
    ]) {
      await page.getByRole('button', { name: command, exact: true }).click();
      await page.getByRole('dialog').locator('textarea[name=reason]').fill('消防通道堵塞，责令整改');
      await confirm(page);
      await page.getByRole('button', { name: next, exact: true }).waitFor();
    }
    await page.locator('tbody tr').filter({ hasText: zh.otr.licenses.actions.LicenseReinstated }).waitFor();
    await page.close();
  });
});
