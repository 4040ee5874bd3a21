import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PASSWORD, addSignedInUser, addUser, canSignIn } from './accounts';
import { descriptionOf, fill } from './forms';
import { useRealServer } from './real-server';
import { renderApp, renderSignedIn } from './render-app';

const server = useRealServer();
const NEW_PASSWORD = 'sandi baru yang panjang';

async function openAccount() {
  const user = await addSignedInUser(server.current, 'supervisor');
  renderSignedIn('/account', user);
  await screen.findByRole('heading', { level: 1, name: 'Akun saya' });
  return user;
}

function changePassword(current: string, next: string, repeat = next) {
  fill('Kata sandi saat ini', current);
  fill('Kata sandi baru', next);
  fill('Ulangi kata sandi baru', repeat);
  fireEvent.click(screen.getByRole('button', { name: 'Simpan kata sandi' }));
}

describe('changing one\'s own password', () => {
  it('shows who is signed in', async () => {
    const user = await addSignedInUser(server.current, 'provider-staff');
    renderSignedIn('/account', user);
    await screen.findByRole('heading', { level: 1, name: 'Akun saya' });
    expect(screen.getAllByRole('definition').map((fact) => fact.textContent)).toEqual([
      'Budi Santoso',
      user.username,
      'Staf lembaga pelatihan',
      'LPK Maju Jaya',
    ]);
  });

  it('puts the server\'s refusal of a too-short new password beside that field', async () => {
    await openAccount();
    const field = screen.getByLabelText('Kata sandi baru');
    expect(descriptionOf(field)).toBe('Minimal 10 karakter.');
    changePassword(PASSWORD, 'pendek');

    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    // The hint, then the error.
    expect(descriptionOf(field)).toBe('Minimal 10 karakter. Minimal 10 karakter.');
    expect(screen.getByRole('alert').textContent).toBe('Periksa isian yang ditandai.');
    expect(server.current.log).toContain('POST /api/auth/password');
  });

  it('catches a mistyped repeat without asking the server', async () => {
    await openAccount();
    changePassword(PASSWORD, NEW_PASSWORD, 'sandi baru yang lain');
    const repeat = screen.getByLabelText('Ulangi kata sandi baru');
    expect(repeat.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(repeat)).toBe('Kedua kata sandi baru tidak sama.');
    expect(server.current.log).not.toContain('POST /api/auth/password');
  });

  it('shows the server\'s answer to a wrong current password beside it, and keeps the session', async () => {
    const user = await openAccount();
    changePassword('bukan sandi saya', NEW_PASSWORD);

    const current = screen.getByLabelText('Kata sandi saat ini');
    await waitFor(() => expect(descriptionOf(current)).toBe('Nama pengguna atau kata sandi salah.'));
    expect(current.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(/Sesi Anda telah berakhir/)).toBeNull();
    expect(await canSignIn(server.current, user.username, PASSWORD)).toBe(true);
  });

  it('says it is done, and the new password is the one the server takes', async () => {
    const user = await openAccount();
    changePassword(PASSWORD, NEW_PASSWORD);

    expect(await screen.findByText('Kata sandi telah diganti. Sesi Anda di perangkat lain telah diakhiri.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Kata sandi baru').value).toBe('');
    expect(await canSignIn(server.current, user.username, NEW_PASSWORD)).toBe(true);
    expect(await canSignIn(server.current, user.username, PASSWORD)).toBe(false);
  });

  it('opens only the account screen until a password someone else chose is changed', async () => {
    const user = await addUser(server.current, 'officer');
    await server.current.db.updateTable('users').set({ mustChangePassword: 1 }).where('id', '=', user.id).execute();
    renderApp('/login');
    // The sign-in screen loads on demand.
    await screen.findByLabelText('Nama pengguna');
    fill('Nama pengguna', user.username);
    fill('Kata sandi', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));

    // The server answers nothing else meanwhile: the app goes to the account screen, wherever the user heads.
    await screen.findByRole('heading', { level: 1, name: 'Akun saya' });
    fireEvent.click(screen.getByRole('link', { name: 'Tugas' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Akun saya' })).toBeTruthy();
    changePassword(PASSWORD, NEW_PASSWORD);
    await screen.findByText('Kata sandi telah diganti. Sesi Anda di perangkat lain telah diakhiri.');

    fireEvent.click(screen.getByRole('link', { name: 'Tugas' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Daftar tindak lanjut' })).toBeTruthy();
    expect(screen.queryByText(/Kata sandi Anda dibuat oleh orang lain/)).toBeNull();
  });
});
