import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { isLogoutPending, readRememberedSession } from '../../src/client/auth/remembered-session';
import { PASSWORD, addSignedInUser, addUser } from './accounts';
import { fill } from './forms';
import { setOnline } from './network';
import { outboxOf, queueChanges } from './outbox';
import { useRealServer } from './real-server';
import { renderSignedIn } from './render-app';

const server = useRealServer();

function openUserMenu(name: string) {
  fireEvent.click(screen.getByRole('button', { name }));
}

function sessionsOf(userId: string) {
  return server.current.db.selectFrom('sessions').select('id').where('userId', '=', userId).execute();
}

describe('an offline session', () => {
  it('opens signed in with no password prompt and no network', async () => {
    const officer = await addSignedInUser(server.current, 'officer');
    setOnline(false);
    renderSignedIn('/', officer);

    expect(await screen.findByRole('heading', { level: 1, name: 'Daftar tindak lanjut' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sari Wulandari' })).toBeTruthy();
    expect(screen.queryByLabelText('Kata sandi')).toBeNull();
    expect(within(screen.getByRole('banner')).getByRole('status').textContent).toBe('Luring');
    expect(server.current.log).toEqual([]);
  });

  it('turns expired when the server says so on reconnecting, keeping the queued changes and the user', async () => {
    const officer = await addSignedInUser(server.current, 'officer');
    await queueChanges(officer.id, 2);
    setOnline(false);
    renderSignedIn('/', officer);

    // While the phone was away the session ran out on the server.
    await server.current.db.updateTable('sessions').set({ expiresAt: '2024-01-02T00:00:00.000Z' }).execute();
    setOnline(true);

    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Sesi Anda telah berakhir — masuk lagi sebagai Sari Wulandari.');
    // Coming online also starts a sync cycle, which the server refuses (401) like /me.
    expect(server.current.log).toContain('GET /api/auth/me');
    expect(readRememberedSession()).toMatchObject({ user: officer, expired: true });
    // Work goes on: the screen stays, and so do the changes.
    expect(await screen.findByRole('heading', { level: 1, name: 'Daftar tindak lanjut' })).toBeTruthy();
    expect(await outboxOf(officer.id)).toHaveLength(2);
    openUserMenu('Sari Wulandari');
    expect(await screen.findByText('2 perubahan menunggu dikirim.')).toBeTruthy();

    fireEvent.click(within(banner).getByRole('link', { name: 'Masuk lagi' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Masuk lagi' })).toBeTruthy();
    const username = screen.getByLabelText<HTMLInputElement>('Nama pengguna');
    expect(username.value).toBe(officer.username);
    expect(username.readOnly).toBe(true);

    fill('Kata sandi', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Daftar tindak lanjut' })).toBeTruthy();
    expect(screen.queryByText(/Sesi Anda telah berakhir/)).toBeNull();
    expect(readRememberedSession()).toMatchObject({ user: officer, expired: false });
    expect(await outboxOf(officer.id)).toHaveLength(2);
  });
});

describe('each user\'s own database', () => {
  it('keeps the first user\'s queued changes from whoever signs in next on the device', async () => {
    // Remembered here, but the server no longer knows the session (no cookie): expired on start.
    const first = await addUser(server.current, 'officer');
    const second = await addUser(server.current, 'officer', { displayName: 'Rudi Hartono' });
    await queueChanges(first.id, 2);
    renderSignedIn('/', first);
    fireEvent.click(within(await screen.findByRole('alert')).getByRole('link', { name: 'Masuk lagi' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Masuk sebagai orang lain' }));
    expect(
      await screen.findByText('2 perubahan milik Sari Wulandari tetap tersimpan di perangkat ini dan dikirim saat Sari Wulandari masuk lagi.'),
    ).toBeTruthy();
    fill('Nama pengguna', second.username);
    fill('Kata sandi', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));

    expect(await screen.findByRole('button', { name: 'Rudi Hartono' })).toBeTruthy();
    openUserMenu('Rudi Hartono');
    expect(screen.queryByText(/perubahan menunggu dikirim/)).toBeNull();
    // Nothing of the first user's is the second's to send: signing out is allowed.
    fireEvent.click(screen.getByRole('button', { name: 'Keluar' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Masuk' })).toBeTruthy();

    expect(await outboxOf(second.id)).toEqual([]);
    expect((await outboxOf(first.id)).map((entry) => entry.mid)).toEqual([1, 2]);
  });
});

describe('signing out', () => {
  it('is refused while changes wait to be sent, saying how many', async () => {
    const officer = await addSignedInUser(server.current, 'officer');
    await queueChanges(officer.id, 2);
    renderSignedIn('/', officer);
    openUserMenu('Sari Wulandari');
    fireEvent.click(screen.getByRole('button', { name: 'Keluar' }));

    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toBe(
      'Belum bisa keluar: 2 perubahan masih menunggu dikirim. Sambungkan ke jaringan agar perubahan itu terkirim, lalu coba lagi.',
    );
    expect(location.pathname).toBe('/');
    expect(readRememberedSession()).toMatchObject({ user: officer, expired: false });
    expect(await sessionsOf(officer.id)).toHaveLength(1);
    expect(await outboxOf(officer.id)).toHaveLength(2);
  });

  it('leads back to sign-in with an empty outbox, forgetting the user here and ending the server session', async () => {
    const officer = await addSignedInUser(server.current, 'officer');
    renderSignedIn('/', officer);
    openUserMenu('Sari Wulandari');
    fireEvent.click(screen.getByRole('button', { name: 'Keluar' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Masuk' })).toBeTruthy();
    expect(location.pathname).toBe('/login');
    expect(readRememberedSession()).toBeNull();
    await waitFor(() => expect(isLogoutPending()).toBe(false));
    expect(await sessionsOf(officer.id)).toEqual([]);
    expect(server.current.cookies.size).toBe(0);
  });

  it('offline, forgets the user at once and ends the server session once back online', async () => {
    const officer = await addSignedInUser(server.current, 'officer');
    setOnline(false);
    renderSignedIn('/', officer);
    openUserMenu('Sari Wulandari');
    fireEvent.click(screen.getByRole('button', { name: 'Keluar' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Masuk' })).toBeTruthy();
    expect(readRememberedSession()).toBeNull();
    expect(isLogoutPending()).toBe(true);
    expect(await sessionsOf(officer.id)).toHaveLength(1);

    setOnline(true);
    await waitFor(() => expect(isLogoutPending()).toBe(false));
    expect(server.current.log).toEqual(['POST /api/auth/logout']);
    expect(await sessionsOf(officer.id)).toEqual([]);
    // Nobody was signed back in by the old cookie.
    expect(screen.getByRole('heading', { level: 1, name: 'Masuk' })).toBeTruthy();
  });
});
