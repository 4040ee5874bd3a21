import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { FollowUp } from '../../src/shared/schema/follow-up.schema';
import { AlumnusPage } from './pages/alumnus.page';
import { FollowUpPage } from './pages/follow-up.page';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { SearchPage } from './pages/search.page';
import { ShellPage } from './pages/shell.page';
import { WorklistPage, type ListedAlumnus } from './pages/worklist.page';

const officer = DEMO_USERS.officer;

/** The follow-ups the server holds for one alumnus, as the signed-in user may read them. */
async function followUpsOnServer(request: APIRequestContext, alumnusId: string): Promise<FollowUp[]> {
  const response = await request.get(`/api/follow-ups?alumnusId=${alumnusId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { followUps: FollowUp[] }).followUps;
}

/** Part of the name as an officer types it: the start of its first and last words. */
function partOfName(name: string): string {
  const words = name.split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  const first = words[0] ?? name;
  const last = words.at(-1) ?? name;
  return words.length > 1 ? `${first.slice(0, 4)} ${last.slice(0, 4)}` : first.slice(0, 5);
}

/** The README's picture of the worklist, taken only on request so that a test run never rewrites it. */
async function saveWorklistScreenshot(page: Page) {
  // Headless Chromium refuses persistent storage; the notice saying so would hide the rows.
  const notice = page.getByRole('main').getByRole('status').filter({ hasText: 'Browser tidak menjamin' });
  if (await notice.isVisible()) await notice.getByRole('button', { name: 'Mengerti' }).click();
  await expect(notice).toHaveCount(0);
  await page.screenshot({ path: 'docs/officer-worklist.png', scale: 'css' });
}

test('an officer’s day offline: find someone, log two contacts, reload, sync, and a supervisor sees them', async ({ page, context, browser }) => {
  const shell = new ShellPage(page);
  const worklist = new WorklistPage(page);
  const search = new SearchPage(page);
  const alumnusPage = new AlumnusPage(page);
  const followUpPage = new FollowUpPage(page);
  // Unique per attempt, so a retry in CI never mistakes the first attempt's contacts for its own.
  const mark = Date.now().toString(36);
  const employer = `Bengkel Las Sinar Kaltim ${mark}`;
  const note = `Nomor tidak aktif ${mark}`;

  await new LoginPage(page).signInAs(officer.username);
  await shell.waitForServiceWorker();
  await shell.waitForSync();
  await worklist.expectOverdueRows();
  if (process.env.JEJAK_SCREENSHOT) await saveWorklistScreenshot(page);
  const alumnus: ListedAlumnus = await worklist.alumnusOf(worklist.rows(worklist.group('Terlambat')).first());

  await context.setOffline(true);
  await expect(shell.network('Luring')).toBeVisible();

  await shell.navLink('Alumni').click();
  await search.search(partOfName(alumnus.name));
  await search.result(alumnus).click();
  await expect(alumnusPage.heading).toHaveText(alumnus.name);

  await alumnusPage.logContact();
  await followUpPage.logEmployed(alumnus.name, { channel: 'Kunjungan', employer, jobTitle: 'Juru las' });
  await expect(page).toHaveURL(new RegExp(`/alumni/${alumnus.id}$`));
  await expect(alumnusPage.timelineEntry(employer)).toContainText('Bekerja');

  await alumnusPage.logContact();
  await page.getByLabel('Catatan', { exact: true }).fill(note);
  await followUpPage.logNotReached(alumnus.name, { channel: 'Telepon', reason: 'Nomor salah' });
  await expect(alumnusPage.timelineEntry(note)).toContainText('Tidak terhubung: nomor salah');
  await expect(alumnusPage.timelineEntry(employer)).toBeVisible();
  await shell.expectWaiting(2);

  // The app from the service worker, both contacts and the queue from IndexedDB.
  await page.reload();
  await expect(alumnusPage.heading).toHaveText(alumnus.name);
  await expect(alumnusPage.timelineEntry(employer)).toHaveCount(1);
  await expect(alumnusPage.timelineEntry(note)).toHaveCount(1);
  await shell.expectWaiting(2);
  const sentEarly = await followUpsOnServer(page.request, alumnus.id);
  expect(sentEarly.filter((f) => f.employer === employer || f.notes === note)).toEqual([]);

  await context.setOffline(false);
  await shell.expectWaiting(0, { timeout: 30_000 });
  const onServer = await followUpsOnServer(page.request, alumnus.id);
  expect(onServer.filter((f) => f.employer === employer)).toMatchObject([
    { reached: true, status: 'employed', channel: 'visit', jobTitle: 'Juru las', voidedAt: null },
  ]);
  expect(onServer.filter((f) => f.notes === note)).toMatchObject([
    { reached: false, unreachedReason: 'wrong-number', channel: 'phone', status: null, voidedAt: null },
  ]);

  // A supervisor's own device and session see the new contacts. The absorption figures
  // themselves come with the reports screen (a later issue).
  const supervisorContext = await browser.newContext();
  try {
    const supervisorPage = await supervisorContext.newPage();
    await new LoginPage(supervisorPage).signInAs(DEMO_USERS.supervisor.username);
    const supervisorView = new AlumnusPage(supervisorPage);
    await supervisorView.open(alumnus);
    await expect(supervisorView.timelineEntry(employer)).toContainText('Bekerja');
    await expect(supervisorView.timelineEntry(note)).toContainText('Tidak terhubung: nomor salah');
    const seen = await followUpsOnServer(supervisorPage.request, alumnus.id);
    expect(seen.filter((f) => f.employer === employer || f.notes === note)).toHaveLength(2);
  } finally {
    await supervisorContext.close();
  }
});

test('the search keeps its query through the alumnus, back, reload, and empties when the Alumni tab is tapped', async ({ page }) => {
  const shell = new ShellPage(page);
  const worklist = new WorklistPage(page);
  const search = new SearchPage(page);
  const alumnusPage = new AlumnusPage(page);

  await new LoginPage(page).signInAs(officer.username);
  await shell.waitForSync();
  await worklist.expectOverdueRows();
  const alumnus: ListedAlumnus = await worklist.alumnusOf(worklist.rows(worklist.group('Terlambat')).first());
  const query = partOfName(alumnus.name);

  await shell.navLink('Alumni').click();
  await search.search(query);
  await expect(page).toHaveURL(`/alumni?q=${encodeURIComponent(query)}`);
  await search.result(alumnus).click();
  await expect(alumnusPage.heading).toHaveText(alumnus.name);

  await page.goBack();
  await expect(search.searchBox).toHaveValue(query);
  await expect(search.result(alumnus)).toBeVisible();
  await page.reload();
  await expect(search.searchBox).toHaveValue(query);
  await expect(search.result(alumnus)).toBeVisible();

  // The tab empties the box: once from an address the app opened with, and once more
  // after typing on the emptied screen, an address the router never saw.
  await shell.navLink('Alumni').click();
  await expect(search.searchBox).toHaveValue('');
  await expect(page).toHaveURL('/alumni');
  await search.search(query);
  await shell.navLink('Alumni').click();
  await expect(search.searchBox).toHaveValue('');
  await expect(page).toHaveURL('/alumni');
  await expect(search.result(alumnus)).toHaveCount(0);
  await page.goBack();
  await expect(search.searchBox).toHaveValue(query);
  await expect(search.result(alumnus)).toBeVisible();
});
