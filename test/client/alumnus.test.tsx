import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { userDbName } from '../../src/client/storage/db';
import { releasedInThisTab } from '../../src/client/sync/exclusive';
import { SYNC_LOCK } from '../../src/client/sync/sync-runner';
import { createAreaPlace } from '../../src/server/catalog/area-places.service';
import { recordSnapshot } from '../../src/server/sync/record-snapshot';
import type { SessionUser } from '../../src/shared/api/auth.api';
import { NOW, seedFollowUp } from '../server/data/seed';
import { seedWorld, type World } from '../server/data/world';
import type { TestUser } from '../server/sign-in';
import { descriptionOf, fill } from './forms';
import { outboxOf } from './outbox';
import { useRealServer } from './real-server';
import { renderSignedIn } from './render-app';

// Registered before the server helper so it runs after it (hooks run in reverse): unmounted first.
const databases: string[] = [];
afterEach(async () => {
  for (const name of databases.splice(0)) await Dexie.delete(name);
});
const server = useRealServer();
// Registered after it, so it runs first: a sync cycle still running ends before the server goes.
afterEach(async () => {
  await releasedInThisTab(SYNC_LOCK);
});

/**
 * The two-provider world on the real server, plus a history for `aOnly` (the world's
 * 1 July contact, a voided one and a newer unreached one), all in the change feed: the
 * app's first sync brings it to the device, as it would after signing in.
 */
async function seedHistory(): Promise<World> {
  const world = await seedWorld(server.current.db);
  const officerId = world.users.officer.id;
  await seedFollowUp(server.current.db, {
    alumnusId: world.aOnly.id, officerId, contactedAt: '2024-07-10T02:00:00.000Z', status: 'seeking', notes: 'Catatan yang keliru',
    voidedAt: '2024-07-11T02:00:00.000Z', voidedBy: officerId, voidReason: 'Tercatat untuk orang lain',
  });
  await seedFollowUp(server.current.db, {
    alumnusId: world.aOnly.id, officerId, contactedAt: '2024-07-20T02:00:00.000Z', reached: false, unreachedReason: 'no-answer',
  });
  await recordSnapshot(server.current.db, NOW);
  return world;
}

/** Opens `/alumni/:id` as `user`, signed in on this device, and waits for the first sync to bring the person. */
async function openAlumnus(user: TestUser, alumnusId: string, name: string) {
  const [cookie = '', token = ''] = user.cookie.split('=');
  server.current.cookies.set(cookie, token);
  const sessionUser: SessionUser = { id: user.id, username: user.username, displayName: 'Petugas Uji', role: user.role, providerId: user.providerId, providerName: null };
  databases.push(userDbName(user.id));
  renderSignedIn(`/alumni/${alumnusId}`, sessionUser);
  await screen.findByRole('heading', { level: 1, name });
}

const region = (name: string) => within(screen.getByRole('region', { name }));
const PHONE_INVALID = 'Harus nomor telepon Indonesia, misalnya 0812-3456-7890.';

