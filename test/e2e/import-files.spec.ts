import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { AlumniListResponse } from '../../src/shared/api/alumni.api';
import type { CohortDetailResponse, CohortListResponse } from '../../src/shared/api/cohorts.api';
import { runAxe } from './pages/axe';
import { ImportPage } from './pages/import.page';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

/** A file of test/fixtures/import (made by make-fixtures.ts, or saved by the program its name says). */
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

/**
 * Signs the provider clerk in, waits for the first sync and opens the import screen on
 * one of their cohorts (each test its own, so their participants never meet).
 */
async function openImport(page: Page, cohortIndex: number) {
  await new LoginPage(page).signInAs(DEMO_USERS.providerStaff.username);
  const shell = new ShellPage(page);
  await shell.waitForSync();
  const response = await page.request.get('/api/cohorts?limit=100');
  const { cohorts } = (await response.json()) as CohortListResponse;
  const cohort = cohorts[cohortIndex] ?? cohorts[0];
  if (cohort === undefined) throw new Error('the demo data set gives lpk.barber cohorts');
  const importPage = new ImportPage(page);
  await importPage.open(cohort.id);
  return { shell, importPage, cohortId: cohort.id };
}

async function namesOnServer(page: Page, cohortId: string): Promise<string[]> {
  const response = await page.request.get(`/api/cohorts/${cohortId}`);
  return ((await response.json()) as CohortDetailResponse).enrollments.map((enrollment) => enrollment.alumnusName);
}

test('a CSV saved by Excel on Windows (Windows-1252) is read with its names right, and the preview says how it was read', async ({ page }) => {
  const { shell, importPage, cohortId } = await openImport(page, 2);
  await importPage.chooseFile(fixture('peserta-excel-windows.csv'));
  await expect(page.getByText(/^Berkas ini tidak tersimpan sebagai UTF-8/)).toBeVisible({ timeout: 30_000 });
  await expect(importPage.previewStatus).toHaveText('Semua 3 baris siap diimpor.');
  const ready = await importPage.readyRows(3);
  await expect(ready.getByRole('cell', { name: 'Nur’aini Ma’ruf', exact: true })).toBeVisible();
  await expect(ready.getByRole('cell', { name: 'André Sutédja', exact: true })).toBeVisible();

  await importPage.importButton(3).click();
  await expect(importPage.doneStatus).toHaveText('Semua 3 peserta diimpor. Mereka dikirim ke server saat sinkron.', { timeout: 30_000 });
  await shell.expectWaiting(0, { timeout: 60_000 });
  expect(await namesOnServer(page, cohortId)).toEqual(expect.arrayContaining(['Nur’aini Ma’ruf', 'André Sutédja', 'Budi “Bule” Santoso – Ñoño']));
});

test('an XLSX whose NIKs went through numbers holds them back until checked; of a NIK listed twice the clerk keeps one row', async ({ page }) => {
  const { shell, importPage, cohortId } = await openImport(page, 3);
  await importPage.chooseFile(fixture('peserta-nik-angka.xlsx'));
  await expect(importPage.previewStatus).toHaveText('1 baris siap diimpor, 3 baris bermasalah.', { timeout: 30_000 });
  await expect(importPage.row(3)).toContainText('Periksa digit terakhir: Excel hanya menyimpan 15 angka');
  await expect(importPage.row(2)).toContainText('NIK yang sama ada di baris 5.');

  await importPage.confirmNik(3);
  await expect(importPage.previewStatus).toHaveText('2 baris siap diimpor, 2 baris bermasalah.');
  await importPage.keepRow(2);
  await expect(importPage.row(5)).toContainText('Tidak diimpor: untuk NIK ini dipilih baris 2.');
  await importPage.confirmNik(2);
  await expect(importPage.previewStatus).toHaveText('3 baris siap diimpor, 1 baris bermasalah.');
  // Cards, the radios of the kept row, and the table of ready rows opened: nothing serious for axe.
  await importPage.readyRows(1);
  const axe = await runAxe(page, 'import preview');
  expect(axe.details).toEqual([]);

  await importPage.importButton(3).click();
  await expect(importPage.doneStatus).toHaveText('3 peserta diimpor, 1 baris tidak diimpor.', { timeout: 30_000 });
  await shell.expectWaiting(0, { timeout: 60_000 });
  const names = await namesOnServer(page, cohortId);
  expect(names).toEqual(expect.arrayContaining(['Wawan Setiawan', 'Yuni Astuti', 'Zainal Arifin']));
  expect(names).not.toContain('Wawan S.');
});

test('a registration template with a TTL column: the date is the birth date, the place the place of birth; unused columns are named', async ({ page }) => {
  const { shell, importPage } = await openImport(page, 4);
  await importPage.chooseFile(fixture('peserta-template-lpk.csv'));
  await expect(importPage.previewStatus).toHaveText('Semua 2 baris siap diimpor.', { timeout: 30_000 });
  await expect(page.getByText(/^2 kolom tidak dipakai: /)).toBeVisible();
  await expect(page.getByLabel('Kolom “Tempat/Tgl Lahir”', { exact: true })).toHaveValue('birthPlaceDate');

  await importPage.importButton(2).click();
  await expect(importPage.doneStatus).toHaveText('Semua 2 peserta diimpor. Mereka dikirim ke server saat sinkron.', { timeout: 30_000 });
  await shell.expectWaiting(0, { timeout: 60_000 });
  const response = await page.request.get('/api/alumni?q=6474061708010501');
  const [dimas] = ((await response.json()) as AlumniListResponse).alumni;
  expect(dimas).toMatchObject({ name: 'Dimas Anggara', birthDate: '2001-08-17', birthPlace: 'Bontang', address: 'Jl. Pupuk Raya 3', phone: '+6281255550501' });
});

test('an XLSX saved by LibreOffice Calc, a title row above the headers and birth dates as date cells, is read whole', async ({ page }) => {
  // peserta-libreoffice.xlsx: LibreOffice Calc 7.4 saved peserta-libreoffice.fods as "Excel 2007-365".
  const { shell, importPage, cohortId } = await openImport(page, 5);
  await importPage.chooseFile(fixture('peserta-libreoffice.xlsx'));
  await expect(importPage.previewStatus).toHaveText('Semua 3 baris siap diimpor.', { timeout: 30_000 });
  await importPage.importButton(3).click();
  await expect(importPage.doneStatus).toHaveText('Semua 3 peserta diimpor. Mereka dikirim ke server saat sinkron.', { timeout: 30_000 });
  await shell.expectWaiting(0, { timeout: 60_000 });
  expect(await namesOnServer(page, cohortId)).toEqual(expect.arrayContaining(['Fitriani Lestari', 'Gilang Ramadhan', 'Hana Safitri']));
  const response = await page.request.get('/api/alumni?q=6474062912980602');
  const [gilang] = ((await response.json()) as AlumniListResponse).alumni;
  expect(gilang).toMatchObject({ name: 'Gilang Ramadhan', gender: 'male', birthDate: '1998-12-29', phone: '+6281266660602', education: 'sma' });
});
