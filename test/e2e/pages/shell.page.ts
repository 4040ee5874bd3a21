import { expect, type Page } from '@playwright/test';

/**
 * The app shell as a user sees it: header (network state, the user's menu with the
 * language switch and sign-out), the role's navigation, the main heading.
 */
export class ShellPage {
  constructor(readonly page: Page) {}

  async open(path = '/') {
    await this.page.goto(path);
    await expect(this.heading).toBeVisible();
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The network indicator in the header ("Daring"/"Luring", "Online"/"Offline"). */
  network(text: string) {
    return this.page.getByRole('banner').getByRole('status').filter({ hasText: text });
  }

  /** Signed in, the header's button carries the user's name and opens their menu. */
  userMenu(displayName: string) {
    return this.page.getByRole('banner').getByRole('button', { name: displayName, exact: true });
  }

  async openUserMenu(displayName: string) {
    const button = this.userMenu(displayName);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
  }

  /** Signed in, it sits in the user menu: open that first. */
  languageSwitch(label: 'Bahasa' | 'Language') {
    return this.page.getByRole('combobox', { name: label, exact: true });
  }

  signOutButton(name: 'Keluar' | 'Sign out' = 'Keluar') {
    return this.page.getByRole('banner').getByRole('button', { name, exact: true });
  }

  /** Why sign-out was refused, shown under the button. */
  get signOutRefusal() {
    return this.page.getByRole('banner').getByRole('alert');
  }

  navLink(name: string) {
    return this.page.getByRole('navigation').getByRole('link', { name, exact: true });
  }

  /** The "session ended" banner above the screen, with its link to sign in again. */
  get sessionExpiredBanner() {
    return this.page.getByRole('main').getByRole('alert').filter({ hasText: 'Sesi Anda telah berakhir' });
  }

  /**
   * The sync button in the header: it reads the network state, then (for screen readers)
   * how many changes wait, e.g. "Luring · 3 perubahan menunggu dikirim."
   */
  get syncStatus() {
    return this.page.getByRole('banner').getByRole('button', { name: /^(Daring|Luring)\b/ });
  }

  /** Waits until the header says `count` changes wait to be sent (0: all sent). */
  async expectWaiting(count: number, options: { timeout?: number } = {}) {
    const words = count === 0 ? 'Semua perubahan sudah terkirim' : `(^|\\D)${count} perubahan menunggu dikirim`;
    await expect(this.syncStatus).toHaveAccessibleName(new RegExp(words), options);
  }

  /** Waits until a sync has completed on this device (the panel names the last one), then closes the panel. */
  async waitForSync() {
    await this.syncStatus.click();
    await expect(this.page.getByRole('region', { name: 'Sinkronisasi' })).toContainText('Sinkron terakhir', { timeout: 90_000 });
    await expect(async () => {
      await this.page.keyboard.press('Escape');
      await expect(this.syncStatus).toHaveAttribute('aria-expanded', 'false', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  }

  /** Resolves once a service worker controls the page, so the shell is precached. */
  async waitForServiceWorker() {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });
  }

  async htmlLang() {
    return this.page.locator('html').getAttribute('lang');
  }
}
