import { expect, test } from '@playwright/test';
import { AlumnusPage, alumniOnServer, alumnusOnServer } from './pages/alumnus.page';
import { DEMO_PASSWORD, DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

const officer = DEMO_USERS.officer;

test.describe('signing in', () => {
  test('an officer signs in once, then the app opens offline still signed in', async ({ page, context }) => {
    const login = new LoginPage(page);
    const shell = new ShellPage(page);

    // Signed out, any address leads to the sign-in screen.
    await page.goto('/alumni');
    await expect(page).toHaveURL(/\/login$/);
    await expect(login.heading).toHaveText('Masuk');

    await login.signIn(officer.username);
    await expect(page).toHaveURL(/\/$/);
    await expect(shell.heading).toHaveText('Daftar tindak lanjut');
    await expect(shell.userMenu(officer.displayName)).toBeVisible();
    await shell.waitForServiceWorker();

    await context.setOffline(true);
    await page.reload();
    await expect(shell.heading).toHaveText('Daftar tindak lanjut');
    await expect(shell.network('Luring')).toBeVisible();
    await expect(shell.userMenu(officer.displayName)).toBeVisible();
    await expect(login.password).toHaveCount(0);
    await expect(page).toHaveURL(/\/$/);
  });

  test('a wrong password is refused and the username stays', async ({ page }) => {
    const login = new LoginPage(page);
    const { username } = DEMO_USERS.otherOfficer;
    await login.open();
    await login.signIn(username, 'bukan-kata-sandinya');

    await expect(login.problem).toHaveText('Nama pengguna atau kata sandi salah.');
    await expect(login.username).toHaveValue(username);
    await expect(page).toHaveURL(/\/login$/);

    // Only the password needs typing again.
    await login.password.fill(DEMO_PASSWORD);
    await login.submit.click();
    await expect(new ShellPage(page).heading).toHaveText('Daftar tindak lanjut');
  });

  const homes = [
    { role: 'a supervisor', user: DEMO_USERS.supervisor, path: '/reports', heading: 'Laporan' },
    { role: 'a provider-staff user', user: DEMO_USERS.providerStaff, path: '/cohorts', heading: 'Angkatan pelatihan' },
    { role: 'an admin', user: DEMO_USERS.admin, path: '/admin', heading: 'Administrasi' },
  ] as const;
  for (const { role, user, path, heading } of homes) {
    test(`${role} lands on ${path}`, async ({ page }) => {
      await new LoginPage(page).signInAs(user.username);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      const shell = new ShellPage(page);
      await expect(shell.heading).toHaveText(heading);
      await expect(shell.userMenu(user.displayName)).toBeVisible();
    });
  }

  test('an officer opening /admin sees the not-for-your-role page', async ({ page }) => {
    await new LoginPage(page).signInAs(officer.username);
    await page.goto('/admin');
    const shell = new ShellPage(page);
    await expect(shell.heading).toHaveText('Bukan untuk peran Anda');
    await expect(page.getByText('Layar ini tidak tersedia untuk Petugas lapangan.')).toBeVisible();
    await expect(shell.navLink('Admin')).toHaveCount(0);

    await page.getByRole('link', { name: 'Ke halaman awal' }).click();
    await expect(shell.heading).toHaveText('Daftar tindak lanjut');
  });
});

test.describe('the session', () => {
  test('ended by the server while offline: back online, the same user signs in again', async ({ page, context }) => {
    const login = new LoginPage(page);
    const shell = new ShellPage(page);
    await login.signInAs(officer.username);
    await shell.waitForServiceWorker();

    await context.setOffline(true);
    // The server ends the session (an admin reset, a password change elsewhere) while
    // the phone has no signal. `page.request` sends the browser's cookie, and is not
    // itself held offline.
    const logout = await page.request.post('/api/auth/logout');
    expect(logout.status()).toBe(204);

    // Offline the app cannot know yet: it keeps working, signed in.
    await page.reload();
    await expect(shell.heading).toHaveText('Daftar tindak lanjut');
    await expect(shell.sessionExpiredBanner).toHaveCount(0);

    // Back online it asks the server, hears the session is gone, and says so.
    await context.setOffline(false);
    await expect(shell.sessionExpiredBanner).toBeVisible();
    await expect(shell.heading).toHaveText('Daftar tindak lanjut');

    await shell.sessionExpiredBanner.getByRole('link', { name: 'Masuk lagi' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(login.heading).toHaveText('Masuk lagi');
    await expect(login.username).toHaveValue(officer.username);
    await expect(login.username).not.toBeEditable();

    await login.signInAgain();
    await expect(shell.heading).toHaveText('Daftar tindak lanjut');
    await expect(shell.sessionExpiredBanner).toHaveCount(0);
    await expect(shell.userMenu(officer.displayName)).toBeVisible();
    expect((await page.request.get('/api/auth/me')).status()).toBe(200);
  });

  test('sign-out is refused while a change waits to be sent', async ({ page, context }) => {
    const shell = new ShellPage(page);
    const alumnusPage = new AlumnusPage(page);
    await new LoginPage(page).signInAs(officer.username);
    await shell.waitForServiceWorker();
    const [alumnus] = await alumniOnServer(page.request, 1, 20);
    if (alumnus === undefined) throw new Error('the demo data set has alumni');
    await alumnusPage.open(alumnus);

    // Offline, a corrected phone number waits on the device for the network.
    await context.setOffline(true);
    await alumnusPage.editContact({ phone: '0812-7200-0001' });
    await shell.expectWaiting(1);

    await shell.openUserMenu(officer.displayName);
    await shell.signOutButton().click();
    await expect(shell.signOutRefusal).toContainText('Belum bisa keluar: 1 perubahan masih menunggu dikirim.');
    await expect(page).toHaveURL(new RegExp(`/alumni/${alumnus.id}$`));
    await expect(shell.userMenu(officer.displayName)).toBeVisible();

    // Back online the change is sent; then signing out goes through.
    await context.setOffline(false);
    await shell.expectWaiting(0, { timeout: 30_000 });
    expect((await alumnusOnServer(page.request, alumnus.id)).phone).toBe('+6281272000001');
    await shell.openUserMenu(officer.displayName);
    await shell.signOutButton().click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(new LoginPage(page).heading).toHaveText('Masuk');
    await expect(shell.userMenu(officer.displayName)).toHaveCount(0);
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
  });
});

test('a state-changing request from another origin is refused', async ({ request, baseURL }) => {
  const credentials = { username: officer.username, password: DEMO_PASSWORD };
  const refused = await request.post('/api/auth/login', { headers: { Origin: 'https://evil.example' }, data: credentials });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: { code: 'cross-origin' } });

  // The same request from the app's own origin goes through: only the origin differed.
  const allowed = await request.post('/api/auth/login', { headers: { Origin: String(baseURL) }, data: credentials });
  expect(allowed.status()).toBe(200);
});
