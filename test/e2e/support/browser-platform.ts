import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext } from 'playwright-core';
import { RunningPlatform, startPlatform } from '@otr/platform';
import { createTestDatabase, launchChromium } from '@otr/testing';

export const PHONE_VIEWPORT = { width: 390, height: 844 };

export interface BrowserPlatform {
  platform: RunningPlatform;
  browser: BrowserContext;
  /** Closes the browser, stops the platform and drops its database, in that order. */
  close(): Promise<void>;
}

/**
 * One test file's world: the embedded platform with `seed` demo institutions on a fresh database,
 * and Chromium (desktop, or a phone viewport). The app's build must exist: the platform serves it.
 */
export async function startBrowserPlatform(
  app: 'console' | 'portal',
  database: string,
  opts: { seed: number; viewport?: { width: number; height: number } },
): Promise<BrowserPlatform> {
  if (!existsSync(join(__dirname, '..', '..', '..', 'apps', app, 'dist', 'index.html')))
    throw new Error(`build the ${app} first: npx vite build --config apps/${app}/vite.config.ts`);
  // One client signs in as several demo users within a minute.
  if (app === 'console') process.env.LOGIN_RATE_LIMIT = '1000';
  const db = await createTestDatabase(database);
  const platform = await startPlatform({
    databaseUrl: db.url,
    port: 20_000 + Math.floor(Math.random() * 20_000),
    seed: opts.seed,
  });
  const browser = await launchChromium(opts.viewport);
  return {
    platform,
    browser,
    // Each step runs even when the one before it fails, so one failed file leaves nothing to the next.
    close: async () => {
      try {
        await browser.close();
      } finally {
        try {
          await platform.stop();
        } finally {
          await db.drop();
        }
      }
    },
  };
}
