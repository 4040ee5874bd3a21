import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/client/i18n/format';
import { userDbName } from '../../src/client/storage/db';
import { releasedInThisTab } from '../../src/client/sync/exclusive';
import { SYNC_LOCK } from '../../src/client/sync/sync-runner';
import { recordSnapshot } from '../../src/server/sync/record-snapshot';
import { maskNik } from '../../src/shared/domain/participant-summary';
import type { SessionUser } from '../../src/shared/api/auth.api';
import type { Alumnus, Cohort, Enrollment } from '../../src/shared/schema';
import { NOW, seedAlumnus, seedCohort, seedEnrollment } from '../server/data/seed';
import { seedWorld, type World } from '../server/data/world';
import type { TestUser } from '../server/sign-in';
import { choose, descriptionOf, fill } from './forms';
import { outboxOf } from './outbox';
import { useRealServer } from './real-server';
import { renderSignedIn } from './render-app';
import { deviceOf } from './sync/device';
import { useLocalDbs } from './sync/local-db';

// Registered before the server helper so it runs after it (hooks run in reverse): unmounted first.
const databases: string[] = [];
afterEach(async () => {
  for (const name of databases.splice(0)) await Dexie.delete(name);
});
const freshDb = useLocalDbs();
const server = useRealServer();
// Registered after it, so it runs first: a sync cycle still running ends before the server goes.
afterEach(async () => {
  await releasedInThisTab(SYNC_LOCK);
});

type Makeup = { cohort: Cohort; dewi: Alumnus; eko: Alumnus; enrollments: { dewi: Enrollment; eko: Enrollment } };

/**
 * The two-provider world on the real server, plus provider A's make-up class of May 2024
 * whose two participants (Dewi, Eko) are still `enrolled`, Eko's assessment scheduled
 * for 15 June 2024 with no result: all in the change feed, so the app's first sync
 * brings it to the device, as after signing in.
 */
async function seed(): Promise<World & { makeup: Makeup }> {
  const world = await seedWorld(server.current.db);
  const db = server.current.db;
  const cohort = await seedCohort(db, {
    providerId: world.providerA, vocationId: world.vocationId, title: 'Tata rias Alfa', startDate: '2024-05-01', endDate: '2024-05-31', budgetYear: 2024, seats: 3,
  });
  const dewi = await seedAlumnus(db, { name: 'Dewi Delta' });
  const eko = await seedAlumnus(db, { name: 'Eko Echo' });
  const enrolled = { outcome: 'enrolled' as const, graduationDate: null };
  const enrollments = {
    dewi: await seedEnrollment(db, { cohortId: cohort.id, alumnusId: dewi.id, ...enrolled }),
    eko: await seedEnrollment(db, { cohortId: cohort.id, alumnusId: eko.id, ...enrolled, certification: 'scheduled', certificationScheduledDate: '2024-06-15' }),
  };
  await recordSnapshot(db, NOW);
  return { ...world, makeup: { cohort, dewi, eko, enrollments } };
}

/** Opens `path` as `user`, signed in on this device, and waits until `ready` finds what the first sync brings. */
async function open(user: TestUser, path: string, ready: () => Promise<unknown>, grants: Pick<SessionUser, 'managesCohorts'> = {}) {
  const [cookie = '', token = ''] = user.cookie.split('=');
  server.current.cookies.set(cookie, token);
  const sessionUser: SessionUser = { id: user.id, username: user.username, displayName: 'Staf Uji', role: user.role, providerId: user.providerId, providerName: null, ...grants };
  databases.push(userDbName(user.id));
  renderSignedIn(path, sessionUser);
  await ready();
}

const openCohort = (user: TestUser, cohort: Cohort) => open(user, `/cohorts/${cohort.id}`, () => screen.findByRole('heading', { level: 1, name: cohort.title }));
const region = (name: string) => within(screen.getByRole('region', { name }));
const click = (role: 'button' | 'radio' | 'checkbox', name: string) => fireEvent.click(screen.getByRole(role, { name }));
const day = (date: string) => formatDate(date, 'id');

