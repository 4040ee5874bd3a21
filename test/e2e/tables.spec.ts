import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

/**
 * The wide tables (the report by provider, a cohort's participants) at a laptop's and a
 * desktop's width: the columns that matter in view beside the first, the first column
 * held while the table scrolls sideways; at 360 px one card per row, nothing to scroll.
 */
const DESKTOPS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

/** Whether the cell's box lies horizontally within its scrolling region's box. */
async function inRegionView(cell: Locator): Promise<boolean> {
  return cell.evaluate((element) => {
    const region = element.closest('[role="region"]');
    if (region === null) return false;
    const box = element.getBoundingClientRect();
    const frame = region.getBoundingClientRect();
    return box.left >= frame.left - 1 && box.right <= frame.right + 1 && box.right <= window.innerWidth;
  });
}

/** Scrolls the table's region to its right end; resolves to how far the first cell of the row moved. */
async function firstColumnShift(region: Locator): Promise<number> {
  const firstCell = region.locator('tbody tr').first().locator('th, td').first();
  const before = await firstCell.evaluate((cell) => cell.getBoundingClientRect().left);
  await region.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  const after = await firstCell.evaluate((cell) => cell.getBoundingClientRect().left);
  return Math.abs(after - before);
}

async function openReportByProvider(page: Page) {
  await page.goto('/reports');
  await page.getByLabel('Kelompokkan menurut', { exact: true }).selectOption({ label: 'Lembaga pelatihan' });
  await expect(page.getByRole('rowheader', { name: 'LPK Ayu Kencana', exact: true })).toBeVisible({ timeout: 60_000 });
}

async function openFirstCohort(page: Page) {
  await page.goto('/cohorts');
  // A demo cohort, which has participants: other specs on the shared server add empty ones.
  const first = page.locator('.cohorts__list > li a[href^="/cohorts/"]').filter({ hasText: /^Pelatihan .* Tahun 2024$/ }).first();
  await first.click();
  await expect(page.getByRole('heading', { level: 2, name: /^Peserta/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('table').first().getByRole('row').nth(1)).toBeVisible();
}

for (const size of DESKTOPS) {
  test(`tables at ${size.width} px lead with what matters and keep their first column`, async ({ page }) => {
    await page.setViewportSize(size);
    await new LoginPage(page).signInAs(DEMO_USERS.supervisor.username);
    await new ShellPage(page).waitForSync();

    await openReportByProvider(page);
    const report = page.getByRole('region', { name: /^Angka per lembaga pelatihan, per / });
    for (const column of ['Lembaga pelatihan', 'Berhasil dihubungi', 'Tingkat penyerapan', 'Lulus']) {
      expect(await inRegionView(report.getByRole('columnheader', { name: column, exact: true })), `${column} in view`).toBe(true);
    }
    // A provider's name on two lines at most (about 21 px a line at 14 px).
    const nameHeight = await report.getByRole('rowheader', { name: 'UPT Pelatihan Kerja Disnaker Kota Bontang' }).evaluate((cell) => cell.getBoundingClientRect().height);
    expect(nameHeight).toBeLessThanOrEqual(60);
    const scrolls = await report.evaluate((element) => element.scrollWidth > element.clientWidth);
    if (scrolls) {
      // Told, not guessed: a hint above and the first column staying put.
      await expect(page.getByText('Geser → untuk kolom lainnya').first()).toBeVisible();
      expect(await firstColumnShift(report)).toBeLessThanOrEqual(1);
    }

    await openFirstCohort(page);
    const participants = page.getByRole('region', { name: /^Peserta/ }).filter({ has: page.getByRole('table') }).last();
    for (const column of ['Nama', 'Status terakhir']) {
      expect(await inRegionView(participants.getByRole('columnheader', { name: column, exact: true })), `${column} in view`).toBe(true);
    }
    if (await participants.evaluate((element) => element.scrollWidth > element.clientWidth)) {
      expect(await firstColumnShift(participants)).toBeLessThanOrEqual(1);
    }
    // The screen's width is the tables': not capped at 60rem.
    const regionWidth = await participants.evaluate((element) => element.getBoundingClientRect().width);
    expect(regionWidth).toBeGreaterThan(960);
  });
}

test('tables turn into cards on a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await new LoginPage(page).signInAs(DEMO_USERS.supervisor.username);
  await new ShellPage(page).waitForSync();

  await openReportByProvider(page);
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'LPK Ayu Kencana', exact: true }) });
  // Each value under its label, the card as wide as the screen allows: nothing to swipe.
  expect(await row.evaluate((element) => getComputedStyle(element).display)).toBe('block');
  const rate = row.locator('td[data-label="Tingkat penyerapan"]');
  await rate.scrollIntoViewIfNeeded();
  const rateBox = await rate.boundingBox();
  expect((rateBox?.x ?? 0) + (rateBox?.width ?? Infinity)).toBeLessThanOrEqual(360);
  expect(await rate.evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Tingkat penyerapan"');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const rowBox = await row.boundingBox();
  expect(rowBox?.width ?? 0).toBeLessThanOrEqual(360);

  await openFirstCohort(page);
  const card = page.getByRole('table').first().locator('tbody tr').first();
  expect(await card.evaluate((element) => getComputedStyle(element).display)).toBe('block');
  await expect(card.locator('td[data-label="Status terakhir"]')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
