import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The supervisor's dashboard (`/reports`) in the default Indonesian UI: the as-of date
 * and grouping, the headline figures (a term and its value), the table per group, the
 * press summary and the export buttons.
 */
export class ReportsPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  get asOf() {
    return this.page.getByLabel('Per tanggal', { exact: true });
  }

  get groupBy() {
    return this.page.getByLabel('Kelompokkan menurut', { exact: true });
  }

  get thenBy() {
    return this.page.getByLabel('Lalu menurut (opsional)', { exact: true });
  }

  /** "Angka utama per 31 Agustus 2024": the figures shown are for that day. */
  headlineFor(date: string) {
    return this.page.getByRole('heading', { level: 2, name: `Angka utama per ${date}` });
  }

  /** A headline figure's value, e.g. figure('Dilatih') → "1.352". */
  figure(term: string): Locator {
    return this.page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]/span[1]');
  }

  get table() {
    return this.page.getByRole('table');
  }

  /** The cell of the row headed `row` under the column headed `column`. */
  async cell(row: string, column: string): Promise<Locator> {
    const headers = await this.table.getByRole('columnheader').allTextContents();
    const index = headers.indexOf(column);
    if (index === -1) throw new Error(`no column ${column} among ${headers.join(', ')}`);
    const line = this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: row, exact: true }) });
    return line.locator('th, td').nth(index);
  }

  get summary() {
    return this.page.getByRole('heading', { name: 'Ringkasan untuk siaran pers' }).locator('xpath=following-sibling::p[1]');
  }

  /** The Copy button under the summary. */
  get summaryActions() {
    return this.page.getByRole('button', { name: 'Salin ringkasan' });
  }

  get chart() {
    return this.page.getByRole('img', { name: /^Hasil lulusan per / });
  }

  downloadButton(table: 'Alumni' | 'Tindak lanjut' | 'Angkatan' | 'Penyerapan', format: 'XLSX' | 'CSV') {
    return this.page.getByRole('button', { name: `Unduh ${table} ${format}`, exact: true });
  }

  /** Waits until the dashboard shows the figures for `date` ("31 Agustus 2024"). */
  async expectFiguresFor(date: string) {
    await expect(this.headlineFor(date)).toBeVisible({ timeout: 30_000 });
    await expect(this.page.getByRole('status').filter({ hasText: 'Menghitung angka' })).toHaveCount(0);
  }
}
