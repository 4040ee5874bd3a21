import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../src/client/i18n';
import type { Role } from '../../src/shared/schema';
import { addSignedInUser } from './accounts';
import { setOnline } from './network';
import { useRealServer } from './real-server';
import { renderApp, renderSignedIn } from './render-app';

const server = useRealServer();

/** Opens the app at `path` for a user of `role` who signed in on this device before. */
async function openAs(role: Role, path: string) {
  const user = await addSignedInUser(server.current, role);
  return { user, view: renderSignedIn(path, user) };
}

function navLinks(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
  return within(nav).getAllByRole('link').map((link) => link.textContent ?? '');
}

/** The language switch lives in the user menu while someone is signed in. */
function openUserMenu(name: string) {
  fireEvent.click(screen.getByRole('button', { name }));
}

describe('app shell', () => {
  it('speaks Indonesian by default', async () => {
    const { user } = await openAs('officer', '/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Daftar tindak lanjut' })).toBeTruthy();
    expect(navLinks()).toEqual(['Tugas', 'Alumni']);
    expect(screen.getByRole('link', { name: 'Tugas' }).getAttribute('aria-current')).toBe('page');
    openUserMenu(user.displayName);
    expect(screen.getByRole('combobox', { name: 'Bahasa' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('id');
  });

  it('switches to English, sets <html lang> and remembers the choice', async () => {
    const { user, view } = await openAs('officer', '/');
    await screen.findByRole('heading', { level: 1, name: 'Daftar tindak lanjut' });
    openUserMenu(user.displayName);
    fireEvent.change(screen.getByRole('combobox', { name: 'Bahasa' }), { target: { value: 'en' } });

    expect(screen.getByRole('heading', { level: 1, name: 'Follow-up worklist' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Worklist' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Language' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    view.unmount();
    document.documentElement.lang = 'id';
    renderSignedIn('/', user);
    expect(await screen.findByRole('heading', { level: 1, name: 'Follow-up worklist' })).toBeTruthy();
    openUserMenu(user.displayName);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Language' }).value).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores a stored language it does not know', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    await openAs('officer', '/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Daftar tindak lanjut' })).toBeTruthy();
  });

  it('offers the language switch in the header while signed out', () => {
    renderApp('/login');
    const header = screen.getByRole('banner');
    expect(within(header).getByRole('combobox', { name: 'Bahasa' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Navigasi utama' })).toBeNull();
  });

  it('shows the network state and follows online/offline events', async () => {
    await openAs('officer', '/');
    const networkState = () => within(screen.getByRole('banner')).getByRole('status').textContent;
    expect(networkState()).toBe('Daring');
    setOnline(false);
    expect(networkState()).toBe('Luring');
    setOnline(true);
    expect(networkState()).toBe('Daring');
  });
});

describe('navigation by role', () => {
  it.each<[Role, string[]]>([
    ['officer', ['Tugas', 'Alumni']],
    ['provider-staff', ['Angkatan', 'Alumni', 'Impor']],
    ['supervisor', ['Laporan', 'Alumni', 'Angkatan']],
    ['admin', ['Admin', 'Laporan', 'Alumni', 'Angkatan']],
  ])('%s sees %j', async (role, links) => {
    await openAs(role, '/alumni');
    expect(navLinks()).toEqual(links);
  });
});

describe('routes', () => {
  it.each<[string, Role, string]>([
    ['/', 'officer', 'Daftar tindak lanjut'],
    ['/alumni', 'officer', 'Alumni'],
    ['/alumni/3f1c2a9e-0000-4000-8000-000000000001', 'officer', 'Alumni tidak ditemukan'],
    ['/cohorts', 'provider-staff', 'Angkatan pelatihan'],
    ['/import', 'provider-staff', 'Impor peserta'],
    ['/reports', 'supervisor', 'Laporan'],
    ['/admin', 'admin', 'Administrasi'],
    ['/account', 'officer', 'Akun saya'],
  ])('%s loads its lazy screen for %s', async (path, role, title) => {
    await openAs(role, path);
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
  });

  it.each<[Role, string, string]>([
    ['provider-staff', '/cohorts', 'Angkatan pelatihan'],
    ['supervisor', '/reports', 'Laporan'],
    ['admin', '/admin', 'Administrasi'],
  ])('sends %s from / to their home, %s', async (role, home, title) => {
    await openAs(role, '/');
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
    expect(location.pathname).toBe(home);
  });

  it('navigates when a tab is tapped', async () => {
    await openAs('supervisor', '/alumni');
    fireEvent.click(screen.getByRole('link', { name: 'Angkatan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Angkatan pelatihan' })).toBeTruthy();
    expect(location.pathname).toBe('/cohorts');
    expect(screen.getByRole('link', { name: 'Angkatan' }).getAttribute('aria-current')).toBe('page');
  });

  it.each<[Role, string, string]>([
    ['officer', '/admin', 'Petugas lapangan'],
    ['officer', '/cohorts', 'Petugas lapangan'],
    ['provider-staff', '/reports', 'Staf lembaga pelatihan'],
  ])('tells %s that %s is not for their role', async (role, path, roleName) => {
    await openAs(role, path);
    expect(await screen.findByRole('heading', { level: 1, name: 'Bukan untuk peran Anda' })).toBeTruthy();
    expect(screen.getByText(`Layar ini tidak tersedia untuk ${roleName}.`)).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'Administrasi' })).toBeNull();
  });

  it('shows a not-found page for an unknown address, leading to the role\'s home', async () => {
    await openAs('supervisor', '/no-such-page');
    expect(screen.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeTruthy();
    expect(screen.getByText('Alamat /no-such-page tidak ada di Jejak.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ke halaman awal' }).getAttribute('href')).toBe('/reports');
  });
});
