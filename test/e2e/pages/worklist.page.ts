import { expect, type Locator, type Page } from '@playwright/test';

/** An alumnus as a worklist row or a search result names them: the link to their page. */
export type ListedAlumnus = { id: string; name: string };

/**
 * The officer's worklist (`/`) in the default Indonesian UI: the summary line, then one
 * region per due bucket ("Terlambat", "Minggu ini", "Berikutnya"), each a list of rows.
 */
export class WorklistPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** "N alumni perlu ditindaklanjuti." once the list is computed from this device's data. */
  get summary() {
    return this.page.getByRole('main').getByRole('status').filter({ hasText: /alumni/ });
  }

  group(name: 'Terlambat' | 'Minggu ini' | 'Berikutnya') {
    return this.page.getByRole('region', { name, exact: true });
  }

  rows(group: Locator) {
    return group.getByRole('listitem');
  }

  /** Waits until the overdue group shows rows; the data arrives with the first sync. */
  async expectOverdueRows() {
    await expect(this.heading).toHaveText('Daftar tindak lanjut');
    await expect(this.summary).toHaveText(/^\d[\d.]* alumni perlu ditindaklanjuti\.$/, { timeout: 90_000 });
    await expect(this.rows(this.group('Terlambat')).first()).toBeVisible();
  }

  /** Who a row is about, read from the link on their name (`/alumni/<id>`). */
  async alumnusOf(row: Locator): Promise<ListedAlumnus> {
    const link = row.getByRole('heading', { level: 3 }).getByRole('link');
    const [name, href] = await Promise.all([link.textContent(), link.getAttribute('href')]);
    const id = /^\/alumni\/([^/]+)$/.exec(href ?? '')?.[1];
    if (name === null || id === undefined) throw new Error(`a worklist row links to its alumnus, not to ${href}`);
    return { id, name: name.trim() };
  }
}
