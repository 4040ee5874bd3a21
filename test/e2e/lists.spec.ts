import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

/**
 * The long lists of supervisors and admins: the supervisor's cohorts (about 76 in the
 * demo) and the admin's users, with search, filters and pages, at phone, laptop and
 * desktop widths.
 */
const WIDTHS = [360, 1280, 1440] as const;

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const width of WIDTHS) {
  test(`a supervisor searches, filters and pages the cohorts at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await new LoginPage(page).signInAs(DEMO_USERS.supervisor.username);
    await new ShellPage(page).waitForSync();
    await page.goto('/cohorts');
    const cards = page.locator('.cohorts__list > li');
    const range = page.getByRole('navigation', { name: 'Halaman daftar' }).getByRole('status');

    // One page of 20, not every cohort at once.
    await expect(range).toHaveText(/^1–20 dari \d+$/);
    await expect(cards).toHaveCount(20);
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await expect(range).toHaveText(/^21–40 dari \d+$/);

    // Search goes back to the first page and finds the barber LPK's class.
    await page.getByLabel('Cari', { exact: true }).fill('barber');
    await expect(cards.first()).toContainText('Barbershop');
    for (const card of await cards.all()) await expect(card).toContainText(/barber/i);
    await page.getByLabel('Sumber dana', { exact: true }).selectOption({ label: 'APBD murni' });
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText('LPK Barber Nusantara Bontang');

    await page.getByRole('button', { name: 'Hapus pencarian dan filter' }).click();
    await page.getByLabel('Lembaga pelatihan', { exact: true }).selectOption({ label: 'LPK Global English Bontang' });
    await page.getByLabel('Tahun anggaran', { exact: true }).selectOption('2024');
    for (const card of await cards.all()) await expect(card).toContainText('LPK Global English Bontang');
    await page.getByLabel('Kejuruan', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Cari', { exact: true }).fill('tidak ada angkatan seperti ini');
    await expect(page.getByText('Tidak ada yang cocok dengan pencarian dan filter ini.')).toBeVisible();
    await expectNoSidewaysScroll(page);
  });

  test(`an admin searches the users and filters them by role at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await new LoginPage(page).signInAs(DEMO_USERS.admin.username);
    const users = page.getByRole('region', { name: 'Pengguna' }).locator('ul.cards > li');
    await expect(users.first()).toBeVisible({ timeout: 30_000 });

    await page.getByLabel('Peran', { exact: true }).selectOption({ label: 'Petugas lapangan' });
    // Other specs may add officers to the same database; the demo has four.
    await expect.poll(async () => users.count()).toBeGreaterThanOrEqual(4);
    for (const card of await users.all()) await expect(card).toContainText('Petugas lapangan');
    await page.getByLabel('Cari', { exact: true }).fill('andi');
    await expect(users).toHaveCount(1);
    await expect(users.first()).toContainText(DEMO_USERS.officer.displayName);
    await page.getByLabel('Peran', { exact: true }).selectOption({ label: 'Semua peran' });
    await page.getByLabel('Cari', { exact: true }).fill('nusantara');
    await expect(users).toHaveCount(1);
    await expect(users.first()).toContainText(DEMO_USERS.providerStaff.displayName);
    await expectNoSidewaysScroll(page);
  });
}
