import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** The e2e tests' Chromium (playwright.config.ts): Debian's, headless, a phone's viewport. */
export async function launchPhone(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(dir, 'profile-')), {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2.75,
    isMobile: true,
    hasTouch: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Signs in through the login screen (test/e2e/pages/login.page.ts) and resolves once it
 * has gone, with the wall-clock time (ms) just before "Masuk" was pressed.
 */
export async function signIn(page: Page, origin: string, username: string, password: string): Promise<number> {
  await page.goto(`${origin}/login`);
  await page.getByLabel('Nama pengguna', { exact: true }).fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  const pressed = Date.now();
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  return pressed;
}

/** The signed-in user, as the server knows them. */
export async function currentUser(page: Page, origin: string): Promise<{ id: string; providerId: string | null }> {
  const response = await page.request.get(`${origin}/api/auth/me`);
  const body = (await response.json()) as { user: { id: string; providerId: string | null } };
  return body.user;
}
