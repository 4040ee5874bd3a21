import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Dexie } from 'dexie';
import { ErrorBoundary, LocationProvider } from 'preact-iso';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportsScreen } from '../../src/client/features/reports/ReportsScreen';
import { I18nProvider, LANGUAGE_STORAGE_KEY } from '../../src/client/i18n';
import { formatDateTime } from '../../src/client/i18n/format';
import { REPORT_FACTS_REBUILD, openDb, userDbName } from '../../src/client/storage/db';
import { DbProvider } from '../../src/client/storage/DbProvider';
import { generateDemoData } from '../../src/server/demo/demo-data';
import { seedDemo } from '../../src/server/demo/seed-demo';
import type { SessionUser } from '../../src/shared/api/auth.api';
import { absorptionFigures } from '../../src/shared/domain/absorption';
import { dateInZone } from '../../src/shared/domain/dates';
import { addUser, startSession } from './accounts';
import { choose, descriptionOf, fill } from './forms';
import { setOnline } from './network';
import { useRealServer } from './real-server';

/**
 * The supervisor's dashboard over the demo data set (the office's 2024 figures): from
 * the real server in process, and from the same records on the device when the server
 * cannot be reached — both must say the same thing.
 */
const TODAY = dateInZone(new Date());
const demo = generateDemoData(TODAY);
const SLOW = { timeout: 30_000 };
const LAST_SYNC = '2024-09-02T01:00:00.000Z';

const databases: string[] = [];
afterEach(async () => {
  await act(() => cleanup());
  for (const name of databases.splice(0)) await Dexie.delete(name);
});

function demoUser(username: string): SessionUser {
  const user = demo.users.find((candidate) => candidate.username === username);
  if (user === undefined) throw new Error(`no demo user ${username}`);
  return { id: user.id, username, displayName: user.displayName, role: user.role, providerId: user.providerId, providerName: null };
}

/** The demo as a supervisor's complete pull leaves it on the device, synced at LAST_SYNC. */
async function seedDevice(userId: string): Promise<void> {
  const name = userDbName(userId);
  databases.push(name);
  const db = openDb(name);
  await db.providers.bulkPut(demo.providers);
  await db.vocations.bulkPut(demo.vocations);
  await db.cohorts.bulkPut(demo.cohorts);
  await db.alumni.bulkPut(demo.alumni);
  await db.enrollments.bulkPut(demo.enrollments);
  await db.followUps.bulkPut(demo.followUps);
  await db.meta.put({ key: 'lastSyncedAt', value: LAST_SYNC });
  // A pull this large leaves the report facts to be computed whole, once.
  await db.meta.put({ key: REPORT_FACTS_REBUILD, value: true });
  db.close();
}

async function openDashboard(userId: string) {
  databases.push(userDbName(userId));
  history.replaceState(null, '', '/reports');
  render(
    <I18nProvider>
      <LocationProvider>
        <DbProvider userId={userId}>
          <ErrorBoundary>
            <ReportsScreen />
          </ErrorBoundary>
        </DbProvider>
      </LocationProvider>
    </I18nProvider>,
  );
  await screen.findByRole('heading', { level: 1 });
}

/** A headline figure's value, found by its term. */
function figure(term: string): string {
  const dt = screen.getAllByText(term, { selector: 'dt' })[0];
  return dt?.nextElementSibling?.firstElementChild?.textContent ?? '';
}

/** Every headline figure, term → value. */
function headline(): Record<string, string> {
  return Object.fromEntries(Array.from(document.querySelectorAll('dt'), (dt) => [dt.textContent, dt.nextElementSibling?.firstElementChild?.textContent ?? '']));
}

/** The table cell of the row headed `row` under the column `column`. */
function cell(row: string, column: string): string {
  const table = screen.getByRole('table');
  const headers = within(table).getAllByRole('columnheader').map((header) => header.textContent);
  const rowHeader = within(table).getByRole('rowheader', { name: row });
  const cells = Array.from(rowHeader.closest('tr')?.children ?? [], (element) => element.textContent);
  return cells[headers.indexOf(column)] ?? `no column ${column}`;
}

async function waitForFigures() {
  await waitFor(() => expect(screen.queryByText('Menghitung angka…')).toBeNull(), { timeout: 10_000 });
}

