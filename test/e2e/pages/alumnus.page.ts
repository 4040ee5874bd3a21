import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { formatPhone } from '../../../src/shared/domain/phone';

/** An alumnus as the server's API answers `GET /api/alumni/:id`. */
export type ServerAlumnus = { id: string; name: string; phone: string | null; whatsapp: string | null; address: string };

/**
 * The alumnus page (`/alumni/:id`) in the default Indonesian UI: identity, the contact
 * details with their form, training and the follow-up timeline, found by role and label.
 */
export class AlumnusPage {
  constructor(readonly page: Page) {}

  /** Opens the page; the person shows once this device holds them (after the first sync). */
  async open(alumnus: Pick<ServerAlumnus, 'id' | 'name'>) {
    await this.page.goto(`/alumni/${alumnus.id}`);
    await expect(this.heading).toHaveText(alumnus.name, { timeout: 90_000 });
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  get contact() {
    return this.page.getByRole('region', { name: 'Kontak' });
  }

  /** The follow-up timeline, newest first; each contact is one list item. */
  get timeline() {
    return this.page.getByRole('region', { name: 'Riwayat tindak lanjut' });
  }

  /** The timeline entry that reads `text` (an employer, "Tidak terhubung: tidak menjawab"). */
  timelineEntry(text: string) {
    return this.timeline.getByRole('listitem').filter({ hasText: text });
  }

  /** Opens the "log a contact" form from this page. */
  async logContact() {
    await this.page.getByRole('main').getByRole('link', { name: 'Catat kontak', exact: true }).click();
    await expect(this.page).toHaveURL(/\/follow-up$/);
  }

  /** A stored phone or WhatsApp number (`+62…`), shown as a link the way people read it (`0812-…`). */
  contactLink(stored: string) {
    return this.contact.getByRole('link', { name: formatPhone(stored), exact: true });
  }

  /** A stored WhatsApp number, shown as text the way people read it: the "Kirim pesan WhatsApp" button is its link. */
  whatsAppNumber(stored: string) {
    return this.contact.getByText(formatPhone(stored), { exact: true });
  }

  /** Opens the contact form, types what is given, saves, and waits for the "saved" word. */
  async editContact(changes: { phone?: string; whatsapp?: string; address?: string }) {
    await this.contact.getByRole('button', { name: 'Ubah kontak' }).click();
    const form = this.page.getByRole('form', { name: /^Ubah kontak/ });
    if (changes.phone !== undefined) await form.getByLabel('Telepon', { exact: true }).fill(changes.phone);
    if (changes.whatsapp !== undefined) await form.getByLabel('WhatsApp', { exact: true }).fill(changes.whatsapp);
    if (changes.address !== undefined) await form.getByLabel('Alamat', { exact: true }).fill(changes.address);
    await form.getByRole('button', { name: 'Simpan kontak' }).click();
    await expect(this.contact.getByRole('status')).toHaveText('Kontak disimpan di perangkat ini dan dikirim ke server saat sinkron.');
  }
}

/** The first `count` alumni the server lists for the signed-in user, from `offset`. */
export async function alumniOnServer(request: APIRequestContext, count: number, offset = 0): Promise<ServerAlumnus[]> {
  const response = await request.get(`/api/alumni?limit=${count}&offset=${offset}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { alumni: ServerAlumnus[] }).alumni;
}

/** One alumnus as the server holds it now. */
export async function alumnusOnServer(request: APIRequestContext, id: string): Promise<ServerAlumnus> {
  const response = await request.get(`/api/alumni/${id}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { alumnus: ServerAlumnus }).alumnus;
}
