import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, userDbName } from '../../src/client/storage/db';
import { releasedInThisTab } from '../../src/client/sync/exclusive';
import { SYNC_LOCK } from '../../src/client/sync/sync-runner';
import { recordSnapshot } from '../../src/server/sync/record-snapshot';
import type { SessionUser } from '../../src/shared/api/auth.api';
import type { Cohort } from '../../src/shared/schema';
import { seedCohort } from '../server/data/seed';
import { seedWorld, type World } from '../server/data/world';
import type { TestUser } from '../server/sign-in';
import { choose, fill } from './forms';
import { setOnline } from './network';
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

/** The two-provider world plus an empty second cohort of provider A, all in the change feed. */
async function seed(): Promise<World & { emptyCohort: Cohort }> {
  const world = await seedWorld(server.current.db);
  const emptyCohort = await seedCohort(server.current.db, { providerId: world.providerA, vocationId: world.vocationId, title: 'Barbershop Alfa II', startDate: '2024-09-01', endDate: '2024-09-30' });
  await recordSnapshot(server.current.db, new Date('2024-08-31T00:00:00.000Z'));
  return { ...world, emptyCohort };
}

/** Opens `path` as `user`, signed in on this device, and waits until the first sync has brought `cohort`. */
async function openImport(user: TestUser, path: string, cohort: Cohort) {
  const [cookie = '', token = ''] = user.cookie.split('=');
  server.current.cookies.set(cookie, token);
  const sessionUser: SessionUser = { id: user.id, username: user.username, displayName: 'Staf LPK', role: user.role, providerId: user.providerId, providerName: 'LPK Alfa' };
  databases.push(userDbName(user.id));
  renderSignedIn(path, sessionUser);
  await screen.findByRole('option', { name: (name) => name.startsWith(`${cohort.title} (`) }, { timeout: 5000 });
}

function chooseFile(name: string, text: string) {
  const input = screen.getByLabelText('Berkas peserta (CSV atau XLSX)');
  fireEvent.change(input, { target: { files: [new File([text], name)] } });
}