describe('the alumnus page', () => {
  it('shows identity, contact, training and the follow-ups newest first', async () => {
    const world = await seedHistory();
    await openAlumnus(world.users.officer, world.aOnly.id, 'Andi Alfa');

    const identity = region('Identitas');
    expect(identity.getByText(world.aOnly.nik)).toBeTruthy();
    expect(identity.getByText('Laki-laki')).toBeTruthy();
    expect(identity.getByText('1 Jan 1990')).toBeTruthy();
    expect(identity.getByText('SMA')).toBeTruthy();

    const phone = region('Kontak').getByRole('link', { name: '0812-1111-0001' });
    expect(phone.getAttribute('href')).toBe('tel:+6281211110001');
    // WhatsApp and SMS open with a ready message to a man, greeted by this device's hour.
    const sms = region('Kontak').getByRole('link', { name: 'Kirim SMS' });
    const body = new URLSearchParams(sms.getAttribute('href')?.split('?')[1]).get('body');
    expect(sms.getAttribute('href')).toMatch(/^sms:\+6281211110001\?body=/);
    expect(body).toMatch(/^Selamat (pagi|siang|sore|malam), Bapak Andi Alfa, kami dari Disnaker /);
    const chat = region('Kontak').getByRole('link', { name: 'Kirim pesan WhatsApp' });
    expect(new URL(chat.getAttribute('href') ?? '').searchParams.get('text')).toBe(body);

    const training = region('Pelatihan');
    expect(training.getByRole('heading', { level: 3, name: 'Barbershop Alfa' })).toBeTruthy();
    expect(training.getByText(/LPK Alfa/)).toBeTruthy();
    expect(training.getByText('Lulus')).toBeTruthy();
    expect(training.getByText('30 Mar 2024')).toBeTruthy();

    const entries = region('Riwayat tindak lanjut').getAllByRole('listitem');
    expect(entries.map((entry) => entry.querySelector('time')?.getAttribute('datetime'))).toEqual([
      '2024-07-20T02:00:00.000Z',
      '2024-07-10T02:00:00.000Z',
      '2024-07-01T02:00:00.000Z',
    ]);
    expect(within(entries[0] as HTMLElement).getByText('Tidak terhubung: tidak menjawab')).toBeTruthy();
    expect(within(entries[2] as HTMLElement).getByText('Bekerja')).toBeTruthy();
  });

  it('strikes a voided follow-up through and gives its reason', async () => {
    const world = await seedHistory();
    await openAlumnus(world.users.officer, world.aOnly.id, 'Andi Alfa');

    const timeline = region('Riwayat tindak lanjut');
    expect(timeline.getByText('Catatan: Catatan yang keliru').closest('s')).not.toBeNull();
    const reason = timeline.getByText(/Alasan: Tercatat untuk orang lain$/);
    expect(reason.closest('s')).toBeNull();
    expect(reason.textContent).toMatch(/^Dibatalkan .+ oleh Uji officer\. Alasan/);
    // The other contacts stand.
    expect(timeline.getByText('Tidak terhubung: tidak menjawab').closest('s')).toBeNull();
  });

  it('saves a phone typed as 08…, normalised, on the device and in the outbox', async () => {
    const world = await seedHistory();
    const { officer } = world.users;
    await openAlumnus(officer, world.aOnly.id, 'Andi Alfa');

    fireEvent.click(screen.getByRole('button', { name: 'Ubah kontak' }));
    const field = fill('Telepon', '0812-5555-0001');
    expect(field.type).toBe('tel');
    expect(field.inputMode).toBe('tel');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kontak' }));

    await screen.findByText('Kontak disimpan di perangkat ini dan dikirim ke server saat sinkron.');
    expect(await region('Kontak').findByRole('link', { name: '0812-5555-0001' })).toBeTruthy();
    const outbox = await outboxOf(officer.id);
    expect(outbox).toMatchObject([
      { name: 'alumnus.update-contact', status: 'pending', args: { id: world.aOnly.id, patch: { phone: '+6281255550001' } } },
    ]);
    // Only the field that changed is sent: no other field's correction is overridden.
    expect(Object.keys((outbox[0]?.args as { patch: object }).patch)).toEqual(['phone']);
  });

  it('edits email, kabupaten/kota, provinsi and place of birth, and refuses an email that is not one', async () => {
    const world = await seedHistory();
    const { officer } = world.users;
    await openAlumnus(officer, world.aOnly.id, 'Andi Alfa');

    fireEvent.click(screen.getByRole('button', { name: 'Ubah kontak' }));
    const email = fill('Email', 'andi@contoh');
    fill('Kabupaten/kota', 'Kota Bontang');
    fill('Provinsi', 'Kalimantan Timur');
    fill('Tempat lahir', 'Bontang');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kontak' }));
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));

    fill('Email', 'andi@contoh.id');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kontak' }));
    await screen.findByText('Kontak disimpan di perangkat ini dan dikirim ke server saat sinkron.');
    expect(await region('Kontak').findByRole('link', { name: 'andi@contoh.id' })).toBeTruthy();
    expect(region('Identitas').getByText('Bontang')).toBeTruthy();
    expect(await outboxOf(officer.id)).toMatchObject([{
      name: 'alumnus.update-contact',
      args: { patch: { email: 'andi@contoh.id', regency: 'Kota Bontang', province: 'Kalimantan Timur', birthPlace: 'Bontang' } },
    }]);
  });

  it('chooses kecamatan and kelurahan from the office\'s list, a kelurahan only under its kecamatan', async () => {
    const world = await seedHistory();
    const { officer, admin } = world.users;
    const places = [['Bontang Utara', 'Loktuan'], ['Bontang Utara', 'Api-Api'], ['Bontang Barat', 'Kanaan']] as const;
    for (const [kecamatan, kelurahan] of places) {
      await createAreaPlace(server.current.db, { kecamatan, kelurahan, deleted: false }, admin.id, new Date(NOW));
    }
    await openAlumnus(officer, world.aOnly.id, 'Andi Alfa');

    fireEvent.click(screen.getByRole('button', { name: 'Ubah kontak' }));
    const kecamatan = await screen.findByRole('combobox', { name: 'Kecamatan' });
    await waitFor(() => expect(within(kecamatan).getByRole('option', { name: 'Bontang Utara' })).toBeTruthy());
    fireEvent.change(kecamatan, { target: { value: 'Bontang Utara' } });
    const kelurahan = screen.getByRole('combobox', { name: 'Kelurahan' });
    expect(within(kelurahan).getAllByRole('option').map((option) => option.textContent)).toEqual(['(belum diisi)', 'Api-Api', 'Loktuan']);
    fireEvent.change(kelurahan, { target: { value: 'Loktuan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kontak' }));

    await screen.findByText('Kontak disimpan di perangkat ini dan dikirim ke server saat sinkron.');
    expect(await outboxOf(officer.id)).toMatchObject([{
      name: 'alumnus.update-contact', args: { patch: { kecamatan: 'Bontang Utara', kelurahan: 'Loktuan' } },
    }]);
  });

  it('refuses a phone that cannot be one beside the field, keeping what was typed', async () => {
    const world = await seedHistory();
    const { officer } = world.users;
    await openAlumnus(officer, world.aOnly.id, 'Andi Alfa');

    fireEvent.click(screen.getByRole('button', { name: 'Ubah kontak' }));
    fill('Alamat', 'Jl. Merdeka No. 5');
    const phone = fill('Telepon', '12345');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kontak' }));

    await screen.findByText('Periksa isian yang ditandai.');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(phone)).toContain(PHONE_INVALID);
    expect(phone.value).toBe('12345');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Alamat').value).toBe('Jl. Merdeka No. 5');
    expect(await outboxOf(officer.id)).toEqual([]);

    // Corrected, it goes through with both changes.
    fill('Telepon', '+62 812 5555 0002');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kontak' }));
    await screen.findByText('Kontak disimpan di perangkat ini dan dikirim ke server saat sinkron.');
    expect(await region('Kontak').findByText('Jl. Merdeka No. 5')).toBeTruthy();
    expect((await outboxOf(officer.id)).map((entry) => entry.args)).toEqual([
      { id: world.aOnly.id, patch: { phone: '+6281255550002', address: 'Jl. Merdeka No. 5' } },
    ]);
  });

  it('offers the contact form to provider staff for their own alumni', async () => {
    const world = await seedHistory();
    await openAlumnus(world.users.staffB, world.shared.id, 'Citra Ganda');
    expect(screen.getByRole('button', { name: 'Ubah kontak' })).toBeTruthy();
  });

  it('lets provider staff withdraw their own provider\'s enrolment with a reason, queued for the server', async () => {
    const world = await seedHistory();
    await openAlumnus(world.users.staffB, world.shared.id, 'Citra Ganda');
    const training = region('Pelatihan');
    fireEvent.click(training.getByRole('button', { name: 'Tarik pendaftaran di Barbershop Bravo rahasia' }));
    const form = within(screen.getByRole('form', { name: 'Tarik pendaftaran di Barbershop Bravo rahasia' }));

    fireEvent.click(form.getByRole('button', { name: 'Tarik pendaftaran ini' }));
    const reason = await form.findByLabelText<HTMLTextAreaElement>('Alasan penarikan');
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(await outboxOf(world.users.staffB.id)).toEqual([]);

    fill('Alasan penarikan', 'Salah orang');
    fireEvent.click(form.getByRole('button', { name: 'Tarik pendaftaran ini' }));
    await screen.findByText('Pendaftaran ditarik.');
    expect(await outboxOf(world.users.staffB.id)).toMatchObject([
      { name: 'enrollment.withdraw', status: 'pending', args: { id: world.enrollments.sharedB.id, reason: 'Salah orang' } },
    ]);
  });

  it('offers no withdrawal to an officer', async () => {
    const world = await seedHistory();
    await openAlumnus(world.users.officer, world.shared.id, 'Citra Ganda');
    expect(screen.queryByRole('button', { name: /^Tarik pendaftaran/ })).toBeNull();
  });

  it('shows a supervisor the person without the contact form', async () => {
    const world = await seedHistory();
    await openAlumnus(world.users.supervisor, world.aOnly.id, 'Andi Alfa');
    expect(region('Kontak').getByRole('link', { name: '0812-1111-0001' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ubah kontak' })).toBeNull();
  });

  it('says so when no such alumnus is on the device', async () => {
    const world = await seedHistory();
    await openAlumnus(world.users.officer, '00000000-0000-4000-8000-00000000dead', 'Alumni tidak ditemukan');
    expect(screen.getByRole('link', { name: 'Ke daftar alumni' }).getAttribute('href')).toBe('/alumni');
  });
});

describe('the alumnus page in English', () => {
  it('speaks English when chosen, errors included', async () => {
    localStorage.setItem('jejak.language', 'en');
    const world = await seedHistory();
    await openAlumnus(world.users.officer, world.aOnly.id, 'Andi Alfa');
    fireEvent.click(screen.getByRole('button', { name: 'Edit contact' }));
    const whatsapp = fill('WhatsApp', '0000');
    fireEvent.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(descriptionOf(whatsapp)).toContain('Must be an Indonesian phone number such as 0812-3456-7890.'));
    expect(whatsapp.value).toBe('0000');
  });
});
