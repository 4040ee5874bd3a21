import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { ReportsPage } from './pages/reports.page';
import { ShellPage } from './pages/shell.page';

const supervisor = DEMO_USERS.supervisor;

// A supervisor works at a desktop.
test.use({ viewport: { width: 1000, height: 800 }, isMobile: false, hasTouch: false });

/** The README's picture of the dashboard, taken only on request so that a test run never rewrites it. */
async function saveDashboardScreenshot(page: Page, reports: ReportsPage) {
  // Headless Chromium refuses persistent storage; the notice saying so would cover the figures.
  const notice = page.getByRole('main').getByRole('status').filter({ hasText: 'Browser tidak menjamin' });
  if (await notice.isVisible()) await notice.getByRole('button', { name: 'Mengerti' }).click();
  await expect(notice).toHaveCount(0);
  // At a laptop's width, where the table's figures that matter are all in view.
  await page.setViewportSize({ width: 1280, height: 800 });
  // From the top to the end of the press summary: controls, figures, chart, table, summary.
  const summary = await reports.summaryActions.boundingBox();
  if (summary === null) throw new Error('the press summary is not on the page');
  await page.screenshot({ path: 'docs/supervisor-dashboard.png', scale: 'css', fullPage: true, clip: { x: 0, y: 0, width: 1280, height: summary.y + summary.height + 16 } });
}

test('a supervisor reads the office’s figures as of the August update, downloads the Excel file, and still sees them offline', async ({ page, context }) => {
  const reports = new ReportsPage(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signInAs(supervisor.username);

  // The supervisor's home is the dashboard, as of today, by budget year. The specs share
  // one demo database and run in file-name order: this file's name puts it first, before
  // cohorts.spec.ts and provider.spec.ts change the demo's 2024 cohorts (a graduation, a
  // new 2024 class, imports); the officer's contacts are dated today, after 2024.
  await expect(page).toHaveURL(/\/reports$/);
  await expect(reports.heading).toHaveText('Laporan');
  await expect(reports.figure('Dilatih')).toHaveText(/^\d{1,3}(\.\d{3})*$/, { timeout: 30_000 });
  await reports.asOf.fill('2024-12-31');
  await reports.expectFiguresFor('31 Desember 2024');
  await expect(reports.figure('Dilatih')).toHaveText('1.352');
  await expect(page.getByText(/Server tidak terjangkau/)).toHaveCount(0);
  // The summary names the budget year from the device's cohorts: the first pull brings them.
  await shell.waitForSync();
  // 1,370 trainings by 1,352 people: 18 trained under both budgets.
  await reports.groupBy.selectOption('funding-source');
  await expect(await reports.cell('APBD murni', 'Dilatih')).toHaveText('748');
  await expect(await reports.cell('APBD perubahan', 'Dilatih')).toHaveText('622');
  await expect(reports.summary).toContainText('Sepanjang 2024, Disnaker melatih 1.352 orang: 748 dari APBD murni dan 622 dari APBD perubahan.');

  await reports.asOf.fill('2024-08-31');
  await reports.expectFiguresFor('31 Agustus 2024');
  await expect(await reports.cell('APBD murni', 'Bekerja')).toHaveText('53');
  await expect(await reports.cell('APBD murni', 'Berwirausaha')).toHaveText('36');
  await expect(reports.figure('Dilatih')).toHaveText('748');
  await expect(reports.chart).toBeVisible();
  await expect(reports.summary).toContainText('dari lulusan APBD murni 53 orang telah bekerja dan 36 orang membuka usaha');
  if (process.env.JEJAK_SCREENSHOT) await saveDashboardScreenshot(page, reports);

  const [download] = await Promise.all([page.waitForEvent('download'), reports.downloadButton('Alumni', 'XLSX').click()]);
  expect(download.suggestedFilename()).toMatch(/^jejak-alumni.*2024-08-31\.xlsx$/);
  const file = await readFile(await download.path());
  // An XLSX file is a ZIP archive.
  expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByRole('status').filter({ hasText: /tersimpan/ })).toContainText(download.suggestedFilename());

  // Offline the same figures come from the device, said so; exports wait for the server.
  await context.setOffline(true);
  await expect(page.getByText(/^Server tidak terjangkau — angka dihitung dari data di perangkat ini, sinkron terakhir /)).toBeVisible();
  await expect(await reports.cell('APBD murni', 'Bekerja')).toHaveText('53');
  await expect(await reports.cell('APBD murni', 'Berwirausaha')).toHaveText('36');
  await expect(reports.downloadButton('Alumni', 'XLSX')).toBeDisabled();
  await context.setOffline(false);
  await expect(page.getByText(/^Server tidak terjangkau/)).toHaveCount(0);
});
