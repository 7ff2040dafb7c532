// The README's first command, checked as a newcomer would: on a running `npm start`, the public
// search and the API documentation answer, and Chromium shows the console's sign-in (then signs in)
// and the portal's search with results. Usage: node -r @swc-node/register test/first-command/probe.ts URL
import { join } from 'node:path';
import { messages } from '../../apps/portal/src/i18n';
import { artifactsDir, launchChromium } from '@otr/testing';
import { signInToConsole } from '../e2e/support/pages';

const base = process.argv[2] ?? 'http://localhost:3000';
const zh = messages['zh-CN'];

async function answers(path: string): Promise<Response> {
  const res = await fetch(`${base}${path}`);
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return res;
}

async function main() {
  const search = (await (
    await answers(`/api/public/institutions?q=${encodeURIComponent('美术')}`)
  ).json()) as {
    items: { name: string }[];
  };
  if (!search.items.length) throw new Error('the public search for 美术 found no demo institution');
  await answers('/api/docs');

  const browser = await launchChromium();
  try {
    const consolePage = await browser.newPage();
    await signInToConsole(consolePage, base, 'approver.xihu');
    // The dashboard, filled: its greeting, and no panel still loading (the screenshot was blank before).
    await consolePage.getByText('您好，').first().waitFor({ timeout: 30_000 });
    await consolePage.waitForFunction(() => !document.querySelector('.MuiCircularProgress-root'), undefined, {
      timeout: 30_000,
    });
    await consolePage.screenshot({ path: join(artifactsDir, 'first-command-console.png') });

    const portal = await browser.newPage();
    await portal.goto(`${base}/`);
    await portal.getByLabel(zh.query).fill('美术');
    await portal.getByRole('button', { name: zh.search, exact: true }).click();
    await portal.getByRole('link', { name: search.items[0].name }).first().waitFor({ timeout: 20_000 });
    await portal.screenshot({ path: join(artifactsDir, 'first-command-portal.png') });
  } finally {
    await browser.close();
  }
  console.log(
    `first command: console, portal, search (${search.items.length} results for 美术) and docs answer on ${base}`,
  );
}

main().catch((error) => {
  console.error(`first command: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
