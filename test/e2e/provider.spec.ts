import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import type { CohortDetailResponse, CohortListResponse } from '../../src/shared/api/cohorts.api';
import { ImportPage, writeParticipantWorkbook, type ParticipantRow } from './pages/import.page';
import { DEMO_PASSWORD, DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

/** A signed-in API client beside the browser, for another user. */
async function apiAs(browser: Browser, baseURL: string, username: string): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL });
  const login = await context.request.post('/api/auth/login', { headers: { Origin: baseURL }, data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  return context.request;
}

async function cohortsOf(request: APIRequestContext): Promise<CohortListResponse['cohorts']> {
  const response = await request.get('/api/cohorts?limit=100');
  expect(response.status()).toBe(200);
  return ((await response.json()) as CohortListResponse).cohorts;
}

/**
 * `count` valid participants with NIKs no demo alumnus has (province 91, a district
 * unique to this attempt, so a retry never finds its first attempt's people).
 */
function participants(count: number, mark: string): ParticipantRow[] {
  const district = String(10 + Math.floor(Math.random() * 90));
  return Array.from({ length: count }, (_, index) => {
    const serial = String(index + 1).padStart(4, '0');
    const woman = index % 2 === 1;
    return {
      nik: `9171${district}${woman ? '57' : '17'}0801${serial}`,
      name: `Peserta ${mark} ${serial}`,
      gender: woman ? 'P' : 'L',
      // Half as Excel date cells, half as text the way clerks type them.
      birthDate: index % 2 === 0 ? new Date(Date.UTC(2001, 7, 17)) : '17/08/2001',
      phone: `0812${String(7_000_000 + index).padStart(8, '0')}`,
      education: index % 3 === 0 ? 'SMK' : 'SMA',
    };
  });
}

test('a provider clerk imports 300 participants offline, fixes a row, syncs; the supervisor sees them, another LPK does not', async ({ page, context, browser, baseURL }) => {
  test.setTimeout(180_000);
  const shell = new ShellPage(page);
  const importPage = new ImportPage(page);
  const mark = Date.now().toString(36);

  await new LoginPage(page).signInAs(DEMO_USERS.providerStaff.username);
  await shell.waitForServiceWorker();
  await shell.waitForSync();
  const [cohort] = await cohortsOf(page.request);
  if (cohort === undefined) throw new Error('the demo data set gives lpk.barber cohorts');

  // Sheet rows: title 1, header 2, participants from 3. Four are wrong.
  const rows = participants(300, mark);
  const good = (index: number) => rows[index] as ParticipantRow;
  const fixedNik = good(7).nik;
  rows[7] = { ...good(7), nik: fixedNik.slice(0, 12) }; // row 10: a NIK of 12 digits
  rows[17] = { ...good(17), birthDate: '31/02/2001' }; // row 20: no such day
  rows[37] = { ...good(37), nik: good(27).nik }; // rows 30 and 40: the same NIK
  const workbook = await writeParticipantWorkbook(rows);

  await context.setOffline(true);
  await expect(shell.network('Luring')).toBeVisible();
  await importPage.open(cohort.id);
  await importPage.chooseFile(workbook);
  await expect(importPage.previewStatus).toHaveText('296 baris siap diimpor, 4 baris bermasalah.', { timeout: 30_000 });
  await expect(importPage.row(10)).toContainText('NIK harus tepat 16 angka.');
  await expect(importPage.row(20)).toContainText('Tanggal ini tidak ada di kalender.');
  await expect(importPage.row(30)).toContainText('NIK yang sama ada di baris 40.');
  await expect(importPage.row(40)).toContainText('NIK yang sama ada di baris 30.');

  await importPage.fixCell(10, 'NIK', fixedNik);
  await expect(importPage.row(10)).toContainText('Siap diimpor');
  await expect(importPage.previewStatus).toHaveText('297 baris siap diimpor, 3 baris bermasalah.');
  await importPage.importButton(297).click();
  await expect(importPage.doneStatus).toHaveText('297 peserta diimpor, 3 baris tidak diimpor.', { timeout: 60_000 });

  // The rows left out come as a file with the same columns and the reason.
  const [download] = await Promise.all([page.waitForEvent('download'), importPage.downloadLink(3).click()]);
  expect(download.suggestedFilename()).toBe('peserta-tidak-diimpor.csv');
  const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
  // The file's own row number leads, so the clerk finds each row in the original sheet.
  expect(lines[0]).toBe('Baris;No;NIK;Nama Lengkap;JK;Tgl Lahir;No HP;Pendidikan;Kesalahan');
  expect(lines.slice(1).map((line) => line.split(';').slice(0, 2))).toEqual([['20', '18'], ['30', '28'], ['40', '38']]);
  expect(lines[1]).toContain('Tanggal lahir: tanggal ini tidak ada di kalender');
  await shell.expectWaiting(297);

  await context.setOffline(false);
  await shell.expectWaiting(0, { timeout: 90_000 });

  // The supervisor reads the cohort from the server: the 297 new participants are in it.
  const supervisor = await apiAs(browser, String(baseURL), DEMO_USERS.supervisor.username);
  const detail = await supervisor.get(`/api/cohorts/${cohort.id}`);
  expect(detail.status()).toBe(200);
  const { enrollments } = (await detail.json()) as CohortDetailResponse;
  const imported = enrollments.filter((enrollment) => enrollment.alumnusName.startsWith(`Peserta ${mark} `));
  expect(imported).toHaveLength(297);
  expect(imported.map((enrollment) => enrollment.alumnusName)).toContain(`Peserta ${mark} 0008`);

  // And on the supervisor's own screen: the cohort page, after their device's first sync.
  const supervisorContext = await browser.newContext();
  try {
    const supervisorPage = await supervisorContext.newPage();
    await new LoginPage(supervisorPage).signInAs(DEMO_USERS.supervisor.username);
    await new ShellPage(supervisorPage).waitForSync();
    await supervisorPage.goto(`/cohorts/${cohort.id}`);
    await expect(supervisorPage.getByRole('heading', { level: 1 })).toHaveText(cohort.title, { timeout: 30_000 });
    await expect(supervisorPage.getByRole('main').getByText(`Peserta ${mark} 0008`, { exact: true })).toBeVisible();
  } finally {
    await supervisorContext.close();
  }

  // Another LPK's clerk can neither open the cohort nor find it in their list.
  const otherLpk = await apiAs(browser, String(baseURL), 'lpk.mandiri');
  expect([403, 404]).toContain((await otherLpk.get(`/api/cohorts/${cohort.id}`)).status());
  expect((await cohortsOf(otherLpk)).map((each) => each.id)).not.toContain(cohort.id);
});

test('5,000 rows import offline in under 20 s without freezing the page (figures printed)', async ({ page, context }) => {
  test.setTimeout(240_000);
  const shell = new ShellPage(page);
  const importPage = new ImportPage(page);
  await new LoginPage(page).signInAs(DEMO_USERS.providerStaff.username);
  await shell.waitForServiceWorker();
  await shell.waitForSync();
  const cohorts = await cohortsOf(page.request);
  const cohort = cohorts[1] ?? cohorts[0];
  if (cohort === undefined) throw new Error('the demo data set gives lpk.barber cohorts');
  const workbook = await writeParticipantWorkbook(participants(5000, Date.now().toString(36)), 'besar.xlsx');

  await context.setOffline(true);
  await importPage.open(cohort.id);
  // Long tasks (over 50 ms on the main thread) are what a frozen page is made of.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = seen;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => seen.push(entry.duration))).observe({ type: 'longtask' });
  });
  const chosen = Date.now();
  await importPage.chooseFile(workbook);
  await expect(importPage.previewStatus).toHaveText('Semua 5.000 baris siap diimpor.', { timeout: 60_000 });
  const checked = Date.now();
  const readingTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
  await importPage.importButton(5000).click();
  await expect(page.getByText(/^Mengimpor [\d.]+ dari 5\.000 peserta…$/)).toBeVisible();
  await expect(importPage.doneStatus).toHaveText('Semua 5.000 peserta diimpor. Mereka dikirim ke server saat sinkron.', { timeout: 180_000 });
  const imported = Date.now();
  const importTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const longest = (tasks: number[]) => Math.round(Math.max(0, ...tasks));
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  console.info(
    `import figures: rows 5000, total ${seconds(imported - chosen)} s (read and checked ${seconds(checked - chosen)} s, saved ${seconds(imported - checked)} s), ` +
      `longest main-thread task ${longest([...readingTasks, ...importTasks])} ms ` +
      `(reading ${longest(readingTasks)} ms, saving ${longest(importTasks)} ms; ${readingTasks.length + importTasks.length} tasks over 50 ms)`,
  );
  await shell.expectWaiting(5000);
});
