import { expect, type Page } from '@playwright/test';

/** A cohort as the form takes it (dates `YYYY-MM-DD`). */
export type CohortInput = {
  title: string; vocation: string; funding: string; budgetYear: string; startDate: string; endDate: string; location: string;
  /** Chosen only by admins and officers with cohort rights; provider staff's is fixed. */
  provider?: string;
  seats?: string;
};

/** A new person as the enrol form takes them. */
export type PersonInput = { nik: string; name: string; gender: 'Laki-laki' | 'Perempuan'; birthDate: string; phone: string; education: string };

/**
 * The cohort screens in the default Indonesian UI: the list (`/cohorts`) with its
 * reminders, the cohort form, and a cohort's page with enrolment and the bulk recording
 * of graduation and certification, found by role and label as a user finds them.
 */
export class CohortsPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async openList() {
    await this.page.goto('/cohorts');
    await expect(this.heading).toHaveText('Angkatan pelatihan');
  }

  async open(cohortId: string, title: string) {
    await this.page.goto(`/cohorts/${cohortId}`);
    await expect(this.heading).toHaveText(title);
  }

  /** From the list: fills the form and saves; resolves on the new cohort's page with its id. */
  async createCohort(cohort: CohortInput): Promise<string> {
    await this.page.getByRole('link', { name: 'Buat angkatan', exact: true }).click();
    const form = this.page.getByRole('form', { name: 'Angkatan baru' });
    await expect(form).toBeVisible();
    if (cohort.provider !== undefined) await form.getByLabel('Lembaga pelatihan', { exact: true }).selectOption({ label: cohort.provider });
    await form.getByLabel('Kejuruan', { exact: true }).selectOption({ label: cohort.vocation });
    await form.getByLabel('Nama angkatan', { exact: true }).fill(cohort.title);
    await form.getByLabel('Sumber dana', { exact: true }).selectOption({ label: cohort.funding });
    await form.getByLabel('Tahun anggaran', { exact: true }).fill(cohort.budgetYear);
    await form.getByLabel('Tanggal mulai', { exact: true }).fill(cohort.startDate);
    await form.getByLabel('Tanggal selesai', { exact: true }).fill(cohort.endDate);
    await form.getByLabel('Lokasi', { exact: true }).fill(cohort.location);
    if (cohort.seats !== undefined) await form.getByLabel('Kuota peserta', { exact: true }).fill(cohort.seats);
    await form.getByRole('button', { name: 'Simpan angkatan' }).click();
    await expect(this.heading).toHaveText(cohort.title);
    return new URL(this.page.url()).pathname.split('/').at(-1) ?? '';
  }

  /** On a cohort's page: enrols one new person through the form, NIK first. */
  async enrol(person: PersonInput) {
    await this.page.getByRole('button', { name: 'Tambah peserta', exact: true }).click();
    const form = this.page.getByRole('form', { name: 'Tambah peserta' });
    await form.getByLabel('NIK', { exact: true }).fill(person.nik);
    await form.getByLabel('Nama lengkap', { exact: true }).fill(person.name);
    await form.getByRole('radio', { name: person.gender, exact: true }).check();
    await form.getByLabel('Tanggal lahir', { exact: true }).fill(person.birthDate);
    await form.getByLabel('No. HP/WA', { exact: true }).fill(person.phone);
    await form.getByLabel('Pendidikan terakhir', { exact: true }).selectOption({ label: person.education });
    await form.getByRole('button', { name: 'Tambahkan peserta' }).click();
    await expect(form.getByRole('status')).toHaveText(`${person.name} ditambahkan ke angkatan ini.`);
  }

  participantLink(name: string) {
    return this.page.getByRole('table').first().getByRole('link', { name, exact: true });
  }

  /** Ticks the first `count` participants of the list; resolves to their names, in list order. */
  async selectFirst(count: number): Promise<string[]> {
    const boxes = this.page.getByRole('checkbox', { name: /^Pilih (?!semua peserta$)/ });
    const names: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const box = boxes.nth(index);
      await box.check();
      const label = (await box.evaluate((input) => input.closest('label')?.textContent ?? '')).trim();
      names.push(label.replace(/^Pilih /, ''));
    }
    return names;
  }

  private get bulk() {
    return this.page.getByRole('form', { name: 'Ubah peserta terpilih' });
  }

  async recordGraduation(count: number, date: string) {
    await this.bulk.getByRole('radio', { name: 'Kelulusan', exact: true }).check();
    await this.bulk.getByRole('radio', { name: 'Lulus', exact: true }).check();
    await this.bulk.getByLabel('Tanggal lulus', { exact: true }).fill(date);
    await this.apply(count);
  }

  /** Certified competent, the certificate numbers pasted as one column; checks the preview first. */
  async pasteCertificates(names: readonly string[], numbers: readonly string[], issuedDate: string) {
    await this.bulk.getByRole('radio', { name: 'Sertifikasi', exact: true }).check();
    await this.bulk.getByRole('radio', { name: 'Kompeten', exact: true }).check();
    await this.bulk.getByLabel('Tanggal sertifikat terbit', { exact: true }).fill(issuedDate);
    await this.bulk.getByRole('radio', { name: 'Tempel satu kolom', exact: true }).check();
    await this.bulk.getByLabel('Nomor sertifikat, satu per baris', { exact: true }).fill(`${numbers.join('\n')}\n`);
    const preview = this.bulk.getByRole('table', { name: 'Pratinjau' }).getByRole('row');
    await expect(preview).toHaveText(names.map((name, index) => `${name}${numbers[index] ?? ''}`));
    await this.apply(names.length);
  }

  private async apply(count: number) {
    await this.bulk.getByRole('button', { name: `Terapkan ke ${count} peserta` }).click();
    await expect(this.bulk.getByRole('status')).toHaveText(`Dicatat untuk ${count} peserta di perangkat ini; dikirim ke server saat sinkron.`);
  }
}
