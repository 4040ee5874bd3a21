import { expect, test } from '@playwright/test';
import { AdminPage } from './pages/admin.page';
import { CohortsPage } from './pages/cohorts.page';
import { LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';
import { startFreshServer, type FreshServer } from './fresh-server';

let server: FreshServer;
test.beforeAll(async () => {
  server = await startFreshServer();
});
test.afterAll(async () => {
  await server.stop();
});

test("a new office's first day: the admin adds a provider, a vocation and a clerk, and the clerk creates a cohort", async ({ browser }) => {
  test.setTimeout(120_000);
  const adminContext = await browser.newContext({ baseURL: server.origin });
  const adminPage = await adminContext.newPage();
  await new LoginPage(adminPage).signInAs('admin', server.adminPassword);
  // The printed password opens only the account screen until the admin chooses their own.
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Akun saya' })).toBeVisible();
  await adminPage.getByLabel('Kata sandi saat ini').fill(server.adminPassword);
  await adminPage.getByLabel('Kata sandi baru', { exact: true }).fill('kopi pagi di kantor dinas');
  await adminPage.getByLabel('Ulangi kata sandi baru').fill('kopi pagi di kantor dinas');
  await adminPage.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await expect(adminPage.getByText('Kata sandi telah diganti. Sesi Anda di perangkat lain telah diakhiri.')).toBeVisible();
  const admin = new AdminPage(adminPage, server.origin);
  await admin.openSection('/admin', 'Pengguna');
  // The catalogue is there from the first start; providers and accounts are still to do.
  await expect(admin.firstSteps.getByRole('listitem')).toHaveText([
    'Lembaga pelatihan (LPK, BLK) yang menjalankan angkatan — belum',
    /^Kejuruan yang diajarkan — selesai \(40 kejuruan aktif\)$/,
    'Akun petugas lapangan dan staf lembaga — belum',
  ]);

  await admin.addProvider('LPK Terampil Mandiri', 'LPK (lembaga pelatihan kerja)');
  await admin.addVocation('Servis AC Split');
  const clerk = { username: 'staf.terampil', displayName: 'Dewi Lestari', provider: 'LPK Terampil Mandiri', password: 'sandi awal dewi' };
  await admin.addProviderStaff(clerk);
  await expect(admin.firstSteps).toHaveCount(0);
  await adminContext.close();

  const clerkContext = await browser.newContext({ baseURL: server.origin });
  const page = await clerkContext.newPage();
  await new LoginPage(page).signInAs(clerk.username, clerk.password);
  const cohorts = new CohortsPage(page);
  await expect(cohorts.heading).toHaveText('Angkatan pelatihan');
  const shell = new ShellPage(page);
  await shell.waitForSync();
  await cohorts.createCohort({
    title: 'Servis AC Angkatan I', vocation: 'Servis AC Split', funding: 'APBD murni', budgetYear: '2026', startDate: '2026-12-07', endDate: '2026-12-18', location: 'Bengkel LPK',
  });
  await shell.expectWaiting(0, { timeout: 30_000 });
  const listed = await page.request.get('/api/cohorts');
  expect(((await listed.json()) as { cohorts: { title: string }[] }).cohorts.map((cohort) => cohort.title)).toEqual(['Servis AC Angkatan I']);
  await clerkContext.close();
});
