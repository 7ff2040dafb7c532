import { join } from 'node:path';
import { Client } from 'pg';
import { appZhCN } from '../../../apps/console/src/i18n/zh-CN';
import { createEvent, PenaltyDecided, Topics } from '@otr/contracts';
import { RunningPlatform } from '@otr/platform';
import { artifactsDir, eventually, testEnv } from '@otr/testing';
import { signInToConsole, waitForText } from '../support/pages';
import { signInAs } from '../support/gateway-users';
import { startBrowserPlatform } from '../support/browser-platform';

jest.setTimeout(300_000);

const DATABASE = 'otr_browser_dead_letters';
const shot = (name: string) => join(artifactsDir, `console-dead-letters-${name}.png`);
const zh = appZhCN;

/**
 * An administrator works a dead letter in Chromium: inspection's penalty decision reached
 * registration while the license it names was missing from the register, so registration refused
 * it; once the license is back, the administrator finds the letter on the Dead letters screen,
 * reads its payload, redrives it, and the license is suspended.
 */
describe('the console’s dead letters screen in Chromium', () => {
  let close: () => Promise<void>;
  let platform: RunningPlatform;
  let browser: Awaited<ReturnType<typeof startBrowserPlatform>>['browser'];
  let db: Client;
  let license: { id: string; status: string };
  const decisionNumber = '西教罚〔2026〕77号';

  const licenseStatus = async () => {
    const res = await fetch(`${platform.url}/api/registration/licenses/${license.id}`, {
      headers: { authorization: `Bearer ${await signInAs(platform.url, 'operator.demo')}` },
    });
    return ((await res.json()) as { status: string }).status;
  };

  beforeAll(async () => {
    ({ platform, browser, close } = await startBrowserPlatform('console', DATABASE, { seed: 4 }));
    // The platform's own database (startBrowserPlatform names it with this prefix), to play the cause.
    const admin = new Client({ connectionString: testEnv.adminDatabaseUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY oid DESC LIMIT 1`,
      [`${DATABASE}_%`],
    );
    await admin.end();
    const url = new URL(testEnv.adminDatabaseUrl);
    url.pathname = `/${rows[0].datname}`;
    db = new Client({ connectionString: url.toString() });
    await db.connect();

    const res = await fetch(`${platform.url}/api/registration/licenses`, {
      headers: { authorization: `Bearer ${await signInAs(platform.url, 'operator.demo')}` },
    });
    license = ((await res.json()) as { items: { id: string; status: string }[] }).items[0];
    expect(license.status).toBe('active');

    // The cause: the license is missing from registration's register when the decision arrives.
    await db.query(`CREATE TABLE public.held_license AS SELECT * FROM registration.license WHERE id = $1`, [
      license.id,
    ]);
    await db.query(`DELETE FROM registration.license WHERE id = $1`, [license.id]);
    const decided = createEvent(PenaltyDecided, {
      aggregateId: 'p-browser-dl',
      institutionId: crypto.randomUUID(),
      actor: { userId: 'head.enforcement', role: 'approver' },
      correlationId: 'browser-dead-letter',
      payload: {
        penaltyId: 'p-browser-dl',
        decisionNumber,
        licenseId: license.id,
        subjectName: '演示机构',
        penaltyType: 'stop-enrolling',
        legalBasis: '教育部令第53号 第十九条',
        licenseAction: 'stop-enrolling',
        reasons: '超标准收费',
        decidedOn: '2026-11-23',
      },
    });
    await platform.transport.publish(Topics.inspection, [
      { key: license.id, value: JSON.stringify(decided) },
    ]);
    await eventually(async () => {
      const n = await db.query(`SELECT count(*) FROM registration.dead_letter`);
      return Number(n.rows[0].count) === 1 ? true : undefined;
    }, 10_000);
    // Fixed: the license is back in the register.
    await db.query(`INSERT INTO registration.license SELECT * FROM public.held_license`);
  });
  afterAll(async () => {
    await db?.end();
    await close?.();
  });

  it('shows the refused event with its error and payload, and redrives it once', async () => {
    const page = await browser.newPage();
    await signInToConsole(page, platform.url, 'admin');
    await page.getByRole('menuitem', { name: zh.resources['dead-letters'].name }).click();
    const row = page.getByTestId('dead-letter-row');
    await row.waitFor();
    expect(await row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('registration.inspection-decisions');
    expect(text).toContain(PenaltyDecided.type);
    expect(text).toContain('LicenseNotFound');
    expect(text).toContain(zh.otr.deadLetters.outcomes.open);

    await row.getByRole('button', { name: zh.otr.deadLetters.details }).click();
    await page.getByTestId('dead-letter-payload').waitFor();
    expect(await page.getByTestId('dead-letter-payload').innerText()).toContain(decisionNumber);
    await page.screenshot({ path: shot('open') });

    await row.getByRole('button', { name: zh.otr.deadLetters.redrive, exact: true }).click();
    // Open only: the applied letter leaves the list.
    await waitForText(page, zh.otr.deadLetters.empty);
    expect(await licenseStatus()).toBe('suspended');

    await page.getByLabel(zh.otr.deadLetters.openOnly).uncheck();
    await page.getByTestId('dead-letter-row').waitFor();
    expect(await page.getByTestId('dead-letter-outcome').innerText()).toBe(
      zh.otr.deadLetters.outcomes.applied,
    );

    // Redriving all shown again: a duplicate, the license's history unchanged.
    const before = await db.query(`SELECT version FROM registration.license WHERE id = $1`, [license.id]);
    await page.getByTestId('dead-letter-redrive-shown').click();
    await waitForText(page, zh.otr.deadLetters.outcomes.duplicate);
    expect(
      (await db.query(`SELECT version FROM registration.license WHERE id = $1`, [license.id])).rows,
    ).toEqual(before.rows);
    await page.screenshot({ path: shot('redriven') });
  });
});