describe('the dashboard online', () => {
  const server = useRealServer();

  it('shows the server’s headline figures, then regroups by funding source as of 31 August 2024', SLOW, async () => {
    await seedDemo(server.current.db, demo);
    const supervisor = demoUser('kabid.penta');
    await startSession(server.current, supervisor);
    await openDashboard(supervisor.id);
    const today = absorptionFigures({ ...demo, asOf: TODAY, groupBy: [] }).total;

    await waitFor(() => expect(figure('Dilatih')).toBe(today.trained.toLocaleString('id-ID')), { timeout: 10_000 });
    expect(figure('Lulus')).toBe(today.graduated.toLocaleString('id-ID'));
    expect(server.current.log).toContain('GET /api/reports/absorption');
    expect(screen.getByLabelText<HTMLInputElement>('Per tanggal').value).toBe(TODAY);
    expect(screen.queryByText(/Server tidak terjangkau/)).toBeNull();
    // By budget year by default: the demo is one year.
    expect(cell('2024', 'Dilatih')).toBe(today.trained.toLocaleString('id-ID'));

    choose('Kelompokkan menurut', 'funding-source');
    fill('Per tanggal', '2024-08-31');
    await waitFor(() => expect(cell('APBD murni', 'Bekerja')).toBe('53'), { timeout: 10_000 });
    expect(cell('APBD murni', 'Berwirausaha')).toBe('36');
    expect(cell('APBD murni', 'Dilatih')).toBe('748');
    // The revised budget's courses start in September.
    expect(screen.queryByRole('rowheader', { name: 'APBD perubahan' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Angka utama per 31 Agustus 2024' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Hasil lulusan per sumber dana' })).toBeTruthy();
    const summary = screen.getByRole('heading', { name: 'Ringkasan untuk siaran pers' }).nextElementSibling?.textContent ?? '';
    expect(summary).toContain('Hingga 31 Agustus 2024, Disnaker telah melatih 748 orang');
    expect(summary).toMatch(/53 orang telah bekerja dan 36 orang membuka usaha/);
    expect(summary).toMatch(/Petugas telah berhasil menghubungi [\d.]+ dari [\d.]+ lulusan/);

    // A second dimension: one row per provider and funding source.
    choose('Lalu menurut (opsional)', 'funding-source');
    expect(screen.getByLabelText<HTMLSelectElement>('Lalu menurut (opsional)').value).toBe('');
    choose('Kelompokkan menurut', 'provider');
    choose('Lalu menurut (opsional)', 'funding-source');
    await screen.findByRole('rowheader', { name: 'LPK Barber Nusantara Bontang' }, { timeout: 10_000 });
    expect(within(screen.getByRole('table')).getAllByRole('columnheader').slice(0, 2).map((header) => header.textContent)).toEqual(['Lembaga pelatihan', 'Sumber dana']);
  });

  it('answers from the device when the server goes away, with the same figures and how old they are', SLOW, async () => {
    await seedDemo(server.current.db, demo);
    const supervisor = demoUser('kabid.penta');
    await startSession(server.current, supervisor);
    await seedDevice(supervisor.id);
    await openDashboard(supervisor.id);
    choose('Kelompokkan menurut', 'funding-source');
    fill('Per tanggal', '2024-08-31');
    await waitFor(() => expect(cell('APBD murni', 'Bekerja')).toBe('53'), { timeout: 10_000 });
    const fromServer = headline();
    const summaryText = () => screen.getByRole('heading', { name: 'Ringkasan untuk siaran pers' }).nextElementSibling?.textContent ?? '';
    // The period comes from the device's cohorts, read beside the server's answer.
    await waitFor(() => expect(summaryText()).toContain('dalam tahun anggaran 2024'));
    const serverSummary = summaryText();
    expect(screen.getByRole('button', { name: 'Unduh Alumni XLSX' })).toHaveProperty('disabled', false);

    // Going offline asks again, and the device answers.
    setOnline(false);
    const notice = await screen.findByText(/^Server tidak terjangkau — angka dihitung dari data di perangkat ini, sinkron terakhir/, {}, { timeout: 10_000 });
    expect(notice.textContent).toContain(formatDateTime(LAST_SYNC, 'id'));
    await waitForFigures();
    expect(headline()).toEqual(fromServer);
    expect(cell('APBD murni', 'Berwirausaha')).toBe('36');
    expect(summaryText()).toBe(serverSummary);
    expect(screen.getByText(/^Ekspor membutuhkan server/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Unduh Alumni XLSX' })).toHaveProperty('disabled', true);

    // Back online, the server answers again.
    const asked = server.current.log.filter((line) => line === 'GET /api/reports/absorption').length;
    setOnline(true);
    await waitFor(() => expect(screen.queryByText(/^Server tidak terjangkau/)).toBeNull(), { timeout: 10_000 });
    await waitForFigures();
    expect(server.current.log.filter((line) => line === 'GET /api/reports/absorption').length).toBe(asked + 1);
    expect(headline()).toEqual(fromServer);
  });

  it('shows a refusal in words, and does not stand in local figures for it', SLOW, async () => {
    const officer = await addUser(server.current, 'officer');
    await startSession(server.current, officer);
    await openDashboard(officer.id);
    expect((await screen.findByRole('alert', {}, { timeout: 10_000 })).textContent).toBe('Laporan tidak dapat dimuat: peran Anda tidak diizinkan melakukan ini.');
    expect(screen.queryByText(/Server tidak terjangkau/)).toBeNull();
    expect(screen.queryAllByText('Dilatih', { selector: 'dt' })).toEqual([]);
  });
});

describe('the dashboard’s exports', () => {
  const server = useRealServer();

  // A click on the saved file's link is a download in a browser; happy-dom would instead
  // navigate the test's window to the blob: address and break every later render.
  // (The window here is not a frame it may navigate, so happy-dom's fallback of only
  // changing the address is what has to be turned off.)
  type HappyDom = { happyDOM: { settings: { navigation: { disableFallbackToSetURL: boolean } } } };
  const navigation = (window as unknown as HappyDom).happyDOM.settings.navigation;
  beforeEach(() => {
    navigation.disableFallbackToSetURL = true;
  });
  afterEach(() => {
    navigation.disableFallbackToSetURL = false;
  });

  it('downloads a table through fetch, shows the bytes and the file saved', SLOW, async () => {
    await seedDemo(server.current.db, demo);
    const supervisor = demoUser('kabid.penta');
    await startSession(server.current, supervisor);
    await openDashboard(supervisor.id);
    fill('Per tanggal', '2024-08-31');
    fireEvent.click(screen.getByLabelText('Pemisah titik koma (;) untuk Excel Indonesia'));
    fireEvent.click(await screen.findByRole('button', { name: 'Unduh Penyerapan CSV' }));
    const done = await screen.findByText(/tersimpan \([\d,]+ (B|KB)\)\.$/, {}, { timeout: 10_000 });
    expect(done.textContent).toMatch(/^jejak-penyerapan-per-2024-08-31\.csv tersimpan/);
    expect(server.current.log).toContain('GET /api/export/absorption.csv');
    expect(location.origin).toBe('http://localhost:3000');
  });

  it('tells an officer that exports are for supervisors and admins', SLOW, async () => {
    const officer = await addUser(server.current, 'officer');
    await startSession(server.current, officer);
    await openDashboard(officer.id);
    await screen.findByRole('alert', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Unduh Alumni XLSX' }));
    await screen.findByText('Hanya supervisor dan admin yang boleh mengekspor data.', {}, { timeout: 10_000 });
  });
});

describe('the dashboard offline', () => {
  it('counts from the device, in English when chosen, with the summary still in Indonesian', SLOW, async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const supervisor = demoUser('kabid.penta');
    await seedDevice(supervisor.id);
    setOnline(false);
    await openDashboard(supervisor.id);
    const notice = await screen.findByText(/^Server unreachable — figures computed from the data on this device, last synced/, {}, { timeout: 10_000 });
    expect(notice.textContent).toContain(formatDateTime(LAST_SYNC, 'en'));
    choose('Group by', 'funding-source');
    fill('As of', '2024-08-31');
    await waitFor(() => expect(cell('APBD murni', 'Employed')).toBe('53'), { timeout: 10_000 });
    expect(cell('APBD murni', 'Own business')).toBe('36');
    expect(figure('Trained')).toBe('748');
    const summaryHeading = screen.getByRole('heading', { name: 'Press summary (in Indonesian)' });
    const summary = summaryHeading.nextElementSibling;
    expect(summary?.getAttribute('lang')).toBe('id');
    // (The period follows the device's cohorts, read live beside the figures.)
    await waitFor(() => expect(summary?.textContent).toContain('dalam tahun anggaran'));
    expect(summary?.textContent).toMatch(/^Hingga 31 Agustus 2024, Disnaker telah melatih 748 orang dalam tahun anggaran 2024, seluruhnya dari APBD murni\. Per tanggal tersebut, dari lulusan APBD murni 53 orang telah bekerja dan 36 orang membuka usaha, sehingga tingkat penyerapan mencapai [\d,]+% dari [\d.]+ lulusan\./);
    expect(screen.getByRole('button', { name: 'Download Alumni XLSX' })).toHaveProperty('disabled', true);
  });

  it('keeps the last figures and says why beside the field when the date is not a date', SLOW, async () => {
    const supervisor = demoUser('kabid.penta');
    await seedDevice(supervisor.id);
    setOnline(false);
    await openDashboard(supervisor.id);
    fill('Per tanggal', '2024-08-31');
    await waitFor(() => expect(figure('Dilatih')).toBe('748'), { timeout: 10_000 });
    const field = fill('Per tanggal', '2024-02-31');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field)).toContain('Isi tanggal yang benar');
    expect(figure('Dilatih')).toBe('748');
  });

  it('copies the summary, or selects it where the clipboard is refused', SLOW, async () => {
    const supervisor = demoUser('kabid.penta');
    await seedDevice(supervisor.id);
    setOnline(false);
    await openDashboard(supervisor.id);
    await waitFor(() => expect(figure('Dilatih')).not.toBe(''), { timeout: 10_000 });
    const summary = screen.getByRole('heading', { name: 'Ringkasan untuk siaran pers' }).nextElementSibling?.textContent ?? '';
    fireEvent.click(screen.getByRole('button', { name: 'Salin ringkasan' }));
    await screen.findByText(/^(Ringkasan disalin\.|Teks sudah dipilih)/);
    if (screen.queryByText('Ringkasan disalin.') !== null) expect(await navigator.clipboard.readText()).toBe(summary);
    else expect(window.getSelection()?.toString()).toBe(summary);
  });
});
