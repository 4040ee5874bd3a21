import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { draftKey } from '../../src/client/features/follow-up/follow-up-draft';
import { userDbName } from '../../src/client/storage/db';
import { releasedInThisTab } from '../../src/client/sync/exclusive';
import { SYNC_LOCK } from '../../src/client/sync/sync-runner';
import { recordSnapshot } from '../../src/server/sync/record-snapshot';
import type { SessionUser } from '../../src/shared/api/auth.api';
import { NOW } from '../server/data/seed';
import { seedWorld, type World } from '../server/data/world';
import type { TestUser } from '../server/sign-in';
import { choose, descriptionOf, fill } from './forms';
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
afterEach(() => {
  Reflect.deleteProperty(navigator, 'geolocation');
});

/**
 * The two-provider world on the real server, in the change feed. `aOnly` (Andi Alfa)
 * graduated on 30 March 2024 and was reached on 1 July 2024 by the officer; `shared`
 * (Citra Ganda) has one contact by the officer and one by provider B's staff.
 */
async function seed(): Promise<World> {
  const world = await seedWorld(server.current.db);
  await recordSnapshot(server.current.db, NOW);
  return world;
}

/** Opens `path` as `user`, signed in on this device, and waits until `ready` finds what the first sync brings. */
async function open(user: TestUser, path: string, ready: () => Promise<unknown>) {
  const [cookie = '', token = ''] = user.cookie.split('=');
  server.current.cookies.set(cookie, token);
  const sessionUser: SessionUser = { id: user.id, username: user.username, displayName: 'Petugas Uji', role: user.role, providerId: user.providerId, providerName: null };
  databases.push(userDbName(user.id));
  renderSignedIn(path, sessionUser);
  await ready();
}

const openForm = (user: TestUser, alumnusId: string, name: string) =>
  open(user, `/alumni/${alumnusId}/follow-up`, () => screen.findByRole('form', { name: `Catat kontak dengan ${name}` }));
const openAlumnus = (user: TestUser, alumnusId: string, name: string) =>
  open(user, `/alumni/${alumnusId}`, () => screen.findByRole('heading', { level: 1, name }));

const tap = (name: string) => fireEvent.click(screen.getByRole('radio', { name }));
const group = (name: string) => within(screen.getByRole('group', { name }));
const timeline = () => within(screen.getByRole('region', { name: 'Riwayat tindak lanjut' }));
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Simpan kontak' }));
const backOnAlumnusPage = (name: string) => screen.findByRole('heading', { level: 1, name });
const nextDateField = () => screen.getByLabelText<HTMLInputElement>('Tindak lanjut berikutnya');

