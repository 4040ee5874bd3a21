import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { readRememberedSession } from '../../src/client/auth/remembered-session';
import type { Role } from '../../src/shared/schema';
import { PASSWORD, addUser, recordFailedSignIns } from './accounts';
import { fill } from './forms';
import { setOnline } from './network';
import { useRealServer } from './real-server';
import { renderApp } from './render-app';

const server = useRealServer();

/** The sign-in screen loads on demand: wait for its form. */
async function openLogin() {
  renderApp('/login');
  await screen.findByLabelText('Nama pengguna');
}

function signIn(username: string, password: string) {
  fill('Nama pengguna', username);
  fill('Kata sandi', password);
  fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
}

describe('signing in', () => {
  it.each<[Role, string, string]>([
    ['officer', '/', 'Daftar tindak lanjut'],
    ['provider-staff', '/cohorts', 'Angkatan pelatihan'],
    ['supervisor', '/reports', 'Laporan'],
    ['admin', '/admin', 'Administrasi'],
  ])('takes %s to their home, %s, and remembers them on the device', async (role, home, title) => {
    const user = await addUser(server.current, role);
    await openLogin();
    signIn(user.username, PASSWORD);

    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
    expect(location.pathname).toBe(home);
    expect(screen.getByRole('button', { name: user.displayName })).toBeTruthy();
    expect(readRememberedSession()).toEqual({ user: { ...user, managesCohorts: false }, expired: false, mustChangePassword: false });
  });

  it('says so beside the form when the password is wrong, keeping what was typed', async () => {
    const user = await addUser(server.current, 'officer');
    await openLogin();
    signIn(user.username, 'bukan kata sandinya');

    const problem = await screen.findByRole('alert');
    expect(problem.textContent).toBe('Nama pengguna atau kata sandi salah.');
    expect(problem.closest('form')).toBe(screen.getByLabelText('Nama pengguna').closest('form'));
    expect(screen.getByLabelText<HTMLInputElement>('Nama pengguna').value).toBe(user.username);
    expect(location.pathname).toBe('/login');
    expect(readRememberedSession()).toBeNull();
  });

  it('says how long to wait after repeated failures', async () => {
    const user = await addUser(server.current, 'officer');
    await openLogin();
    signIn(user.username, 'tebakan pertama');
    expect((await screen.findByRole('alert')).textContent).toBe('Nama pengguna atau kata sandi salah.');

    await recordFailedSignIns(server.current, user.username, 4);
    // Five failures from this address on this username: even the right password from here
    // waits, a minute at first.
    fill('Kata sandi', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toBe('Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 1 menit.');
    });
    expect(location.pathname).toBe('/login');
  });

  it('does not try offline, and says that signing in needs the network once', async () => {
    const user = await addUser(server.current, 'officer');
    setOnline(false);
    await openLogin();
    expect(screen.getByText(/^Perangkat sedang luring\. Masuk memerlukan jaringan sekali saja/)).toBeTruthy();

    signIn(user.username, PASSWORD);
    // A request would have been sent by now: fetch is called before the first await.
    expect(server.current.log).toEqual([]);
    expect(screen.getByRole('button', { name: 'Masuk' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for both fields before sending anything', async () => {
    await openLogin();
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(screen.getByRole('alert').textContent).toBe('Periksa isian yang ditandai.');
    expect(screen.getByLabelText('Nama pengguna').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Kata sandi').getAttribute('aria-invalid')).toBe('true');
    expect(server.current.log).toEqual([]);
  });

  it.each(['/', '/admin', '/alumni/3f1c2a9e-0000-4000-8000-000000000001', '/no-such-page'])(
    'leads %s to the sign-in screen while signed out',
    async (path) => {
      renderApp(path);
      expect(await screen.findByRole('heading', { level: 1, name: 'Masuk' })).toBeTruthy();
      expect(location.pathname).toBe('/login');
      expect(screen.queryByRole('navigation', { name: 'Navigasi utama' })).toBeNull();
    },
  );
});
