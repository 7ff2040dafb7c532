import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

export const artifactsDir = join(__dirname, '..', '..', '..', 'test-artifacts');

/** Debian's Chromium, headless, with a fresh profile and none of its background network traffic. */
export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'otr-chromium-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
