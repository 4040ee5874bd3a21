import { expect, test } from '@playwright/test';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

const officer = DEMO_USERS.officer;

test('the API answers on the same origin', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.ok()).toBe(true);
  expect(await response.json()).toMatchObject({ ok: true, database: 'sqlite' });
});

test.describe('the app shell, signed in as an officer', () => {
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).signInAs(officer.username);
    await expect(new ShellPage(page).heading).toHaveText('Daftar tindak lanjut');
  });

  test('keeps the side bar in view below the header on a laptop while a long list scrolls', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const nav = page.getByRole('navigation');
    const headerBottom = await page.getByRole('banner').evaluate((header) => header.getBoundingClientRect().bottom);
    // Scrolled once the list is long enough (the whole worklist follows its first rows).
    await expect.poll(() => page.evaluate(() => (window.scrollTo(0, 2000), window.scrollY)), { timeout: 60_000 }).toBeGreaterThan(1000);
    expect(await nav.evaluate((element) => Math.round(element.getBoundingClientRect().top))).toBe(Math.round(headerBottom));
    await expect(nav.getByRole('link', { name: 'Alumni' })).toBeInViewport();
  });

  test('leaves an answer link to the server, though the installed app controls the page', async ({ page }) => {
    await new ShellPage(page).waitForServiceWorker();
    const response = await page.goto('/r/this-token-was-never-made');
    // From the server, not the service worker's cached shell: the 404 page of the link.
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Tautan tidak dikenal' })).toBeVisible();
  });

  test('opens with no network after one visit, in Indonesian and then in English', async ({
    page,
    context,
  }) => {
    const shell = new ShellPage(page);
    expect(await shell.htmlLang()).toBe('id');
    await shell.waitForServiceWorker();

    await context.setOffline(true);
    await page.reload();
    await expect(shell.heading).toHaveText('Daftar tindak lanjut');
    await expect(shell.network('Luring')).toBeVisible();
    expect(await shell.htmlLang()).toBe('id');

    await shell.openUserMenu(officer.displayName);
    await shell.languageSwitch('Bahasa').selectOption({ label: 'English' });
    await expect(shell.languageSwitch('Language')).toBeVisible();
    await expect(shell.heading).toHaveText('Follow-up worklist');
    expect(await shell.htmlLang()).toBe('en');

    await page.reload();
    await expect(shell.network('Offline')).toBeVisible();
    await expect(shell.heading).toHaveText('Follow-up worklist');
    await shell.openUserMenu(officer.displayName);
    await expect(shell.languageSwitch('Language')).toBeVisible();

    // A deep link opens offline too (the service worker falls back to the shell).
    await page.goto('/alumni');
    await expect(shell.heading).toHaveText('Alumni');

    await context.setOffline(false);
    await expect(shell.network('Online')).toBeVisible();
  });

  test('the navigation reaches every screen of the role on a phone', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.navLink('Alumni').click();
    await expect(page).toHaveURL(/\/alumni$/);
    await expect(shell.heading).toHaveText('Alumni');
    await expect(shell.navLink('Alumni')).toHaveAttribute('aria-current', 'page');

    await shell.navLink('Tugas').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(shell.heading).toHaveText('Daftar tindak lanjut');
    // An officer's navigation offers only the officer's screens.
    await expect(page.getByRole('navigation').getByRole('link')).toHaveCount(2);
  });
});
