import { expect, test, type APIRequestContext } from '@playwright/test';
import type { CohortDetailResponse, CohortListResponse } from '../../src/shared/api/cohorts.api';
import { CohortsPage } from './pages/cohorts.page';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

async function cohortOnServer(request: APIRequestContext, cohortId: string): Promise<CohortDetailResponse> {
  const response = await request.get(`/api/cohorts/${cohortId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as CohortDetailResponse;
}

test('a provider clerk offline: creates a cohort, enrols a participant, graduates and certifies in bulk; online, it all syncs', async ({ page, context }) => {
  test.setTimeout(120_000);
  const shell = new ShellPage(page);
  const cohorts = new CohortsPage(page);
  // Unique per attempt, so a retry never mistakes the first attempt's records for its own.
  const mark = Date.now().toString(36);
  const serial = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');

  await new LoginPage(page).signInAs(DEMO_USERS.providerStaff.username);
  await expect(cohorts.heading).toHaveText('Angkatan pelatihan');
  await shell.waitForServiceWorker();
  await shell.waitForSync();
  // The demo's barbershop class of 20, the provider's own.
  const listed = await page.request.get('/api/cohorts?limit=100');
  const existing = ((await listed.json()) as CohortListResponse).cohorts.find((cohort) => cohort.title.includes('Barbershop'));
  if (existing === undefined) throw new Error('the demo data set gives lpk.barber a barbershop cohort');

  await context.setOffline(true);
  await expect(shell.network('Luring')).toBeVisible();

  await cohorts.openList();
  const title = `Barbershop lanjutan ${mark}`;
  const cohortId = await cohorts.createCohort({
    title, vocation: 'Barbershop', funding: 'APBD perubahan', budgetYear: '2024', startDate: '2024-10-01', endDate: '2024-10-31', location: 'Workshop LPK Barber',
  });
  const person = { nik: `917105170801${serial}`, name: `Peserta Baru ${mark}`, gender: 'Laki-laki', birthDate: '2001-08-17', phone: '0812-7000-0001', education: 'SMK' } as const;
  await cohorts.enrol(person);
  await expect(cohorts.participantLink(person.name)).toBeVisible();
  await shell.expectWaiting(2);

  await cohorts.open(existing.id, existing.title);
  const names = await cohorts.selectFirst(3);
  await cohorts.recordGraduation(3, '2024-07-20');
  const numbers = names.map((_, index) => `LSP-BRB-${mark}-${index + 1}`);
  await cohorts.pasteCertificates(names, numbers, '2025-02-14');
  await shell.expectWaiting(8);

  // Still offline, a reload opens it all from the device.
  await page.reload();
  await expect(cohorts.heading).toHaveText(existing.title);
  await expect(page.getByText(numbers[0] ?? '', { exact: true })).toBeVisible();

  await context.setOffline(false);
  await shell.expectWaiting(0, { timeout: 30_000 });
  await shell.syncStatus.click();
  await expect(page.getByRole('region', { name: 'Sinkronisasi' })).not.toContainText('ditolak server');
  await page.keyboard.press('Escape');

  const created = await cohortOnServer(page.request, cohortId);
  expect(created.cohort).toMatchObject({ title, fundingSource: 'apbd-perubahan', budgetYear: 2024, startDate: '2024-10-01', endDate: '2024-10-31' });
  expect(created.enrollments).toMatchObject([{ alumnusName: person.name, outcome: 'enrolled' }]);

  const updated = await cohortOnServer(page.request, existing.id);
  const byName = new Map(updated.enrollments.map((enrollment) => [enrollment.alumnusName, enrollment]));
  expect(names.map((name) => byName.get(name))).toMatchObject(
    numbers.map((certificateNumber) => ({
      outcome: 'graduated', graduationDate: '2024-07-20', certification: 'competent', certificationIssuedDate: '2025-02-14', certificateNumber,
    })),
  );
});

test('an admin sets up a cohort for a provider offline; once synced, that provider\'s clerk finds it with its seats', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const shell = new ShellPage(page);
  const cohorts = new CohortsPage(page);
  const title = `Barbershop dasar ${Date.now().toString(36)}`;

  await new LoginPage(page).signInAs(DEMO_USERS.admin.username);
  await shell.waitForServiceWorker();
  await shell.waitForSync();
  await page.context().setOffline(true);
  await cohorts.openList();
  const cohortId = await cohorts.createCohort({
    title, provider: 'LPK Mandiri Bontang', vocation: 'Barbershop', funding: 'APBN', budgetYear: '2025', startDate: '2025-03-03',
    endDate: '2025-04-11', location: 'Aula Disnaker', seats: '16',
  });
  await expect(page.getByRole('heading', { level: 2, name: 'Peserta (0 dari 16 kuota)' })).toBeVisible();
  await page.context().setOffline(false);
  await shell.expectWaiting(0, { timeout: 30_000 });

  const clerk = await browser.newContext();
  try {
    const clerkPage = await clerk.newPage();
    // Another LPK than the other specs' clerk, so their lists stay as they expect.
    await new LoginPage(clerkPage).signInAs('lpk.mandiri');
    await new ShellPage(clerkPage).waitForSync();
    const clerkCohorts = new CohortsPage(clerkPage);
    await clerkCohorts.openList();
    await clerkPage.getByRole('link', { name: title, exact: true }).click();
    await expect(clerkCohorts.heading).toHaveText(title);
    await expect(clerkPage.getByRole('region', { name: 'Tentang angkatan' })).toContainText('16');
    expect((await cohortOnServer(clerkPage.request, cohortId)).cohort).toMatchObject({ title, seats: 16, fundingSource: 'apbn' });
  } finally {
    await clerk.close();
  }
});
