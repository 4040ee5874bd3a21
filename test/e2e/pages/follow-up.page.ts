import { expect, type Page } from '@playwright/test';

type Channel = 'Kunjungan' | 'Telepon' | 'WhatsApp';
type Reason = 'Tidak menjawab' | 'Nomor salah' | 'Pindah' | 'Menolak' | 'Lainnya';

/**
 * The "log a contact" form (`/alumni/:id/follow-up`) in the default Indonesian UI. Each
 * question is a group of radio buttons named by its legend; saving leads back to the
 * alumnus page.
 */
export class FollowUpPage {
  constructor(readonly page: Page) {}

  form(name: string) {
    return this.page.getByRole('form', { name: `Catat kontak dengan ${name}` });
  }

  private async answer(question: string, choice: string) {
    await this.page.getByRole('group', { name: question, exact: true }).getByRole('radio', { name: choice, exact: true }).check();
  }

  /** Reached, employed, with where and as what; the rest left as the form proposes it. */
  async logEmployed(name: string, { channel, employer, jobTitle }: { channel: Channel; employer: string; jobTitle: string }) {
    await expect(this.form(name)).toBeVisible();
    await this.answer('Cara kontak', channel);
    await this.answer('Berhasil terhubung?', 'Ya, terhubung');
    await this.answer('Status yang ditemukan', 'Bekerja');
    await this.page.getByLabel('Tempat kerja', { exact: true }).fill(employer);
    await this.page.getByLabel('Jabatan', { exact: true }).fill(jobTitle);
    await this.save(name);
  }

  /** Not reached, and why; the rest left as the form proposes it. */
  async logNotReached(name: string, { channel, reason }: { channel: Channel; reason: Reason }) {
    await expect(this.form(name)).toBeVisible();
    await this.answer('Cara kontak', channel);
    await this.answer('Berhasil terhubung?', 'Tidak terhubung');
    await this.answer('Alasan tidak terhubung', reason);
    await this.save(name);
  }

  /** Saves and waits until the form has given way to the alumnus page. */
  private async save(name: string) {
    await this.form(name).getByRole('button', { name: 'Simpan kontak' }).click();
    await expect(this.form(name)).toHaveCount(0);
    await expect(this.page).not.toHaveURL(/\/follow-up$/);
  }
}