const csv = (...lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;
const status = () => within(screen.getByRole('region', { name: 'Pratinjau' })).getByRole('status');
const card = (number: number) => within(screen.getByRole('listitem', { name: new RegExp(`^Baris ${number}\\b`) }));

describe('importing participants from a file', () => {
  it('checks every row, lets one be fixed, enrols the valid ones (a known NIK reused) and queues them', async () => {
    const world = await seed();
    const staff = world.users.staffA;
    await openImport(staff, `/import?cohort=${world.emptyCohort.id}`, world.emptyCohort);
    expect(screen.getByLabelText<HTMLSelectElement>('Angkatan tujuan').value).toBe(world.emptyCohort.id);

    chooseFile('peserta.csv', csv(
      'DAFTAR PESERTA BARBERSHOP ALFA II',
      'NIK;Nama Lengkap;L/P;Tgl. Lahir;No HP;Pendidikan',
      `${world.aOnly.nik};Andi Alfa;L;01/01/1990;;SMA`,
      '6474011708010001;Ahmad Fauzi;L;17/08/2001;0812-3456-7001;SMA',
      '647401170801;Budi Santoso;L;17/08/2001;;SMP',
      '6474014503990002;Siti Nurhaliza;P;05/03/1999;;SMK',
      '6474 0145 0399 0002;Siti N.;P;31/02/1999;;SMK',
    ));
    await screen.findByText('peserta.csv: 5 baris data, kepala kolom di baris 2.');
    expect(screen.getByLabelText<HTMLSelectElement>('Kolom “L/P”').value).toBe('gender');
    expect(status().textContent).toBe('2 baris siap diimpor, 3 baris bermasalah.');
    expect(card(5).getByText('NIK harus tepat 16 angka.')).toBeTruthy();
    expect(card(6).getByText('NIK yang sama ada di baris 7.')).toBeTruthy();
    expect(card(7).getByText('NIK yang sama ada di baris 6.')).toBeTruthy();
    expect(card(7).getByText('Tanggal ini tidak ada di kalender.')).toBeTruthy();

    // Fixing the short NIK checks its row again at once; the row stays in view.
    fill('Baris 5: NIK', '6474011708010004');
    expect(card(5).getByText('Siap diimpor')).toBeTruthy();
    expect(status().textContent).toBe('3 baris siap diimpor, 2 baris bermasalah.');

    fireEvent.click(screen.getByRole('button', { name: 'Impor 3 peserta' }));
    await screen.findByText('3 peserta diimpor, 2 baris tidak diimpor.');
    const download = screen.getByRole('link', { name: 'Unduh 2 baris yang tidak diimpor (CSV)' });
    expect(download.getAttribute('download')).toBe('peserta-tidak-diimpor.csv');
    expect(download.getAttribute('href')).toMatch(/^blob:/);

    const db = openDb(userDbName(staff.id));
    try {
      const enrolled = await db.enrollments.where('cohortId').equals(world.emptyCohort.id).toArray();
      expect(enrolled).toHaveLength(3);
      // NIK first: Andi, trained before in cohort A, is the same alumnus with a second enrolment.
      expect(enrolled.map((enrollment) => enrollment.alumnusId)).toContain(world.aOnly.id);
      expect(await db.alumni.where('nik').equals(world.aOnly.nik).count()).toBe(1);
      expect((await db.alumni.where('nik').equals('6474011708010004').first())?.name).toBe('Budi Santoso');
    } finally {
      db.close();
    }
    const outbox = await outboxOf(staff.id);
    expect(outbox.map((entry) => entry.name)).toEqual(['enrollment.create', 'enrollment.create', 'enrollment.create']);
    expect(outbox[0]?.args).toMatchObject({ cohortId: world.emptyCohort.id, alumnus: { id: world.aOnly.id, nik: world.aOnly.nik } });

    // Online, the queue reaches the server, which keeps Andi as one person with two enrolments.
    await waitFor(async () => expect(await outboxOf(staff.id)).toEqual([]), { timeout: 10_000 });
    const onServer = await server.current.db.selectFrom('enrollments').select(['alumnusId']).where('cohortId', '=', world.emptyCohort.id).execute();
    expect(onServer).toHaveLength(3);
    expect(await server.current.db.selectFrom('enrollments').select('id').where('alumnusId', '=', world.aOnly.id).execute()).toHaveLength(2);
  }, 30_000);

  it('shows ready rows behind a disclosure, and imports the row the clerk keeps of a NIK listed twice', async () => {
    const world = await seed();
    const staff = world.users.staffA;
    await openImport(staff, `/import?cohort=${world.emptyCohort.id}`, world.emptyCohort);
    chooseFile('ganda.csv', csv(
      'NIK;Nama;JK;TTL;Pendidikan;E-mail;Kab/Kota;Provinsi',
      '6474011708010001;Ahmad Fauzi;L;Bontang, 17-08-2001;SMA;;;',
      '6474014503990002;Siti Nurhaliza;P;Samarinda, 05/03/1999;SMK;siti@contoh.id;Kota Bontang;Kalimantan Timur',
      '6474011708010001;Ahmad Fauzi Rahman;L;Bontang, 17-08-2001;SMA;;;',
    ));
    await waitFor(() => expect(status().textContent).toBe('1 baris siap diimpor, 2 baris bermasalah.'));
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan 1 baris siap' }));
    const ready = within(screen.getByRole('table', { name: 'Baris siap diimpor' }));
    expect(ready.getByRole('rowheader', { name: '3' })).toBeTruthy();
    expect(ready.getByRole('cell', { name: 'siti@contoh.id' })).toBeTruthy();

    fireEvent.click(card(4).getByRole('radio', { name: /^Impor baris 4 untuk NIK ini/ }));
    await waitFor(() => expect(status().textContent).toBe('2 baris siap diimpor, 1 baris bermasalah.'));
    expect(card(2).getByText('Tidak diimpor: untuk NIK ini dipilih baris 4.')).toBeTruthy();
    expect(card(4).getByRole<HTMLInputElement>('radio').checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Impor 2 peserta' }));
    await screen.findByText('2 peserta diimpor, 1 baris tidak diimpor.');
    const db = openDb(userDbName(staff.id));
    try {
      expect(await db.alumni.where('nik').equals('6474011708010001').first()).toMatchObject({ name: 'Ahmad Fauzi Rahman', birthPlace: 'Bontang' });
      expect(await db.alumni.where('nik').equals('6474014503990002').first()).toMatchObject({
        birthPlace: 'Samarinda', email: 'siti@contoh.id', regency: 'Kota Bontang', province: 'Kalimantan Timur',
      });
    } finally {
      db.close();
    }
  }, 30_000);

  it('flags a NIK already enrolled in the chosen cohort, and follows a change of cohort', async () => {
    const world = await seed();
    await openImport(world.users.staffA, '/import', world.cohortA);
    chooseFile('ulang.csv', csv('NIK,Nama,JK,Tanggal Lahir,Pendidikan', `${world.aOnly.nik},Andi Alfa,L,1999-08-05,SMA`));
    expect(await screen.findByRole('button', { name: 'Impor 1 peserta' })).toHaveProperty('disabled', true);

    choose('Angkatan tujuan', world.cohortA.id);
    await waitFor(() => expect(status().textContent).toBe('0 baris siap diimpor, 1 baris bermasalah.'));
    expect(card(2).getByText('NIK ini sudah terdaftar di angkatan ini.')).toBeTruthy();

    choose('Angkatan tujuan', world.emptyCohort.id);
    await waitFor(() => expect(status().textContent).toBe('Semua 1 baris siap diimpor.'));
    expect(screen.getByRole('button', { name: 'Impor 1 peserta' })).toHaveProperty('disabled', false);
  }, 20_000);

  it('holds back a NIK that went through a number until the clerk checks it or retypes it', async () => {
    const world = await seed();
    await openImport(world.users.staffA, `/import?cohort=${world.emptyCohort.id}`, world.emptyCohort);
    chooseFile('angka.csv', csv(
      'NIK;Nama;JK;Tgl Lahir;Pendidikan',
      '6.474011708010010E+15;Wawan;L;17/08/2001;SMA',
      '6.474011708010020E+15;Yuni;P;17/08/2001;SMA',
      '6,47401E+15;Zainal;L;17/08/2001;SMA',
    ));
    await waitFor(() => expect(status().textContent).toBe('0 baris siap diimpor, 3 baris bermasalah.'));
    expect(card(2).getByText(/^Periksa digit terakhir: Excel hanya menyimpan 15 angka/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Baris 2: NIK').value).toBe('6474011708010010');
    // Digits that are gone cannot be confirmed, only retyped.
    expect(card(4).queryByRole('button', { name: /sudah dicocokkan/ })).toBeNull();

    fireEvent.click(card(2).getByRole('button', { name: 'NIK 6474011708010010 sudah dicocokkan dengan KTP' }));
    expect(card(2).getByText('Siap diimpor')).toBeTruthy();
    fill('Baris 3: NIK', '6474014508010021');
    expect(card(3).getByText('Siap diimpor')).toBeTruthy();
    expect(status().textContent).toBe('2 baris siap diimpor, 1 baris bermasalah.');
  }, 20_000);

  it('speaks English when the user chose it, also in the problems', async () => {
    const world = await seed();
    localStorage.setItem('jejak.language', 'en');
    await openImport(world.users.staffA, `/import?cohort=${world.emptyCohort.id}`, world.emptyCohort);
    const input = screen.getByLabelText('Participant file (CSV or XLSX)');
    fireEvent.change(input, { target: { files: [new File([csv('NIK,Name,Gender,Birth date,Education', '123,Budi,X,17/08/2001,SMA')], 'en.csv')] } });
    const row = within(await screen.findByRole('listitem', { name: /^Row 2\b/ }));
    expect(row.getByText('NIK must have exactly 16 digits.')).toBeTruthy();
    expect(row.getByText('Write L or P (male/female).')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Row 2: Gender').value).toBe('X');
    expect(within(screen.getByRole('region', { name: 'Preview' })).getByRole('status').textContent).toBe('0 rows ready to import, 1 rows with problems.');
  }, 20_000);

  it('asks for the required columns it could not guess', async () => {
    const world = await seed();
    await openImport(world.users.staffA, `/import?cohort=${world.cohortA.id}`, world.cohortA);
    chooseFile('sedikit.csv', csv('Nomor;Nama;Lahir', '6474011708010001;Ahmad;17/08/2001'));
    expect(await screen.findByText('Belum ada kolom untuk: NIK, Jenis kelamin, Tanggal lahir, Pendidikan.')).toBeTruthy();
    expect(screen.getByText('2 kolom tidak dipakai: “Nomor”, “Lahir”. Isinya tidak diimpor; pilih isian di atas bila perlu.')).toBeTruthy();
    choose('Kolom “Nomor”', 'nik');
    choose('Kolom “Lahir”', 'birthDate');
    expect(screen.getByText('Belum ada kolom untuk: Jenis kelamin, Pendidikan.')).toBeTruthy();
    expect(screen.queryByText(/kolom tidak dipakai/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Impor 0 peserta' })).toHaveProperty('disabled', true);
  }, 20_000);

  it('imports 600 rows offline in chunks of 200, showing progress, and reports how long it took', async () => {
    const world = await seed();
    const staff = world.users.staffA;
    await openImport(staff, `/import?cohort=${world.emptyCohort.id}`, world.emptyCohort);
    setOnline(false);
    const rows = Array.from({ length: 600 }, (_, index) => {
      const serial = String(index + 1).padStart(4, '0');
      return `647401170801${serial};Peserta ${serial};${index % 2 === 0 ? 'L' : 'P'};17/08/2001;08127000${serial};SMA;Bontang Utara`;
    });

    const chosen = performance.now();
    chooseFile('besar.csv', csv('NIK;Nama;JK;Tgl Lahir;No HP;Pendidikan;Kecamatan', ...rows));
    await waitFor(() => expect(status().textContent).toBe('Semua 600 baris siap diimpor.'), { timeout: 20_000 });
    const checked = performance.now();
    fireEvent.click(screen.getByRole('button', { name: 'Impor 600 peserta' }));
    // Between chunks the page is handed back, so the bar shows the count moving.
    expect(await screen.findByLabelText(/^Mengimpor \d+ dari 600 peserta…$/)).toBeTruthy();
    await screen.findByText('Semua 600 peserta diimpor. Mereka dikirim ke server saat sinkron.', {}, { timeout: 60_000 });
    const imported = performance.now();
    console.info(`import of 600 rows (fake-indexeddb, happy-dom): read and checked in ${Math.round(checked - chosen)} ms, imported in ${Math.round(imported - checked)} ms`);

    const db = openDb(userDbName(staff.id));
    try {
      expect(await db.enrollments.where('cohortId').equals(world.emptyCohort.id).count()).toBe(600);
    } finally {
      db.close();
    }
    expect(await outboxOf(staff.id)).toHaveLength(600);
  }, 90_000);
});
