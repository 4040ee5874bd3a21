import { expect, type Page } from '@playwright/test';
import type { ListedAlumnus } from './worklist.page';

/** The alumni search (`/alumni`) in the default Indonesian UI: one search box, the count, the results. */
export class SearchPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  get searchBox() {
    return this.page.getByRole('searchbox', { name: 'Cari alumni' });
  }

  /** The answer under the box ("3 alumni ditemukan."), a polite live region; not a sync notice above the screen. */
  get status() {
    return this.page.getByRole('main').getByRole('status').filter({ hasText: /alumni|paling sedikit 3 angka/ });
  }

  /**
   * One person among the results: the link on their name that leads to their page (the
   * address as well as the name, since two alumni may share a name).
   */
  result(alumnus: ListedAlumnus) {
    return this.page
      .getByRole('main')
      .getByRole('link', { name: alumnus.name, exact: true })
      .and(this.page.locator(`[href="/alumni/${alumnus.id}"]`));
  }

  /**
   * Types key by key, as fast as the browser takes them: the answer follows every
   * keystroke, and no key may be lost to the address the screen keeps in step.
   */
  async search(query: string) {
    await expect(this.heading).toHaveText('Alumni');
    await this.searchBox.pressSequentially(query);
    await expect(this.searchBox).toHaveValue(query);
    await expect(this.status).toHaveText(/alumni ditemukan/);
  }
}
