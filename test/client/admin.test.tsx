import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/server/auth/sessions';
import { addProvider, addSignedInUser, addUser, canSignIn } from './accounts';
import { choose, descriptionOf, fill, formNamed } from './forms';
import { useRealServer } from './real-server';
import { renderSignedIn } from './render-app';

const server = useRealServer();

/** The admin screen, signed in as an admin, once the server's lists have arrived. */
async function openAdmin(path = '/admin') {
  const admin = await addSignedInUser(server.current, 'admin');
  renderSignedIn(path, admin);
  await screen.findByRole('heading', { level: 2, name: path === '/admin' ? 'Pengguna' : 'Lembaga pelatihan' });
  return admin;
}

/** A user's or provider's card, found by its title. */
function card(title: string) {
  return within(screen.getByRole('heading', { level: 3, name: title }).closest('li')!);
}

function userRow(username: string) {
  return server.current.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
}

describe('the admin screen', () => {
  it('lists the users with their role, provider and state', async () => {
    const provider = await addProvider(server.current, 'BLK Samarinda');
    await addUser(server.current, 'officer');
    await addUser(server.current, 'provider-staff', { provider });
    await openAdmin();

    const titles = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(titles).toEqual(['Agus Admin', 'Budi Santoso', 'Sari Wulandari']);
    expect(card('Budi Santoso').getByText(/Staf lembaga pelatihan · BLK Samarinda/)).toBeTruthy();
    expect(card('Sari Wulandari').getByText(/Petugas lapangan/)).toBeTruthy();
    expect(card('Sari Wulandari').getByText('Aktif')).toBeTruthy();
  });

  it('creates a provider-staff user, asking for their provider first', async () => {
    const provider = await addProvider(server.current, 'LPK Cahaya');
    await openAdmin();
    fireEvent.click(screen.getByRole('button', { name: 'Tambah pengguna' }));
    const form = formNamed('Pengguna baru');
    fill('Nama pengguna', 'staf.lina', form);
    fill('Nama lengkap', 'Lina Marlina', form);
    choose('Peran', 'provider-staff', form);
    fill('Kata sandi awal', 'sandi awal lina', form);
    fireEvent.click(form.getByRole('button', { name: 'Buat pengguna' }));

    const providerField = form.getByLabelText('Lembaga pelatihan');
    await screen.findByText('Staf lembaga pelatihan harus terhubung ke lembaganya.');
    expect(providerField.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(providerField)).toBe('Staf lembaga pelatihan harus terhubung ke lembaganya.');
    expect(form.getByLabelText<HTMLInputElement>('Nama pengguna').value).toBe('staf.lina');

    choose('Lembaga pelatihan', provider.id, form);
    fireEvent.click(form.getByRole('button', { name: 'Buat pengguna' }));
    expect(await screen.findByText('Pengguna staf.lina telah dibuat.')).toBeTruthy();
    expect(card('Lina Marlina').getByText(/Staf lembaga pelatihan · LPK Cahaya/)).toBeTruthy();

    expect(await userRow('staf.lina')).toMatchObject({ displayName: 'Lina Marlina', role: 'provider-staff', providerId: provider.id, active: 1 });
    expect(await canSignIn(server.current, 'staf.lina', 'sandi awal lina')).toBe(true);
  });

  it('renames and deactivates a user, ending their sessions', async () => {
    const officer = await addUser(server.current, 'officer');
    await createSession(server.current.db, officer.id, new Date());
    await openAdmin();
    fireEvent.click(card('Sari Wulandari').getByRole('button', { name: 'Ubah Sari Wulandari' }));
    const form = formNamed('Ubah data Sari Wulandari');
    fill('Nama lengkap', 'Sari W.', form);
    fireEvent.click(form.getByRole('checkbox', { name: 'Akun aktif' }));
    fireEvent.click(form.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByText('Perubahan untuk Sari W. telah disimpan.')).toBeTruthy();
    expect(card('Sari W.').getByText('Nonaktif')).toBeTruthy();
    expect(await userRow(officer.username)).toMatchObject({ displayName: 'Sari W.', active: 0 });
    expect(await server.current.db.selectFrom('sessions').select('id').where('userId', '=', officer.id).execute()).toEqual([]);
  });

  it('grants an officer cohort rights; the box is offered for officers only', async () => {
    const officer = await addUser(server.current, 'officer');
    await openAdmin();
    fireEvent.click(card('Sari Wulandari').getByRole('button', { name: 'Ubah Sari Wulandari' }));
    const form = formNamed('Ubah data Sari Wulandari');
    fireEvent.click(form.getByRole('checkbox', { name: 'Boleh membuat dan mengubah angkatan' }));
    fireEvent.click(form.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByText('Perubahan untuk Sari Wulandari telah disimpan.')).toBeTruthy();
    expect(card('Sari Wulandari').getByText(/Petugas lapangan · mengelola angkatan/)).toBeTruthy();
    expect(await userRow(officer.username)).toMatchObject({ role: 'officer', managesCohorts: 1 });

    fireEvent.click(screen.getByRole('button', { name: 'Tambah pengguna' }));
    const created = formNamed('Pengguna baru');
    expect(created.getByRole('checkbox', { name: 'Boleh membuat dan mengubah angkatan' })).toBeTruthy();
    choose('Peran', 'supervisor', created);
    expect(created.queryByRole('checkbox', { name: 'Boleh membuat dan mengubah angkatan' })).toBeNull();
  });

  it('resets a password: the new one signs in, and a change is asked for', async () => {
    const officer = await addUser(server.current, 'officer');
    await openAdmin();
    fireEvent.click(card('Sari Wulandari').getByRole('button', { name: 'Atur ulang kata sandi Sari Wulandari' }));
    const form = formNamed('Atur ulang kata sandi Sari Wulandari');
    fill('Kata sandi baru', 'sandi dari admin', form);
    fireEvent.click(form.getByRole('button', { name: 'Setel kata sandi' }));

    expect(await screen.findByText('Kata sandi Sari Wulandari telah diatur ulang dan sesinya diakhiri.')).toBeTruthy();
    expect(await userRow(officer.username)).toMatchObject({ mustChangePassword: 1 });
    expect(await canSignIn(server.current, officer.username, 'sandi dari admin')).toBe(true);
  });

  it('adds a training provider from its own section', async () => {
    await openAdmin();
    const sections = within(screen.getByRole('navigation', { name: 'Bagian administrasi' }));
    fireEvent.click(sections.getByRole('link', { name: 'Lembaga pelatihan' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Tambah lembaga' }));
    const form = formNamed('Lembaga baru');
    fill('Nama lembaga', 'BLK Balikpapan', form);
    choose('Jenis', 'blk', form);
    fill('Alamat', 'Jl. Soekarno-Hatta 5', form);
    fill('Telepon', '0542-123456', form);
    fireEvent.click(form.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByText('Lembaga BLK Balikpapan telah ditambahkan.')).toBeTruthy();
    expect(location.pathname).toBe('/admin/providers');
    expect(card('BLK Balikpapan').getByText(/BLK \(balai latihan kerja\)/)).toBeTruthy();
    const stored = await server.current.db.selectFrom('providers').selectAll().where('name', '=', 'BLK Balikpapan').executeTakeFirstOrThrow();
    // Stored as the server normalises phone numbers.
    expect(stored).toMatchObject({ kind: 'blk', address: 'Jl. Soekarno-Hatta 5', phone: '+62542123456', deleted: 0 });
  });
});
