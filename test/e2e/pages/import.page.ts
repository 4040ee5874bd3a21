import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';

/** One participant row as a clerk's spreadsheet holds it. */
export type ParticipantRow = { nik: string; name: string; gender: string; birthDate: string | Date; phone: string; education: string };

/**
 * Writes an XLSX participant list into a fresh temporary folder: a title row, then the
 * header (so the header is row 2 and the first participant row 3), then `rows`.
 */
export async function writeParticipantWorkbook(rows: readonly ParticipantRow[], name = 'peserta.xlsx'): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Peserta');
  sheet.addRow(['DAFTAR PESERTA PELATIHAN']);
  sheet.addRow(['No', 'NIK', 'Nama Lengkap', 'JK', 'Tgl Lahir', 'No HP', 'Pendidikan']);
  rows.forEach((row, index) => {
    const added = sheet.addRow([index + 1, row.nik, row.name, row.gender, row.birthDate, row.phone, row.education]);
    if (row.birthDate instanceof Date) added.getCell(5).numFmt = 'dd/mm/yyyy';
  });
  const path = join(mkdtempSync(join(tmpdir(), 'jejak-import-')), name);
  await workbook.xlsx.writeFile(path);
  return path;
}

/**
 * The import screen (`/import`) in the default Indonesian UI: the target cohort, the file,
 * the column mapping, the preview with one card per row to fix, the import and its summary.
 */
export class ImportPage {
  constructor(readonly page: Page) {}

  /** Opens the screen with `cohortId` chosen, as the cohort page links to it. */
  async open(cohortId: string) {
    await this.page.goto(`/import?cohort=${cohortId}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Impor peserta');
    await expect(this.page.getByLabel('Angkatan tujuan', { exact: true })).toHaveValue(cohortId, { timeout: 90_000 });
  }

  async chooseFile(path: string) {
    await this.page.getByLabel('Berkas peserta (CSV atau XLSX)', { exact: true }).setInputFiles(path);
  }

  /** The preview's count of rows ready and rows with problems. */
  get previewStatus() {
    return this.page.getByRole('region', { name: 'Pratinjau' }).getByRole('status');
  }

  /** The card of one sheet row in the preview. */
  row(number: number) {
    return this.page.getByRole('listitem', { name: new RegExp(`^Baris ${number}\\b`) });
  }

  /** Types into one cell of a row in the preview (e.g. "NIK"), as a clerk corrects it. */
  async fixCell(row: number, field: string, value: string) {
    await this.page.getByLabel(`Baris ${row}: ${field}`, { exact: true }).fill(value);
  }

  /** Opens the disclosure of the rows that are ready, and answers the table of them. */
  async readyRows(count: number) {
    await this.page.getByRole('button', { name: `Tampilkan ${count.toLocaleString('id-ID')} baris siap`, exact: true }).click();
    return this.page.getByRole('table', { name: 'Baris siap diimpor' });
  }

  /** Of a NIK listed more than once, keeps row `number` (the others are left out). */
  async keepRow(number: number) {
    await this.row(number).getByRole('radio', { name: new RegExp(`^Impor baris ${number} untuk NIK ini`) }).check();
  }

  /** Says a NIK that came from a number cell was checked against the KTP. */
  async confirmNik(row: number) {
    await this.row(row).getByRole('button', { name: /sudah dicocokkan dengan KTP$/ }).click();
  }

  importButton(count: number) {
    // Counts read as Indonesian groups them: 2.000.
    return this.page.getByRole('button', { name: `Impor ${count.toLocaleString('id-ID')} peserta`, exact: true });
  }

  /** The summary once the import has finished. */
  get doneStatus() {
    return this.page.getByRole('region', { name: 'Selesai' }).getByRole('status');
  }

  downloadLink(count: number) {
    return this.page.getByRole('link', { name: `Unduh ${count} baris yang tidak diimpor (CSV)` });
  }
}
