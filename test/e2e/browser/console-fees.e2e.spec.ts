import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { feeMessages } from '../../../apps/console/src/fees/messages';
import { raZhCN } from '../../../apps/console/src/i18n/zh-CN';
import { DEMO_PASSWORD } from '@otr/auth';
import { RunningPlatform } from '@otr/platform';
import { artifactsDir } from '@otr/testing';
import { signInToConsole } from '../support/pages';
import { startBrowserPlatform } from '../support/browser-platform';

jest.setTimeout(300_000);

const shot = (name: string) => join(artifactsDir, `console-fees-${name}.png`);
const zh = feeMessages['zh-CN'];
const SUPERVISOR = 'fund.supervisor';

interface Alert {
  id: string;
  institutionId: string;
  code: string;
  state: string;
  note: string | null;
  acknowledgedBy: string | null;
  closedBy: string | null;
}

/**
 * The fee-supervision screens in Chromium against the embedded platform and its fee demo (orders
 * paid through signed webhooks, lessons released, a burst of refund requests that raised an alert):
 * the fund supervisor opens the institution's supervised account and its escrow chart, acknowledges
 * the refund-burst alert, closes it with a note, and reconciles the bank's statements.
 */
describe('the console’s fee-supervision screens in Chromium', () => {
  let close: () => Promise<void>;
  let platform: RunningPlatform;
  let browser: BrowserContext;
  let authorization: string;
  let burst: Alert;
  let institutionName: string;

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${platform.url}/api/fee-supervision${path}`, { headers: { authorization } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    ({ platform, browser, close } = await startBrowserPlatform('console', 'otr_browser_fees', { seed: 42 }));
    const login = await fetch(`${platform.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: SUPERVISOR, password: DEMO_PASSWORD }),
    });
    authorization = `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`;
    // The demo's refund burst (apps/fee-supervision/src/demo) left one open alert.
    const open = await api<{ items: Alert[] }>('/alerts?state=open');
    burst = open.items.find((a) => a.code === 'refund-burst')!;
    expect(burst).toBeDefined();
    institutionName = (await api<{ institutionName: string }>(`/accounts/${burst.institutionId}`))
      .institutionName;
  });
  afterAll(async () => {
    await close?.();
  });

  async function signIn(page: Page) {
    await signInToConsole(page, platform.url, SUPERVISOR);
  }
  const dialog = (page: Page) => page.getByRole('dialog');
  const confirm = async (page: Page) => {
    await dialog(page).getByRole('button', { name: raZhCN.ra.action.confirm }).click();
    await dialog(page).waitFor({ state: 'detached' });
  };
  const showState = async (page: Page, state: 'acknowledged' | 'closed') => {
    await page.getByRole('combobox', { name: zh.resources['fee-alerts'].fields.state }).click();
    await page.getByRole('option', { name: zh.otr.fees.statuses[state] }).click();
    await page.locator('#menu-state').waitFor({ state: 'detached' });
  };

  it('opens a supervised account with its escrow chart, acknowledges then closes its alert with a note, and reconciles', async () => {
    const page = await browser.newPage();
    await signIn(page);

    // The account, found by name, and its escrow over the last 90 days.
    await page.getByRole('menuitem', { name: zh.resources['fee-accounts'].name }).click();
    await page.locator('tbody tr').first().waitFor();
    await page.getByPlaceholder(raZhCN.ra.action.search).fill(institutionName);
    await page.locator('tbody tr').filter({ hasText: institutionName }).first().click();
    await page.getByRole('heading', { name: institutionName }).waitFor();
    await page.getByText(zh.otr.fees.chart.title).waitFor();
    const chart = page.locator('.recharts-surface').first();
    await chart.waitFor({ timeout: 20_000 });
    // The demo's payments (made today, through the bank): paid-in bars and the escrow balance are
    // drawn — a step line over several days, its one dot when every movement fell on one day.
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.locator('.recharts-line-curve, .recharts-line-dot').count()).toBeGreaterThan(0);
    await page.screenshot({ path: shot('account') });

    // Its open alert: acknowledged, then closed with a note.
    await page.getByRole('link', { name: zh.otr.fees.links.alerts, exact: true }).click();
    const row = () =>
      page.locator('tbody tr').filter({ hasText: zh.otr.fees.alerts['refund-burst'] }).first();
    await row().waitFor();
    await row().getByRole('button', { name: zh.otr.fees.commands.acknowledge, exact: true }).click();
    await dialog(page).getByText(zh.otr.fees.hints.acknowledge).waitFor();
    await confirm(page);
    await showState(page, 'acknowledged');
    await row().getByText(zh.otr.fees.statuses.acknowledged).waitFor();
    const note = '已约谈机构负责人，退费按期办理，资金安全。';
    await row().getByRole('button', { name: zh.otr.fees.commands.closeAlert }).click();
    // A note is required: the dialog does not send an empty one.
    await dialog(page).getByRole('button', { name: raZhCN.ra.action.confirm }).click();
    await dialog(page).getByText(raZhCN.ra.validation.required).waitFor();
    await dialog(page).locator('textarea[name=note]').fill(note);
    await confirm(page);
    await showState(page, 'closed');
    await row().getByText(note).waitFor();
    await page.screenshot({ path: shot('alert-closed') });
    const after = (await api<{ items: Alert[] }>(`/alerts?institutionId=${burst.institutionId}`)).items.find(
      (a) => a.id === burst.id,
    );
    expect(after).toMatchObject({ state: 'closed', note });
    expect(after?.acknowledgedBy).toBeTruthy();
    expect(after?.closedBy).toBe(after?.acknowledgedBy);

    // Reconciliation of yesterday's statements for the jurisdiction, and the list of runs.
    await page.getByRole('menuitem', { name: zh.resources['fee-reconciliations'].name }).click();
    await page.getByRole('button', { name: zh.otr.fees.commands.reconcile }).click();
    await dialog(page).getByText(zh.otr.fees.hints.reconcile).waitFor();
    await confirm(page);
    await page.locator('tbody tr').first().waitFor({ timeout: 60_000 });
    const runs = await api<{ total: number; items: { institutionId: string; result: string }[] }>(
      '/reconciliation/runs?limit=500',
    );
    expect(runs.total).toBeGreaterThan(0);
    await page.locator('tbody tr').filter({ hasText: institutionName }).first().waitFor();
    const shown = await page.locator('tbody tr').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(runs.total);
    await page.screenshot({ path: shot('reconciliation') });
    await page.close();
  });

  it('filters the alerts by rule and acknowledges the selected in bulk, one alert per short reserve (#23)', async () => {
    // The demo leaves a handful of risk reserves empty: evaluated, each has one shortfall alert.
    const accounts = await api<{ items: { institutionId: string; mode: string; riskReserveFen: number }[] }>(
      '/accounts?limit=500',
    );
    const empty = accounts.items.filter((a) => a.mode === 'risk-reserve' && a.riskReserveFen === 0);
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.length).toBeLessThan(accounts.items.length / 10);
    for (const a of empty.slice(0, 3)) {
      const res = await fetch(`${platform.url}/api/fee-supervision/alerts/evaluate`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ institutionId: a.institutionId }),
      });
      expect(res.status).toBe(200);
    }
    const shortfalls = () =>
      api<{ items: Alert[]; total: number }>('/alerts?rule=reserve-below-required&limit=500');
    const before = (await shortfalls()).items.filter((a) => a.state === 'open');
    expect(before.length).toBeGreaterThan(0);
    // One per institution, however often evaluated.
    expect(new Set(before.map((a) => a.institutionId)).size).toBe(before.length);

    const page = await browser.newPage();
    await signIn(page);
    await page.getByRole('menuitem', { name: zh.resources['fee-alerts'].name }).click();
    await page.getByRole('combobox', { name: zh.resources['fee-alerts'].fields.code }).click();
    await page.getByRole('option', { name: zh.otr.fees.alerts['reserve-below-required'] }).click();
    await page.locator('#menu-rule').waitFor({ state: 'detached' });
    const rows = page.locator('tbody tr');
    await rows.filter({ hasText: zh.otr.fees.alerts['reserve-below-required'] }).first().waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, before.length, {
      timeout: 20_000,
    });
    for (const text of await rows.allInnerTexts())
      expect(text).toContain(zh.otr.fees.alerts['reserve-below-required']);
    await page.locator('thead input[type=checkbox]').check();
    await page.getByRole('button', { name: zh.otr.fees.commands.acknowledgeSelected }).click();
    await page.getByText(new RegExp(`已确认 ${before.length} 条`)).waitFor();
    await page.screenshot({ path: shot('alerts-bulk-acknowledged') });
    const after = new Map((await shortfalls()).items.map((a) => [a.id, a]));
    for (const a of before) expect(after.get(a.id)).toMatchObject({ state: 'acknowledged' });
    await page.close();
  });
});
