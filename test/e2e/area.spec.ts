import { expect, test } from '@playwright/test';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { WorklistPage } from './pages/worklist.page';

/**
 * The office's kecamatan/kelurahan reference list: Bontang's in the demo, edited by an
 * admin, and offered by the officer's worklist filter.
 */
test('an admin adds a kelurahan to the area list; the same pair twice is refused', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await new LoginPage(page).signInAs(DEMO_USERS.admin.username);
  await page.goto('/admin/area');
  await expect(page.getByRole('heading', { level: 2, name: 'Wilayah' })).toBeVisible();
  const utara = page.getByRole('region', { name: 'Bontang Utara', exact: true });
  await expect(utara.getByRole('listitem')).toHaveCount(6);
  await expect(utara).toContainText('Loktuan');

  // A name of this run's own: the demo server is shared by the specs.
  const kelurahan = `Kelurahan Uji ${Date.now().toString(36)}`;
  const form = page.getByRole('form', { name: 'Tambah kelurahan' });
  await form.getByLabel('Kecamatan', { exact: true }).fill('Bontang Barat');
  await form.getByLabel('Kelurahan', { exact: true }).fill(kelurahan);
  await form.getByRole('button', { name: 'Tambah kelurahan' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${kelurahan} ditambahkan ke Bontang Barat.` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Bontang Barat', exact: true }).getByRole('listitem')).toHaveCount(4);

  // The same pair again is refused with words, not stored twice.
  await form.getByLabel('Kelurahan', { exact: true }).fill(kelurahan);
  await form.getByRole('button', { name: 'Tambah kelurahan' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Bontang Barat', exact: true }).getByRole('listitem')).toHaveCount(4);

  // A misspelt kelurahan is renamed in place.
  const barat = page.getByRole('region', { name: 'Bontang Barat', exact: true });
  await barat.getByRole('button', { name: `Ubah nama ${kelurahan}, Bontang Barat` }).click();
  const rename = page.getByRole('form', { name: `Ubah nama ${kelurahan}, Bontang Barat` });
  await rename.getByLabel('Kelurahan', { exact: true }).fill(`${kelurahan} Baru`);
  await rename.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Nama kelurahan diubah menjadi ${kelurahan} Baru.` })).toBeVisible();
  await expect(barat).toContainText(`${kelurahan} Baru`);
  await expect(barat.getByRole('listitem')).toHaveCount(4);
});

test('an officer’s worklist filter offers the area list’s kecamatan', async ({ page }) => {
  const worklist = new WorklistPage(page);
  await new LoginPage(page).signInAs(DEMO_USERS.officer.username);
  await worklist.expectOverdueRows();
  await page.getByRole('button', { name: 'Saring' }).click();
  const kecamatan = page.getByLabel('Kecamatan', { exact: true });
  await expect(kecamatan.locator('option')).toContainText(['Semua', 'Bontang Barat', 'Bontang Selatan', 'Bontang Utara']);
  await kecamatan.selectOption({ label: 'Bontang Barat' });
  await expect(worklist.summary).toHaveText(/^\d[\d.]* dari \d[\d.]* alumni sesuai saringan\.$/);
});