describe('the cohort list', () => {
  it('reminds of graduations and certification results left unrecorded, then lists cohorts newest first', async () => {
    const { users, makeup } = await seed();
    await open(users.staffA, '/cohorts', () => screen.findByRole('region', { name: 'Pengingat' }));

    const reminders = region('Pengingat').getAllByRole('listitem').map((item) => item.textContent);
    expect(reminders).toEqual([
      `Tata rias Alfa: angkatan selesai ${day('2024-05-31')}, kelulusan 2 peserta belum dicatat. Buka angkatan`,
      `Tata rias Alfa: uji kompetensi 1 peserta dijadwalkan ${day('2024-06-15')}, hasilnya belum dicatat. Buka angkatan`,
    ]);
    expect(region('Pengingat').getAllByRole('link')[0]?.getAttribute('href')).toBe(`/cohorts/${makeup.cohort.id}`);

    const cards = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    // Provider A's own cohorts only, the latest start first; B's never reach this device.
    expect(cards).toEqual(['Pengingat', 'Tata rias Alfa', 'Barbershop Alfa']);
    expect(screen.getByText('2 peserta · 0 lulus · 0 bersertifikat')).toBeTruthy();
    expect(screen.getAllByText('Barbershop · LPK Alfa · APBD murni · 2024')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Buat angkatan' }).getAttribute('href')).toBe('/cohorts/new');
  });

  it('lets a supervisor read every provider\'s cohorts, with no reminders, no writing and NIKs masked', async () => {
    const { users, makeup } = await seed();
    await open(users.supervisor, '/cohorts', () => screen.findByRole('link', { name: 'Barbershop Bravo rahasia' }));
    expect(screen.queryByRole('link', { name: 'Buat angkatan' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Pengingat' })).toBeNull();

    fireEvent.click(screen.getByRole('link', { name: 'Tata rias Alfa' }));
    await screen.findByRole('heading', { level: 1, name: 'Tata rias Alfa' });
    expect(screen.getByText(maskNik(makeup.dewi.nik))).toBeTruthy();
    expect(screen.queryByText(makeup.dewi.nik)).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tambah peserta' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Ubah angkatan' })).toBeNull();
  });
});

describe('creating and editing a cohort', () => {
  it('puts each error beside its field, keeps what was typed, then saves on the device', async () => {
    const { users } = await seed();
    const { staffA } = users;
    await open(staffA, '/cohorts/new', () => screen.findByRole('option', { name: 'Barbershop' }));

    fill('Lokasi', 'Aula LPK Alfa');
    fill('Kuota peserta', '2O');
    fill('Tanggal mulai', '2024-10-10');
    fill('Tanggal selesai', '2024-10-01');
    click('button', 'Simpan angkatan');

    await screen.findByText('Periksa isian yang ditandai.');
    expect(descriptionOf(screen.getByLabelText('Nama angkatan'))).toBe('Wajib diisi.');
    expect(descriptionOf(screen.getByLabelText('Kejuruan'))).toBe('Wajib diisi.');
    expect(descriptionOf(screen.getByLabelText('Sumber dana'))).toBe('Wajib diisi.');
    expect(descriptionOf(screen.getByLabelText('Tanggal selesai'))).toBe('Tanggal selesai mendahului tanggal mulai.');
    expect(descriptionOf(screen.getByLabelText('Kuota peserta'))).toContain('Jenis isiannya salah.');
    expect(screen.getByLabelText<HTMLInputElement>('Lokasi').value).toBe('Aula LPK Alfa');
    expect(screen.getByLabelText<HTMLInputElement>('Kuota peserta').value).toBe('2O');
    expect(await outboxOf(staffA.id)).toEqual([]);

    fill('Nama angkatan', 'Barbershop Alfa II');
    choose('Kejuruan', screen.getByRole<HTMLOptionElement>('option', { name: 'Barbershop' }).value);
    choose('Sumber dana', 'apbd-perubahan');
    fill('Tahun anggaran', '2024');
    fill('Tanggal selesai', '2024-11-10');
    fill('Kuota peserta', '20');
    click('button', 'Simpan angkatan');

    await screen.findByRole('heading', { level: 1, name: 'Barbershop Alfa II' });
    expect(region('Tentang angkatan').getByText('APBD perubahan')).toBeTruthy();
    expect(region('Tentang angkatan').getByText('LPK Alfa')).toBeTruthy();
    expect(region('Tentang angkatan').getByText('20')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Peserta (0 dari 20 kuota)' })).toBeTruthy();
    const [entry] = await outboxOf(staffA.id);
    expect(entry).toMatchObject({ name: 'cohort.create', status: 'pending', args: { title: 'Barbershop Alfa II', location: 'Aula LPK Alfa', seats: 20, budgetYear: 2024, startDate: '2024-10-10', endDate: '2024-11-10' } });
    // The provider is the signer's own: the device and the server fill it in.
    expect(entry?.args).not.toHaveProperty('providerId');
    expect(location.pathname).toBe(`/cohorts/${(entry?.args as { id: string }).id}`);
  });

  it('lets an officer granted cohort rights find the cohorts tab and choose the provider', async () => {
    const { users, providerB } = await seed();
    const { officer } = users;
    await server.current.db.updateTable('users').set({ managesCohorts: 1 }).where('id', '=', officer.id).execute();
    await open(officer, '/cohorts/new', () => screen.findByRole('option', { name: 'LPK Bravo' }), { managesCohorts: true });
    expect(screen.getByRole('link', { name: 'Angkatan' }).getAttribute('href')).toBe('/cohorts');

    fill('Nama angkatan', 'Las Bravo I');
    choose('Kejuruan', screen.getByRole<HTMLOptionElement>('option', { name: 'Barbershop' }).value);
    choose('Sumber dana', 'apbn');
    fill('Tanggal mulai', '2025-03-03');
    fill('Tanggal selesai', '2025-04-11');
    click('button', 'Simpan angkatan');
    expect(descriptionOf(screen.getByLabelText('Lembaga pelatihan'))).toBe('Wajib diisi.');

    choose('Lembaga pelatihan', providerB);
    click('button', 'Simpan angkatan');
    await screen.findByRole('heading', { level: 1, name: 'Las Bravo I' });
    expect(region('Tentang angkatan').getByText('LPK Bravo')).toBeTruthy();
    // Enrolling stays with the provider's staff.
    expect(screen.queryByRole('button', { name: 'Tambah peserta' })).toBeNull();
    const [entry] = await outboxOf(officer.id);
    expect(entry).toMatchObject({ name: 'cohort.create', args: { title: 'Las Bravo I', providerId: providerB } });
  });

  it('offers an officer without cohort rights no cohort form and no cohorts tab', async () => {
    const { users } = await seed();
    await open(users.officer, '/cohorts/new', () => screen.findByRole('heading', { level: 1, name: 'Bukan untuk peran Anda' }));
    expect(screen.queryByRole('link', { name: 'Angkatan' })).toBeNull();
  });

  it('sends only the changed fields, with base = the values shown when the form opened', async () => {
    const { users, makeup } = await seed();
    await openCohort(users.staffA, makeup.cohort);
    fireEvent.click(screen.getByRole('link', { name: 'Ubah angkatan' }));
    await screen.findByRole('form', { name: 'Ubah angkatan' });

    expect(screen.getByLabelText<HTMLInputElement>('Tanggal selesai').value).toBe('2024-05-31');
    fill('Tanggal selesai', '2024-06-07');
    fill('Rencana uji kompetensi', '2024-07-01');
    click('button', 'Simpan angkatan');

    await screen.findByRole('heading', { level: 1, name: 'Tata rias Alfa' });
    expect((await outboxOf(users.staffA.id)).map(({ name, args }) => ({ name, args }))).toEqual([
      {
        name: 'cohort.update',
        args: { id: makeup.cohort.id, patch: { endDate: '2024-06-07', plannedCertificationDate: '2024-07-01' }, base: { endDate: '2024-05-31', plannedCertificationDate: null } },
      },
    ]);
  });
});

describe('enrolling one by one', () => {
  it('reuses the person a known NIK names: one alumnus, two enrolments', async () => {
    const { users, makeup, aOnly } = await seed();
    const { staffA } = users;
    await openCohort(staffA, makeup.cohort);
    click('button', 'Tambah peserta');
    const form = within(screen.getByRole('form', { name: 'Tambah peserta' }));

    fill('NIK', aOnly.nik.replace(/(\d{4})(?=\d)/g, '$1 '));
    expect(await form.findByText(`Sudah terdaftar: Andi Alfa, lahir ${day(aOnly.birthDate)}. Data orang ini dipakai; tidak dibuat orang baru.`)).toBeTruthy();
    expect(form.queryByLabelText('Nama lengkap')).toBeNull();
    fireEvent.click(form.getByRole('button', { name: 'Tambahkan peserta' }));

    await form.findByText('Andi Alfa ditambahkan ke angkatan ini.');
    expect(await screen.findByRole('link', { name: 'Andi Alfa' })).toBeTruthy();
    // The third of three seats: the clerk is told, and may still enrol a replacement.
    expect(await screen.findByText('Kuota angkatan ini sudah terisi: 3 peserta untuk 3 kursi. Peserta tambahan (misalnya pengganti) tetap bisa didaftarkan.')).toBeTruthy();
    const [entry] = await outboxOf(staffA.id);
    expect(entry).toMatchObject({ name: 'enrollment.create', args: { cohortId: makeup.cohort.id, alumnus: { id: aOnly.id, nik: aOnly.nik, name: 'Andi Alfa' } } });

    // The same NIK again is refused beside the field: already in this cohort.
    fill('NIK', aOnly.nik);
    fireEvent.click(form.getByRole('button', { name: 'Tambahkan peserta' }));
    await waitFor(() => expect(descriptionOf(form.getByLabelText('NIK'))).toContain('Orang dengan NIK ini sudah menjadi peserta angkatan ini.'));
    expect(await outboxOf(staffA.id)).toHaveLength(1);
  });

  it('makes a new person from the form, each error beside its field first', async () => {
    const { users, makeup } = await seed();
    const { staffA } = users;
    await openCohort(staffA, makeup.cohort);
    click('button', 'Tambah peserta');
    const form = within(screen.getByRole('form', { name: 'Tambah peserta' }));

    fill('NIK', '6471051508000');
    fill('Nama lengkap', 'Fajar Foxtrot');
    fireEvent.click(form.getByRole('button', { name: 'Tambahkan peserta' }));
    await form.findByText('Periksa isian yang ditandai.');
    expect(descriptionOf(form.getByLabelText('NIK'))).toContain('NIK harus tepat 16 angka.');
    expect(within(form.getByRole('group', { name: 'Jenis kelamin' })).getByText('Wajib diisi.')).toBeTruthy();
    expect(descriptionOf(form.getByLabelText('Tanggal lahir'))).toBe('Wajib diisi.');
    expect(form.getByLabelText<HTMLInputElement>('Nama lengkap').value).toBe('Fajar Foxtrot');

    fill('NIK', '6471051508000003');
    fireEvent.click(form.getByRole('radio', { name: 'Laki-laki' }));
    fill('Tanggal lahir', '2000-08-15');
    fill('No. HP/WA', '0812-7777-0003');
    choose('Pendidikan terakhir', 'smk');
    fireEvent.click(form.getByRole('button', { name: 'Tambahkan peserta' }));

    await form.findByText('Fajar Foxtrot ditambahkan ke angkatan ini.');
    expect((await outboxOf(staffA.id))[0]?.args).toMatchObject({
      cohortId: makeup.cohort.id,
      alumnus: { nik: '6471051508000003', name: 'Fajar Foxtrot', gender: 'male', birthDate: '2000-08-15', phone: '+6281277770003', whatsapp: '+6281277770003', education: 'smk' },
    });
    // Ready for the next person.
    expect(form.getByLabelText<HTMLInputElement>('NIK').value).toBe('');
  });
});

describe('graduation and certification in bulk', () => {
  it('graduates everyone selected: one enrollment.update each, with the values shown as base', async () => {
    const { users, makeup } = await seed();
    const { staffA } = users;
    await openCohort(staffA, makeup.cohort);
    // Nothing ticked: the sticky bar and the form's button offer nothing to apply.
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Ubah peserta terpilih' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Terapkan ke 0 peserta' }).disabled).toBe(true);

    click('checkbox', 'Pilih semua peserta');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Ubah peserta terpilih' }).disabled).toBe(false);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Pilih Dewi Delta' }).checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Tanggal lulus').value).toBe('2024-05-31');
    fill('Tanggal lulus', '2024-05-30');
    click('button', 'Terapkan ke 2 peserta');

    await screen.findByText('Dicatat untuk 2 peserta di perangkat ini; dikirim ke server saat sinkron.');
    const outbox = await outboxOf(staffA.id);
    expect(outbox.map(({ name, args }) => ({ name, args }))).toEqual(
      [makeup.enrollments.dewi, makeup.enrollments.eko].map((enrollment) => ({
        name: 'enrollment.update',
        args: { id: enrollment.id, patch: { outcome: 'graduated', graduationDate: '2024-05-30' }, base: { outcome: 'enrolled', graduationDate: null } },
      })),
    );
    // The list shows it at once: [checkbox, NIK, outcome, graduation date] are the row's cells.
    await waitFor(() => {
      const rows = screen.getAllByRole('row').slice(1);
      expect(rows.map((row) => within(row).getAllByRole('cell')[3]?.textContent)).toEqual([day('2024-05-30'), day('2024-05-30')]);
    });
  });

  it('pairs a pasted column of certificate numbers with the selected rows in order, refusing a count mismatch', async () => {
    const { users, makeup } = await seed();
    const { staffA } = users;
    await openCohort(staffA, makeup.cohort);

    click('checkbox', 'Pilih semua peserta');
    click('radio', 'Sertifikasi');
    click('radio', 'Kompeten');
    fill('Tanggal sertifikat terbit', '2025-02-10');
    click('radio', 'Tempel satu kolom');
    const pasted = fill('Nomor sertifikat, satu per baris', 'LSP-001\nLSP-002\nLSP-003\n');
    expect(descriptionOf(pasted)).toContain('Ada 3 nomor untuk 2 peserta terpilih: jumlahnya harus sama.');
    click('button', 'Terapkan ke 2 peserta');
    await screen.findByText('Periksa isian yang ditandai.');
    expect(await outboxOf(staffA.id)).toEqual([]);

    fill('Nomor sertifikat, satu per baris', 'LSP-001\r\nLSP-002\r\n');
    const preview = within(screen.getByRole('table', { name: 'Pratinjau' }));
    expect(preview.getAllByRole('row').map((row) => row.textContent)).toEqual(['Dewi DeltaLSP-001', 'Eko EchoLSP-002']);
    click('button', 'Terapkan ke 2 peserta');

    await screen.findByText('Dicatat untuk 2 peserta di perangkat ini; dikirim ke server saat sinkron.');
    expect((await outboxOf(staffA.id)).map(({ args }) => args)).toEqual([
      {
        id: makeup.enrollments.dewi.id,
        patch: { certification: 'competent', certificationIssuedDate: '2025-02-10', certificateNumber: 'LSP-001' },
        base: { certification: 'none', certificationIssuedDate: null, certificateNumber: '' },
      },
      {
        id: makeup.enrollments.eko.id,
        patch: { certification: 'competent', certificationIssuedDate: '2025-02-10', certificateNumber: 'LSP-002' },
        base: { certification: 'scheduled', certificationIssuedDate: null, certificateNumber: '' },
      },
    ]);
    expect(await screen.findByText('LSP-002')).toBeTruthy();
  });

  it('types certificate numbers one by one and schedules with a date', async () => {
    const { users, makeup } = await seed();
    await openCohort(users.staffA, makeup.cohort);

    click('checkbox', 'Pilih Eko Echo');
    click('radio', 'Sertifikasi');
    click('radio', 'Kompeten');
    fill('Nomor sertifikat Eko Echo', 'LSP-777');
    click('button', 'Terapkan ke 1 peserta');
    await screen.findByText('Dicatat untuk 1 peserta di perangkat ini; dikirim ke server saat sinkron.');
    expect((await outboxOf(users.staffA.id))[0]?.args).toMatchObject({ id: makeup.enrollments.eko.id, patch: { certification: 'competent', certificateNumber: 'LSP-777' } });
  });
});

