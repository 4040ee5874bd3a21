import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import type { AlumnusDetailResponse } from '../../src/shared/api/alumni.api';
import type { CohortDetailResponse, CohortListResponse } from '../../src/shared/api/cohorts.api';
import type { Alumnus } from '../../src/shared/schema';
import { CohortsPage } from './pages/cohorts.page';
import { DEMO_PASSWORD, DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

/** A signed-in API client beside the browser, for another user. */
async function apiAs(browser: Browser, baseURL: string, username: string): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL });
  const login = await context.request.post('/api/auth/login', { headers: { Origin: baseURL }, data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  return context.request;
}

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** A person another provider trained, whom `clerk` cannot see: found through the admin's API. */
async function strangerOf(admin: APIRequestContext, clerk: APIRequestContext, providerId: string): Promise<Alumnus> {
  const { cohorts } = await json<CohortListResponse>(admin, '/api/cohorts?limit=100');
  for (const cohort of cohorts.filter((candidate) => candidate.providerId !== providerId)) {
    const { enrollments } = await json<CohortDetailResponse>(admin, `/api/cohorts/${cohort.id}`);
    for (const enrollment of enrollments) {
      if ((await clerk.get(`/api/alumni/${enrollment.alumnusId}`)).status() !== 404) continue;
      const { alumnus } = await json<AlumnusDetailResponse>(admin, `/api/alumni/${enrollment.alumnusId}`);
      if (alumnus.birthDate !== null && alumnus.phone !== null) return alumnus;
    }
  }
  throw new Error('the demo data set has people other providers trained');
}

test('a clerk enrolling a NIK another provider knows: the wrong name is refused with nothing shown, the right name and birth date attach, and the enrolment is withdrawn', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const shell = new ShellPage(page);
  const cohorts = new CohortsPage(page);
  await new LoginPage(page).signInAs(DEMO_USERS.providerStaff.username);
  await shell.waitForServiceWorker();
  await shell.waitForSync();

  const own = (await json<CohortListResponse>(page.request, '/api/cohorts?limit=100')).cohorts.find((cohort) => cohort.title.includes('Barbershop'));
  if (own === undefined) throw new Error('the demo data set gives lpk.barber a barbershop cohort');
  const admin = await apiAs(browser, baseURL ?? '', DEMO_USERS.admin.username);
  const stranger = await strangerOf(admin, page.request, own.providerId);
  const person = {
    nik: stranger.nik, gender: stranger.gender === 'female' ? 'Perempuan' : 'Laki-laki', birthDate: stranger.birthDate ?? '',
    phone: '0812-7000-0099', education: 'SMK',
  } as const;

  // The wrong name: refused by the server, in Indonesian, and nothing of the stored person appears.
  await cohorts.open(own.id, own.title);
  await cohorts.enrol({ ...person, name: 'Nama Yang Keliru' });
  await shell.expectWaiting(0, { timeout: 30_000 });
  await shell.syncStatus.click();
  const panel = page.getByRole('region', { name: 'Sinkronisasi' });
  await expect(panel).toContainText('1 perubahan ditolak server.', { timeout: 30_000 });
  await expect(panel).toContainText('NIK ini milik orang lain; periksa lagi.');
  const shown = await page.locator('body').innerText();
  for (const secret of [stranger.name, stranger.phone ?? '', stranger.address].filter((value) => value !== '')) {
    expect(shown, 'no personal data of the NIK\'s owner').not.toContain(secret);
  }
  await panel.getByRole('button', { name: /^Buang perubahan/ }).click();
  await page.keyboard.press('Escape');

  // The right name and birth date: the person is attached to the clerk's cohort.
  await cohorts.open(own.id, own.title);
  await cohorts.enrol({ ...person, name: stranger.name });
  await shell.expectWaiting(0, { timeout: 30_000 });
  await expect.poll(async () => (await page.request.get(`/api/alumni/${stranger.id}`)).status(), { timeout: 30_000 }).toBe(200);
  const attached = (await json<CohortDetailResponse>(page.request, `/api/cohorts/${own.id}`)).enrollments.find((row) => row.alumnusId === stranger.id);
  expect(attached).toBeDefined();

  // Withdrawn from the person's page with a reason: the person leaves the clerk's records.
  await expect(async () => {
    await page.goto(`/alumni/${stranger.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(stranger.name, { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole('button', { name: `Tarik pendaftaran di ${own.title}` }).click();
  const form = page.getByRole('form', { name: `Tarik pendaftaran di ${own.title}` });
  await form.getByLabel('Alasan penarikan', { exact: true }).fill('Salah orang: NIK dari formulir lain');
  await form.getByRole('button', { name: 'Tarik pendaftaran ini' }).click();
  await expect(page.getByText('Pendaftaran ditarik.', { exact: true })).toBeVisible();
  await shell.expectWaiting(0, { timeout: 30_000 });
  expect((await page.request.get(`/api/alumni/${stranger.id}`)).status()).toBe(404);
  const { enrollments } = await json<CohortDetailResponse>(admin, `/api/cohorts/${own.id}`);
  expect(enrollments.some((row) => row.alumnusId === stranger.id)).toBe(false);
  // The next pull drops the person from this device.
  await expect(async () => {
    await page.goto(`/alumni/${stranger.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alumni tidak ditemukan', { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
});