describe('logging a follow-up', () => {
  it('logs "employed" with an employer: the timeline shows it at once and the outbox holds one follow-up.log', async () => {
    const world = await seed();
    const { officer } = world.users;
    await openForm(officer, world.aOnly.id, 'Andi Alfa');

    tap('Telepon');
    tap('Ya, terhubung');
    tap('Bekerja');
    fill('Tempat kerja', 'Bengkel Maju Jaya');
    fill('Jabatan', 'Mekanik');
    const month = fill('Mulai bekerja (bulan)', '2024-06');
    expect(month.type).toBe('month');
    choose('Penghasilan per bulan', '3m-5m');
    save();

    await backOnAlumnusPage('Andi Alfa');
    const entry = timeline().getByText('Tempat kerja: Bengkel Maju Jaya').closest('li') as HTMLElement;
    expect(within(entry).getByText('Bekerja')).toBeTruthy();
    expect(within(entry).getByText('Jabatan: Mekanik')).toBeTruthy();
    expect(within(entry).getByText('Sejak: 1 Jun 2024')).toBeTruthy();

    const outbox = await outboxOf(officer.id);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      name: 'follow-up.log',
      status: 'pending',
      args: {
        alumnusId: world.aOnly.id, channel: 'phone', reached: true, status: 'employed', employer: 'Bengkel Maju Jaya', jobTitle: 'Mekanik',
        statusStartDate: '2024-06-01', incomeBand: '3m-5m', unreachedReason: null, businessName: '', gpsLat: null,
      },
    });
    // Saved, the draft is gone.
    expect(localStorage.getItem(draftKey(officer.id, world.aOnly.id))).toBeNull();
  });

  it('requires a reason when the person was not reached, beside the question, keeping the notes', async () => {
    const world = await seed();
    const { officer } = world.users;
    await openForm(officer, world.aOnly.id, 'Andi Alfa');

    tap('WhatsApp');
    tap('Tidak terhubung');
    const notes = fill('Catatan', 'Centang satu, tidak dibalas');
    save();

    await screen.findByText('Periksa isian yang ditandai.');
    const reason = screen.getByRole('group', { name: 'Alasan tidak terhubung' });
    expect(within(reason).getByText('Alasannya wajib diisi.')).toBeTruthy();
    expect(descriptionOf(reason)).toBe('Alasannya wajib diisi.');
    expect(notes.value).toBe('Centang satu, tidak dibalas');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'WhatsApp' }).checked).toBe(true);
    expect(await outboxOf(officer.id)).toEqual([]);

    tap('Tidak menjawab');
    save();
    await backOnAlumnusPage('Andi Alfa');
    expect(timeline().getByText('Tidak terhubung: tidak menjawab')).toBeTruthy();
    expect((await outboxOf(officer.id)).map((entry) => entry.args)).toMatchObject([
      { channel: 'whatsapp', reached: false, unreachedReason: 'no-answer', status: null, notes: 'Centang satu, tidak dibalas' },
    ]);
  });

  it('requires the status found when the person was reached', async () => {
    const world = await seed();
    await openForm(world.users.officer, world.aOnly.id, 'Andi Alfa');
    tap('Kunjungan');
    tap('Ya, terhubung');
    save();
    await screen.findByText('Periksa isian yang ditandai.');
    expect(group('Status yang ditemukan').getByText('Kontak yang berhasil harus mencatat status yang ditemukan.')).toBeTruthy();
  });

  it('proposes the next date by the due-date rule for this contact, until the officer picks one', async () => {
    const world = await seed();
    const { officer } = world.users;
    await openForm(officer, world.aOnly.id, 'Andi Alfa');
    const contactTime = screen.getByLabelText<HTMLInputElement>('Waktu kontak');
    expect(contactTime.type).toBe('datetime-local');
    expect(nextDateField().type).toBe('date');
    // Nothing to propose yet: the hint says so rather than claim a proposal.
    expect(screen.getByText(/^Tidak ada usulan/)).toBeTruthy();
    expect(screen.queryByText(/^Diusulkan/)).toBeNull();

    // Graduated 30 March 2024; reached on 1 July (the 3-month milestone). Reached on 20
    // August, before the 6-month window opens (30 August): still due at 6 months.
    tap('Telepon');
    fill('Waktu kontak', '2024-08-20T10:00');
    tap('Ya, terhubung');
    await waitFor(() => expect(nextDateField().value).toBe('2024-09-30'));
    expect(screen.getByText(/^Diusulkan dari jadwal/)).toBeTruthy();

    // Reached on 5 September, inside the window: the next is the 12-month milestone.
    fill('Waktu kontak', '2024-09-05T10:00');
    await waitFor(() => expect(nextDateField().value).toBe('2025-03-30'));

    // Not reached on 5 September: the 6-month milestone is still open.
    tap('Tidak terhubung');
    await waitFor(() => expect(nextDateField().value).toBe('2024-09-30'));

    // Chosen by hand, it stays whatever else changes.
    fill('Tindak lanjut berikutnya', '2024-09-12');
    tap('Ya, terhubung');
    expect(nextDateField().value).toBe('2024-09-12');

    tap('Masih mencari kerja');
    save();
    await backOnAlumnusPage('Andi Alfa');
    expect((await outboxOf(officer.id))[0]?.args).toMatchObject({ status: 'seeking', nextFollowUpDate: '2024-09-12' });
  });

  it('keeps a draft when the officer leaves, restores it with a note, and discards it on request', async () => {
    const world = await seed();
    const { officer } = world.users;
    await openForm(officer, world.aOnly.id, 'Andi Alfa');
    expect(screen.queryByText(/Draf dipulihkan/)).toBeNull();

    tap('Kunjungan');
    tap('Ya, terhubung');
    tap('Berwirausaha');
    fill('Nama usaha', 'Pangkas Rambut Andi');
    const workers = fill('Jumlah pekerja', '2');
    expect(workers.inputMode).toBe('numeric');
    fill('Catatan', 'Buka sejak Juni');

    // Leaves for the alumnus page: nothing saved, nothing queued, the draft kept.
    fireEvent.click(screen.getByRole('link', { name: 'Kembali ke Andi Alfa' }));
    await backOnAlumnusPage('Andi Alfa');
    expect(await outboxOf(officer.id)).toEqual([]);
    expect(localStorage.getItem(draftKey(officer.id, world.aOnly.id))).toContain('Pangkas Rambut Andi');

    fireEvent.click(screen.getByRole('link', { name: 'Catat kontak' }));
    await screen.findByRole('form', { name: 'Catat kontak dengan Andi Alfa' });
    expect(screen.getByText('Draf dipulihkan: isian yang belum disimpan tadi.')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Kunjungan' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Berwirausaha' }).checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Nama usaha').value).toBe('Pangkas Rambut Andi');
    expect(screen.getByLabelText<HTMLInputElement>('Jumlah pekerja').value).toBe('2');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Catatan').value).toBe('Buka sejak Juni');

    fireEvent.click(screen.getByRole('button', { name: 'Buang draf' }));
    expect(screen.queryByText(/Draf dipulihkan/)).toBeNull();
    expect(screen.getByLabelText<HTMLTextAreaElement>('Catatan').value).toBe('');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Kunjungan' }).checked).toBe(false);
    expect(screen.queryByLabelText('Nama usaha')).toBeNull();
    expect(localStorage.getItem(draftKey(officer.id, world.aOnly.id))).toBeNull();
  });

  it('keeps drafts apart per user', async () => {
    const world = await seed();
    localStorage.setItem(draftKey(world.users.staffA.id, world.aOnly.id), JSON.stringify({ notes: 'Draf orang lain' }));
    await openForm(world.users.officer, world.aOnly.id, 'Andi Alfa');
    expect(screen.queryByText(/Draf dipulihkan/)).toBeNull();
    expect(screen.getByLabelText<HTMLTextAreaElement>('Catatan').value).toBe('');
  });

  it('adds a GPS fix with its accuracy only when asked', async () => {
    const world = await seed();
    const { officer } = world.users;
    let asked = 0;
    const geolocation: Pick<Geolocation, 'getCurrentPosition'> = {
      getCurrentPosition: (success) => {
        asked += 1;
        success({ coords: { latitude: -0.4948, longitude: 117.1436, accuracy: 12.4 } } as GeolocationPosition);
      },
    };
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: geolocation });
    await openForm(officer, world.aOnly.id, 'Andi Alfa');
    expect(asked).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Tambah lokasi' }));
    expect(await screen.findByText('Lokasi tercatat, akurasi ± 12 m.')).toBeTruthy();
    tap('Telepon');
    tap('Ya, terhubung');
    tap('Masih mencari kerja');
    save();
    await backOnAlumnusPage('Andi Alfa');
    expect((await outboxOf(officer.id))[0]?.args).toMatchObject({ gpsLat: -0.4948, gpsLng: 117.1436, gpsAccuracy: 12.4 });
  });

  it('says so when the location is refused', async () => {
    const world = await seed();
    const geolocation: Pick<Geolocation, 'getCurrentPosition'> = {
      getCurrentPosition: (_success, failure) => failure?.({ code: 1, message: 'denied' } as GeolocationPositionError),
    };
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: geolocation });
    await openForm(world.users.officer, world.aOnly.id, 'Andi Alfa');
    fireEvent.click(screen.getByRole('button', { name: 'Tambah lokasi' }));
    expect(await screen.findByText(/^Izin lokasi ditolak\./)).toBeTruthy();
  });

  it('is not offered to a supervisor', async () => {
    const world = await seed();
    await openAlumnus(world.users.supervisor, world.aOnly.id, 'Andi Alfa');
    expect(screen.queryByRole('link', { name: 'Catat kontak' })).toBeNull();
  });

  it('turns a supervisor who opens the address away', async () => {
    const world = await seed();
    await open(world.users.supervisor, `/alumni/${world.aOnly.id}/follow-up`, () => screen.findByRole('heading', { level: 1, name: 'Bukan untuk peran Anda' }));
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('offers provider staff the link for an alumnus of their own provider', async () => {
    const world = await seed();
    await openAlumnus(world.users.staffB, world.shared.id, 'Citra Ganda');
    expect(screen.getByRole('link', { name: 'Catat kontak' }).getAttribute('href')).toBe(`/alumni/${world.shared.id}/follow-up`);
  });
});