describe('a compare-and-set conflict', () => {
  /** A colleague's laptop records Dewi's graduation on the 29th and syncs; this device, not yet told, records the 31st. */
  async function conflictOverDewi(staffA: TestUser, makeup: Makeup) {
    const colleague = deviceOf(server, freshDb(), staffA);
    await colleague.sync();
    expect(
      await colleague.mutate('enrollment.update', {
        id: makeup.enrollments.dewi.id, patch: { outcome: 'graduated', graduationDate: '2024-05-29' }, base: { outcome: 'enrolled', graduationDate: null },
      }),
    ).toMatchObject({ kind: 'ok' });
    expect(await colleague.sync()).toMatchObject({ kind: 'synced' });
    click('checkbox', 'Pilih Dewi Delta');
    click('button', 'Terapkan ke 1 peserta');
    await screen.findByText('Dicatat untuk 1 peserta di perangkat ini; dikirim ke server saat sinkron.');
    return within(await screen.findByRole('region', { name: 'Perlu ditinjau' }, { timeout: 10_000 }));
  }

  it('keeps the server value on request: the refused change is let go, nothing is sent', async () => {
    const { users, makeup } = await seed();
    await openCohort(users.staffA, makeup.cohort);
    const review = await conflictOverDewi(users.staffA, makeup);

    fireEvent.click(review.getByRole('button', { name: 'Pakai nilai server untuk Dewi Delta' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Perlu ditinjau' })).toBeNull());
    expect(await outboxOf(users.staffA.id)).toEqual([]);
    await waitFor(() => expect(screen.getAllByRole('row')[1]?.textContent).toContain(day('2024-05-29')));
  }, 30_000);

  it('shows a graduation date someone else changed meanwhile for review, then applies mine again on request', async () => {
    const { users, makeup } = await seed();
    const { staffA } = users;
    await openCohort(staffA, makeup.cohort);

    // This device's sync is refused with the server's value: shown for review, not overwritten.
    const review = await conflictOverDewi(staffA, makeup);
    expect(review.getByRole('heading', { level: 3, name: 'Dewi Delta' })).toBeTruthy();
    expect(review.getByText(`Isian Anda: ${day('2024-05-31')}`)).toBeTruthy();
    expect(review.getByText(`Sekarang di server: ${day('2024-05-29')}`)).toBeTruthy();
    const stored = () => server.current.db.selectFrom('enrollments').select(['graduationDate']).where('id', '=', makeup.enrollments.dewi.id).executeTakeFirstOrThrow();
    expect(await stored()).toEqual({ graduationDate: '2024-05-29' });
    await waitFor(() => expect(screen.getAllByRole('row')[1]?.textContent).toContain(day('2024-05-29')));

    fireEvent.click(review.getByRole('button', { name: 'Terapkan isian saya lagi untuk Dewi Delta' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Perlu ditinjau' })).toBeNull());
    const [again] = (await outboxOf(staffA.id)).filter((entry) => entry.status === 'pending');
    expect(again?.args).toEqual({
      id: makeup.enrollments.dewi.id, patch: { outcome: 'graduated', graduationDate: '2024-05-31' }, base: { outcome: 'graduated', graduationDate: '2024-05-29' },
    });
    await waitFor(async () => expect(await stored()).toEqual({ graduationDate: '2024-05-31' }), { timeout: 10_000 });
  }, 30_000);
});
