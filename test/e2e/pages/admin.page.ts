import { expect, type Page } from '@playwright/test';

/** /admin in the default Indonesian UI: its sections, the first-steps list and the add forms. */
export class AdminPage {
  constructor(readonly page: Page, readonly origin: string) {}

  get firstSteps() {
    return this.page.getByRole('region', { name: 'Langkah awal' });
  }

  async openSection(path: '/admin' | '/admin/providers' | '/admin/vocations', heading: string) {
    await this.page.goto(`${this.origin}${path}`);
    await expect(this.page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }

  async addProvider(name: string, kind: 'LPK (lembaga pelatihan kerja)' | 'BLK (balai latihan kerja)') {
    await this.openSection('/admin/providers', 'Lembaga pelatihan');
    await this.page.getByRole('button', { name: 'Tambah lembaga' }).click();
    const form = this.page.getByRole('form', { name: 'Lembaga baru' });
    await form.getByLabel('Nama lembaga', { exact: true }).fill(name);
    await form.getByLabel('Jenis', { exact: true }).selectOption({ label: kind });
    await form.getByRole('button', { name: 'Simpan' }).click();
    await expect(this.page.getByText(`Lembaga ${name} telah ditambahkan.`)).toBeVisible();
  }

  async addVocation(name: string) {
    await this.openSection('/admin/vocations', 'Kejuruan');
    await this.page.getByRole('button', { name: 'Tambah kejuruan' }).click();
    const form = this.page.getByRole('form', { name: 'Kejuruan baru' });
    await form.getByLabel('Nama kejuruan', { exact: true }).fill(name);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await expect(this.page.getByText(`Kejuruan ${name} telah ditambahkan.`)).toBeVisible();
  }

  async addProviderStaff(user: { username: string; displayName: string; provider: string; password: string }) {
    await this.openSection('/admin', 'Pengguna');
    await this.page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const form = this.page.getByRole('form', { name: 'Pengguna baru' });
    await form.getByLabel('Nama pengguna', { exact: true }).fill(user.username);
    await form.getByLabel('Nama lengkap', { exact: true }).fill(user.displayName);
    await form.getByLabel('Peran', { exact: true }).selectOption({ value: 'provider-staff' });
    await form.getByLabel('Lembaga pelatihan', { exact: true }).selectOption({ label: user.provider });
    await form.getByLabel('Kata sandi awal', { exact: true }).fill(user.password);
    await form.getByRole('button', { name: 'Buat pengguna' }).click();
    await expect(this.page.getByText(`Pengguna ${user.username} telah dibuat.`)).toBeVisible();
  }
}