describe('voiding a follow-up', () => {
  it('requires a reason, then strikes the entry through with it', async () => {
    const world = await seed();
    const { officer } = world.users;
    await openAlumnus(officer, world.aOnly.id, 'Andi Alfa');

    const entry = timeline().getAllByRole('listitem')[0] as HTMLElement;
    fireEvent.click(within(entry).getByRole('button', { name: 'Batalkan' }));
    const form = within(screen.getByRole('form', { name: /^Batalkan kontak / }));
    fireEvent.click(form.getByRole('button', { name: 'Batalkan kontak ini' }));
    const reason = await form.findByText('Alasannya wajib diisi.');
    expect(descriptionOf(form.getByLabelText('Alasan pembatalan'))).toBe(reason.textContent);
    expect(await outboxOf(officer.id)).toEqual([]);

    fill('Alasan pembatalan', 'Tercatat untuk orang lain', form);
    fireEvent.click(form.getByRole('button', { name: 'Batalkan kontak ini' }));

    const note = await timeline().findByText(/Alasan: Tercatat untuk orang lain$/);
    expect(note.closest('s')).toBeNull();
    const voided = note.closest('li') as HTMLElement;
    expect(within(voided).getByText('Bekerja').closest('s')).not.toBeNull();
    expect(within(voided).queryByRole('button', { name: 'Batalkan' })).toBeNull();
    expect((await outboxOf(officer.id)).map(({ name, args }) => ({ name, args }))).toEqual([
      { name: 'follow-up.void', args: { id: world.followUps.aOnly.id, reason: 'Tercatat untuk orang lain' } },
    ]);
  });

  it('offers no void button on another officer’s entry', async () => {
    const world = await seed();
    await openAlumnus(world.users.officer, world.shared.id, 'Citra Ganda');
    const entries = timeline().getAllByRole('listitem');
    const byTime = (at: string) => entries.find((entry) => entry.querySelector('time')?.getAttribute('datetime') === at) as HTMLElement;
    expect(within(byTime(world.followUps.sharedByStaffB.contactedAt)).queryByRole('button', { name: 'Batalkan' })).toBeNull();
    expect(within(byTime(world.followUps.sharedByOfficer.contactedAt)).getByRole('button', { name: 'Batalkan' })).toBeTruthy();
  });

  it('offers a supervisor a void button on anyone\'s follow-up', async () => {
    const world = await seed();
    await openAlumnus(world.users.supervisor, world.aOnly.id, 'Andi Alfa');
    expect(timeline().getAllByRole('listitem')).toHaveLength(1);
    expect(timeline().getByRole('button', { name: 'Batalkan' })).toBeTruthy();
  });
});

describe('the follow-up form in English', () => {
  it('speaks English, errors included', async () => {
    localStorage.setItem('jejak.language', 'en');
    const world = await seed();
    await open(world.users.officer, `/alumni/${world.aOnly.id}/follow-up`, () => screen.findByRole('form', { name: 'Log a contact with Andi Alfa' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Phone' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Not reached' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save contact' }));
    const reason = await screen.findByRole('group', { name: 'Why not reached' });
    await waitFor(() => expect(within(reason).getByText('The reason is required.')).toBeTruthy());
  });
});
