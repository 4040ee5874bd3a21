import { expect, type Page } from '@playwright/test';

/** The demo data set's password for every account (src/server/demo/seed-demo.ts). */
export const DEMO_PASSWORD = 'jejak-demo-2024';

/** Demo accounts, one per role (src/server/demo/demo-data.ts and catalog.ts). */
export const DEMO_USERS = {
  officer: { username: 'petugas.andi', displayName: 'Andi Syahrul Alamsyah' },
  otherOfficer: { username: 'petugas.wulan', displayName: 'Wulan Sari Rahayu' },
  supervisor: { username: 'kabid.penta', displayName: 'Hj. Sitti Rahmah, S.E., M.M.' },
  providerStaff: { username: 'lpk.barber', displayName: 'Reza Firmansyah' },
  admin: { username: 'admin.disnaker', displayName: 'Admin Disnaker Bontang' },
} as const;

/**
 * The sign-in screen in the default Indonesian UI, found by role and label: first sign-in
 * ("Masuk") and, after the server ended the session, sign-in again ("Masuk lagi").
 */
export class LoginPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  get username() {
    return this.page.getByLabel('Nama pengguna', { exact: true });
  }

  get password() {
    return this.page.getByLabel('Kata sandi', { exact: true });
  }

  get submit() {
    return this.page.getByRole('button', { name: 'Masuk', exact: true });
  }

  /** The form's problem above the button (wrong password, rate limit, unreachable). */
  get problem() {
    return this.page.locator('form').getByRole('alert');
  }

  /** Opens the app signed out: every address leads to /login. */
  async open() {
    await this.page.goto('/login');
    await expect(this.heading).toHaveText('Masuk');
  }

  async signIn(username: string, password = DEMO_PASSWORD) {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Opens /login, signs in and waits until the sign-in screen has gone. */
  async signInAs(username: string, password = DEMO_PASSWORD) {
    await this.open();
    await this.signIn(username, password);
    await expect(this.page).not.toHaveURL(/\/login$/);
  }

  /** The sign-in-again screen: same user, username fixed; only the password is typed. */
  async signInAgain(password = DEMO_PASSWORD) {
    await expect(this.heading).toHaveText('Masuk lagi');
    await this.password.fill(password);
    await this.submit.click();
    await expect(this.page).not.toHaveURL(/\/login$/);
  }
}
