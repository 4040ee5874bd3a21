import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Dexie } from 'dexie';
import { ErrorBoundary, LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import { UserProvider } from '../../src/client/auth/SessionProvider';
import { WorklistScreen } from '../../src/client/features/worklist/WorklistScreen';
import { I18nProvider } from '../../src/client/i18n';
import { formatDate } from '../../src/client/i18n/format';
import { openDb, userDbName } from '../../src/client/storage/db';
import { DbProvider } from '../../src/client/storage/DbProvider';
import { writeMeta } from '../../src/client/storage/meta.repository';
import { refreshDueIndex } from '../../src/client/sync/due-index';
import { addDays, addMonths, dateInZone, type IsoDate } from '../../src/shared/domain/dates';
import type { Alumnus, Cohort, Enrollment, FollowUp, Provider } from '../../src/shared/schema';
import { aCohort, aFollowUp, anAlumnus, anEnrollment, anId } from '../fixtures/builders';
import { choose } from './forms';

/**
 * The worklist over a device database seeded directly, as a pull would have left it.
 * Dates count from the real today in the office's zone (the screen asks the clock), so
 * every case states its dates relative to TODAY.
 */
const TODAY = dateInZone(new Date());
const daysAgo = (days: number): IsoDate => addDays(TODAY, -days);
const at = (day: IsoDate) => `${day}T02:00:00.000Z`;

const databases: string[] = [];
afterEach(async () => {
  // Unmounted before the databases go, inside act so the deferred effect cleanups (the
  // provider closing its connection, the live query ending) have run.
  await act(() => cleanup());
  for (const name of databases.splice(0)) await Dexie.delete(name);
  sessionStorage.clear();
});

type Device = { providers?: Provider[]; cohorts?: Cohort[]; alumni?: Alumnus[]; enrollments?: Enrollment[]; followUps?: FollowUp[] };

/** A signed-in user's database holding `records`, and the worklist opened over it. */
async function openWorklist(records: Device, userId = anId()) {
  await seedDevice(records, userId);
  const view = renderWorklist(userId);
  // The filters come with the computed list, folded under "Saring" ("Filter" in English);
  // opened here so that each test can choose.
  const toggle = await screen.findByRole('button', { name: /^(Saring|Filter)/ });
  if (toggle.getAttribute('aria-expanded') !== 'true') fireEvent.click(toggle);
  await screen.findByRole('combobox', { name: 'Kecamatan' });
  return { userId, view };
}

async function seedDevice(records: Device, userId: string): Promise<void> {
  const name = userDbName(userId);
  databases.push(name);
  const db = openDb(name);
  // Written as a pulled page is: in one transaction that ends by bringing the due index up to date.
  await db.transaction('rw', db.tables, async () => {
    await db.providers.bulkPut(records.providers ?? []);
    await db.cohorts.bulkPut(records.cohorts ?? []);
    await db.alumni.bulkPut(records.alumni ?? []);
    await db.enrollments.bulkPut(records.enrollments ?? []);
    await db.followUps.bulkPut(records.followUps ?? []);
    await refreshDueIndex(db);
  });
  db.close();
}

function renderWorklist(userId: string) {
  history.replaceState(null, '', '/');
  return render(
    <I18nProvider>
      <LocationProvider>
        <UserProvider value={{ id: userId, username: 'petugas', displayName: 'Petugas Uji', role: 'officer', providerId: null, providerName: null }}>
          <DbProvider userId={userId}>
            {/* Catches the lazy screen's suspension, as the app's router does. */}
            <ErrorBoundary>
              <WorklistScreen />
            </ErrorBoundary>
          </DbProvider>
        </UserProvider>
      </LocationProvider>
    </I18nProvider>,
  );
}

function aProvider(name: string): Provider {
  return { id: anId(), createdAt: at('2024-01-01'), updatedAt: at('2024-01-01'), deleted: false, name, kind: 'lpk', address: '', phone: null };
}

/** One person in `cohort`, graduated on `graduated` (null: still enrolled), with their contacts. */
function person(world: Required<Device>, cohort: Cohort, alumnus: Partial<Alumnus>, graduated: IsoDate | null, followUps: Partial<FollowUp>[] = []) {
  const record = anAlumnus({ phone: null, whatsapp: null, ...alumnus });
  world.alumni.push(record);
  world.enrollments.push(
    anEnrollment({ alumnusId: record.id, cohortId: cohort.id, ...(graduated === null ? { outcome: 'enrolled', graduationDate: null } : { graduationDate: graduated }) }),
  );
  for (const followUp of followUps) world.followUps.push(aFollowUp({ alumnusId: record.id, ...followUp }));
  return record;
}

/**
 * Two providers, three cohorts, and one person for each state the list shows:
 * - Rina: graduated four months ago, never contacted: the 3-month milestone passed a month ago (overdue);
 * - Dedi: reached, employed, eight days ago; that contact set a follow-up five days ago (overdue);
 * - Budi: not reached two days ago; the attempt set a new try in two days (this week);
 * - Citra: graduated ten days ago: her 3-month milestone is months away (later);
 * - Eka: still in training, nothing set: not on the list.
 */
function aWorld() {
  const alfa = aProvider('LPK Alfa');
  const beta = aProvider('BLK Beta');
  const barber = aCohort({ providerId: alfa.id, title: 'Barbershop Alfa 1' });
  const makeup = aCohort({ providerId: alfa.id, title: 'Tata Rias Alfa' });
  const welding = aCohort({ providerId: beta.id, title: 'Las Beta' });
  const world: Required<Device> = { providers: [alfa, beta], cohorts: [barber, makeup, welding], alumni: [], enrollments: [], followUps: [] };
  const rina = person(world, barber, { name: 'Rina Rahayu', kecamatan: 'Samarinda Ulu', phone: '+6281211110001' }, addMonths(TODAY, -4));
  const dedi = person(world, barber, { name: 'Dedi Kurniawan', kecamatan: 'Sungai Kunjang', phone: '+6281411110004', whatsapp: '+6285211110004' }, daysAgo(10), [
    { contactedAt: at(daysAgo(8)), reached: true, status: 'employed', nextFollowUpDate: daysAgo(5) },
  ]);
  const budi = person(world, welding, { name: 'Budi Santoso', kecamatan: 'Sungai Kunjang', whatsapp: '+6281311110002' }, daysAgo(10), [
    { contactedAt: at(daysAgo(2)), reached: false, nextFollowUpDate: addDays(TODAY, 2) },
  ]);
  const citra = person(world, makeup, { name: 'Citra Lestari', kecamatan: 'Samarinda Ulu' }, daysAgo(10));
  person(world, makeup, { name: 'Eka Putri', kecamatan: 'Samarinda Ulu' }, null);
  return { world, providers: { alfa, beta }, cohorts: { barber, makeup, welding }, people: { rina, dedi, budi, citra } };
}

const groupNames = () => screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
const group = (name: string) => within(screen.getByRole('region', { name }));
const namesIn = (name: string) => group(name).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
const allNames = () => screen.queryAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
const rowOf = (name: string) => within(screen.getByRole('heading', { level: 3, name }).closest('li') as HTMLElement);
const hrefOf = (element: HTMLElement) => element.getAttribute('href');
/** A wa.me or sms: link without its ready message. */
const numberHrefOf = (element: HTMLElement) => hrefOf(element)?.split('?')[0];
const messageOf = (element: HTMLElement) => new URLSearchParams(hrefOf(element)?.split('?')[1]);

describe('the worklist', () => {
  it('is lazy and titled, and lists who is due: overdue first, then this week, then later', async () => {
    const { world } = aWorld();
    await openWorklist(world);

    expect(screen.getByRole('heading', { level: 1, name: 'Daftar tindak lanjut' })).toBeTruthy();
    expect(groupNames()).toEqual(['Terlambat', 'Minggu ini', 'Berikutnya']);
    // The longest overdue leads.
    expect(namesIn('Terlambat')).toEqual(['Rina Rahayu', 'Dedi Kurniawan']);
    expect(namesIn('Minggu ini')).toEqual(['Budi Santoso']);
    expect(namesIn('Berikutnya')).toEqual(['Citra Lestari']);
    expect(allNames()).not.toContain('Eka Putri');
    expect(screen.getByText('4 alumni perlu ditindaklanjuti.')).toBeTruthy();
    expect(group('Terlambat').getByText('2 alumni')).toBeTruthy();
  });

  it('shows cohort, days since graduation, last status with when it was found, and the due date', async () => {
    const { world, people } = aWorld();
    await openWorklist(world);

    const dedi = rowOf('Dedi Kurniawan');
    expect(dedi.getByText('Barbershop Alfa 1 · 10 hari sejak lulus')).toBeTruthy();
    expect(dedi.getByText('Status terakhir:')).toBeTruthy();
    expect(dedi.getByText(/^Bekerja,/).textContent).toBe(`Bekerja, ${formatDate(daysAgo(8), 'id')}`);
    expect(dedi.getByText(formatDate(daysAgo(5), 'id')).closest('time')?.getAttribute('datetime')).toBe(daysAgo(5));
    expect(hrefOf(dedi.getByRole('link', { name: 'Dedi Kurniawan' }))).toBe(`/alumni/${people.dedi.id}`);

    expect(rowOf('Rina Rahayu').getByText('Belum pernah dihubungi')).toBeTruthy();
    expect(rowOf('Budi Santoso').getByText('Tidak terhubung')).toBeTruthy();
    expect(rowOf('Budi Santoso').getByText(formatDate(addDays(TODAY, 2), 'id'))).toBeTruthy();
  });

  it('calls, WhatsApps and texts each person on the numbers they have, and links to logging a contact', async () => {
    const { world, people } = aWorld();
    await openWorklist(world);

    const dedi = rowOf('Dedi Kurniawan');
    expect(hrefOf(dedi.getByRole('link', { name: 'Telepon Dedi Kurniawan' }))).toBe('tel:+6281411110004');
    const chat = dedi.getByRole('link', { name: 'WhatsApp Dedi Kurniawan' });
    expect(numberHrefOf(chat)).toBe('https://wa.me/6285211110004');
    expect(chat.getAttribute('target')).toBe('_blank');
    // Both open with the same ready message, greeted by the device's hour.
    expect(messageOf(chat).get('text')).toMatch(/^Selamat (pagi|siang|sore|malam), (Bapak|Ibu|Bapak\/Ibu) Dedi Kurniawan, kami dari Disnaker /);
    const sms = dedi.getByRole('link', { name: 'SMS Dedi Kurniawan' });
    expect(numberHrefOf(sms)).toBe('sms:+6281411110004');
    expect(messageOf(sms).get('body')).toBe(messageOf(chat).get('text'));
    expect(hrefOf(dedi.getByRole('link', { name: 'Catat kontak Dedi Kurniawan' }))).toBe(`/alumni/${people.dedi.id}/follow-up`);

    // Only a WhatsApp number: it is dialled too. Only a phone: WhatsApp goes to it.
    expect(hrefOf(rowOf('Budi Santoso').getByRole('link', { name: 'Telepon Budi Santoso' }))).toBe('tel:+6281311110002');
    expect(numberHrefOf(rowOf('Budi Santoso').getByRole('link', { name: 'WhatsApp Budi Santoso' }))).toBe('https://wa.me/6281311110002');
    expect(numberHrefOf(rowOf('Rina Rahayu').getByRole('link', { name: 'WhatsApp Rina Rahayu' }))).toBe('https://wa.me/6281211110001');

    // No number at all: no dead buttons, a word instead; logging a visit stays.
    const citra = rowOf('Citra Lestari');
    expect(citra.queryByRole('link', { name: /^Telepon/ })).toBeNull();
    expect(citra.queryByRole('link', { name: /^WhatsApp/ })).toBeNull();
    expect(citra.queryByRole('link', { name: /^SMS/ })).toBeNull();
    expect(citra.getByText('Belum ada nomor telepon.')).toBeTruthy();
    expect(hrefOf(citra.getByRole('link', { name: 'Catat kontak Citra Lestari' }))).toBe(`/alumni/${people.citra.id}/follow-up`);
  });
});

describe('the worklist row\'s self-report link tap', () => {
  it('makes a link on the device, queued for the server, and opens the person\'s links', async () => {
    const { world, people } = aWorld();
    const { userId } = await openWorklist(world);

    fireEvent.click(rowOf('Dedi Kurniawan').getByRole('button', { name: 'Buat tautan isi sendiri untuk Dedi Kurniawan' }));

    await waitFor(() => expect(location.pathname).toBe(`/alumni/${people.dedi.id}`));
    expect(location.hash).toBe('#tautan-isi-sendiri');
    const db = openDb(userDbName(userId));
    try {
      const [link] = await db.selfReportLinks.where('alumnusId').equals(people.dedi.id).toArray();
      expect(link).toMatchObject({ status: 'open', createdBy: userId });
      const [entry] = await db.outbox.toArray();
      expect(entry).toMatchObject({ name: 'self-report-link.create', status: 'pending', args: { id: link?.id, alumnusId: people.dedi.id } });
      expect((await db.meta.get(`selfReportToken:${link?.id ?? ''}`))?.value).toBe((entry?.args as { token: string }).token);
    } finally {
      db.close();
    }
  });
});

describe('the worklist, kept current', () => {
  it('moves someone at once when a contact is saved on the device', async () => {
    const { world, people } = aWorld();
    const { userId } = await openWorklist(world);
    expect(namesIn('Terlambat')).toContain('Rina Rahayu');

    // As the follow-up form's write lands: reached today, employed. The 3-month milestone
    // is covered, so she is next due at six months.
    const db = openDb(userDbName(userId));
    // (mutate's transaction: the write, then the due index brought up to date.)
    await db.transaction('rw', db.tables, async () => {
      await db.followUps.put(aFollowUp({ alumnusId: people.rina.id, contactedAt: new Date().toISOString(), status: 'employed' }));
      await refreshDueIndex(db);
    });
    db.close();

    await waitFor(() => expect(namesIn('Berikutnya')).toEqual(['Rina Rahayu', 'Citra Lestari']));
    expect(namesIn('Terlambat')).toEqual(['Dedi Kurniawan']);
    expect(rowOf('Rina Rahayu').getByText(/^Bekerja,/)).toBeTruthy();
  });
});

describe('the worklist filters', () => {
  it('narrows by kecamatan', async () => {
    const { world } = aWorld();
    await openWorklist(world);
    choose('Kecamatan', 'Sungai Kunjang');
    expect(allNames()).toEqual(['Dedi Kurniawan', 'Budi Santoso']);
    expect(screen.getByText('2 dari 4 alumni sesuai saringan.')).toBeTruthy();
  });

  it('narrows by provider, and offers only that provider\'s cohorts', async () => {
    const { world, providers } = aWorld();
    await openWorklist(world);
    const cohortChoices = () => Array.from(screen.getByLabelText<HTMLSelectElement>('Angkatan').options, (option) => option.text);
    expect(cohortChoices()).toEqual(['Semua', 'Barbershop Alfa 1', 'Las Beta', 'Tata Rias Alfa']);

    choose('Lembaga pelatihan', providers.beta.id);
    expect(allNames()).toEqual(['Budi Santoso']);
    choose('Lembaga pelatihan', providers.alfa.id);
    expect(allNames()).toEqual(['Rina Rahayu', 'Dedi Kurniawan', 'Citra Lestari']);
    expect(cohortChoices()).toEqual(['Semua', 'Barbershop Alfa 1', 'Tata Rias Alfa']);
  });

  it('narrows by cohort', async () => {
    const { world, cohorts } = aWorld();
    await openWorklist(world);
    choose('Angkatan', cohorts.makeup.id);
    expect(allNames()).toEqual(['Citra Lestari']);
    expect(groupNames()).toEqual(['Berikutnya']);
  });

  it('narrows by status, "never contacted" included', async () => {
    const { world } = aWorld();
    await openWorklist(world);
    const statusChoices = Array.from(screen.getByLabelText<HTMLSelectElement>('Status').options, (option) => option.text);
    expect(statusChoices).toEqual(['Semua', 'Belum pernah dihubungi', 'Tidak terhubung', 'Bekerja', 'Berwirausaha', 'Mencari kerja']);

    choose('Status', 'never-contacted');
    expect(allNames()).toEqual(['Rina Rahayu', 'Citra Lestari']);
    choose('Status', 'unreachable');
    expect(allNames()).toEqual(['Budi Santoso']);
    choose('Status', 'employed');
    expect(allNames()).toEqual(['Dedi Kurniawan']);
    choose('Status', 'seeking');
    expect(allNames()).toEqual([]);
    expect(screen.getByText('Tidak ada alumni yang sesuai saringan.')).toBeTruthy();
  });

  it('combines filters, clears them, and remembers them for the session', async () => {
    const { world } = aWorld();
    const { userId, view } = await openWorklist(world);
    choose('Kecamatan', 'Samarinda Ulu');
    choose('Status', 'never-contacted');
    expect(allNames()).toEqual(['Rina Rahayu', 'Citra Lestari']);
    choose('Kecamatan', 'Sungai Kunjang');
    expect(allNames()).toEqual([]);
    choose('Kecamatan', 'Samarinda Ulu');

    // Back from someone's page: the list as it was left.
    view.unmount();
    await openWorklist({}, userId);
    expect(await screen.findByText('2 dari 4 alumni sesuai saringan.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Kecamatan').value).toBe('Samarinda Ulu');
    expect(screen.getByLabelText<HTMLSelectElement>('Status').value).toBe('never-contacted');

    fireEvent.click(screen.getByRole('button', { name: 'Hapus saringan' }));
    expect(allNames()).toEqual(['Rina Rahayu', 'Dedi Kurniawan', 'Budi Santoso', 'Citra Lestari']);
    expect(screen.getByLabelText<HTMLSelectElement>('Kecamatan').value).toBe('');
  });
});

describe('a long worklist', () => {
  const orang = (n: number) => `Orang ${String(n).padStart(2, '0')}`;
  /** "Orang 01" to "Orang 60", all overdue, in one cohort. */
  function sixtyOverdue(): Required<Device> {
    const world: Required<Device> = { providers: [], cohorts: [aCohort({ title: 'Komputer' })], alumni: [], enrollments: [], followUps: [] };
    const cohort = world.cohorts[0] as Cohort;
    for (let n = 1; n <= 60; n += 1) person(world, cohort, { name: orang(n) }, addMonths(TODAY, -4));
    return world;
  }

  it('paints the first 12 of each heading before the whole list is read, then the first 50', async () => {
    const userId = anId();
    await seedDevice(sixtyOverdue(), userId);
    // What the first paint with anyone listed held: the whole list is read only after it.
    let firstPainted: string[] | null = null;
    const observer = new MutationObserver(() => {
      const names = allNames();
      if (firstPainted === null && names.length > 0) firstPainted = names;
    });
    observer.observe(document.body, { childList: true, subtree: true });
    renderWorklist(userId);

    await waitFor(() => expect(group('Terlambat').getByText('60 alumni')).toBeTruthy());
    observer.disconnect();
    expect(firstPainted).toEqual(Array.from({ length: 12 }, (_, i) => orang(i + 1)));
    expect(namesIn('Terlambat')).toHaveLength(50);
  });

  it('while the first pull still stores people, lists the first 12 of each heading with the progress, then the whole list once it is done', async () => {
    const userId = anId();
    await seedDevice(sixtyOverdue(), userId);
    const db = openDb(userDbName(userId));
    await writeMeta(db, 'firstPull', { sent: 60, total: 200 });
    renderWorklist(userId);

    await screen.findByText('Memuat data: 60 dari 200 orang. Daftar ini masih bertambah.');
    expect(allNames()).toEqual(Array.from({ length: 12 }, (_, i) => orang(i + 1)));

    // The last page: the progress goes with it, and the whole list follows.
    await db.meta.delete('firstPull');
    await waitFor(() => expect(group('Terlambat').getByText('60 alumni')).toBeTruthy());
    expect(namesIn('Terlambat')).toHaveLength(50);
    db.close();
  });

  it('renders the first 50 of a group and shows more on request, focusing the first new row', async () => {
    await openWorklist(sixtyOverdue());

    expect(namesIn('Terlambat')).toHaveLength(50);
    expect(group('Terlambat').getByText('60 alumni')).toBeTruthy();
    fireEvent.click(group('Terlambat').getByRole('button', { name: 'Tampilkan 10 lagi' }));

    const names = namesIn('Terlambat');
    expect(names).toHaveLength(60);
    expect(names.at(-1)).toBe('Orang 60');
    expect(group('Terlambat').queryByRole('button', { name: /^Tampilkan/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Orang 51' }));
  });
});

describe('the worklist in English', () => {
  it('speaks English when chosen', async () => {
    localStorage.setItem('jejak.language', 'en');
    const { world } = aWorld();
    await openWorklist(world);
    expect(screen.getByRole('heading', { level: 1, name: 'Follow-up worklist' })).toBeTruthy();
    expect(groupNames()).toEqual(['Overdue', 'This week', 'Later']);
    expect(rowOf('Rina Rahayu').getByText('Never contacted')).toBeTruthy();
    expect(rowOf('Dedi Kurniawan').getByRole('link', { name: 'Log contact Dedi Kurniawan' })).toBeTruthy();
    expect(screen.getByLabelText('Training provider')).toBeTruthy();
  });
});
