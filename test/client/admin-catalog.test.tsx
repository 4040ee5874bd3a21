import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { seedVocationCatalogue } from '../../src/server/catalog/seed-vocations';
import { addProvider, addSignedInUser, addUser } from './accounts';
import { fill, formNamed } from './forms';
import { useRealServer } from './real-server';
import { renderSignedIn } from './render-app';

const server = useRealServer();

async function openAdmin(path: string, heading: string) {
  renderSignedIn(path, await addSignedInUser(server.current, 'admin'));
  await screen.findByRole('heading', { level: 2, name: heading });
}

function card(title: string) {
  return within(screen.getByRole('heading', { level: 3, name: title }).closest('li')!);
}

function vocationRow(name: string) {
  return server.current.db.selectFrom('vocations').selectAll().where('name', '=', name).executeTakeFirst();
}

describe('vocations in /admin', () => {
  it('adds, renames, deactivates and restores a vocation, refusing an empty name beside the field', async () => {
    await openAdmin('/admin/vocations', 'Kejuruan');
    fireEvent.click(screen.getByRole('button', { name: 'Tambah kejuruan' }));
    const form = formNamed('Kejuruan baru');
    fireEvent.click(form.getByRole('button', { name: 'Simpan' }));
    const field = await form.findByRole('textbox', { name: 'Nama kejuruan' });
    await screen.findByText('Periksa isian yang ditandai.');
    expect(field.getAttribute('aria-invalid')).toBe('true');

    fill('Nama kejuruan', 'Las Listrik', form);
    fireEvent.click(form.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('Kejuruan Las Listrik telah ditambahkan.')).toBeTruthy();
    expect(await vocationRow('Las Listrik')).toMatchObject({ deleted: 0 });

    fireEvent.click(card('Las Listrik').getByRole('button', { name: 'Ubah nama Las Listrik' }));
    const rename = formNamed('Ubah nama Las Listrik');
    fill('Nama kejuruan', 'Pengelasan SMAW', rename);
    fireEvent.click(rename.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('Nama kejuruan telah diubah menjadi Pengelasan SMAW.')).toBeTruthy();

    fireEvent.click(card('Pengelasan SMAW').getByRole('button', { name: 'Nonaktifkan Pengelasan SMAW' }));
    expect(await screen.findByText(/^Pengelasan SMAW dinonaktifkan/)).toBeTruthy();
    expect(card('Pengelasan SMAW').getByText('Nonaktif')).toBeTruthy();
    expect(await vocationRow('Pengelasan SMAW')).toMatchObject({ deleted: 1 });

    fireEvent.click(card('Pengelasan SMAW').getByRole('button', { name: 'Aktifkan lagi Pengelasan SMAW' }));
    expect(await screen.findByText('Pengelasan SMAW aktif lagi.')).toBeTruthy();
    expect(await vocationRow('Pengelasan SMAW')).toMatchObject({ deleted: 0 });
  });

  it('deactivates a provider; it is no longer offered for new provider staff', async () => {
    await addProvider(server.current, 'LPK Tutup');
    await openAdmin('/admin/providers', 'Lembaga pelatihan');
    fireEvent.click(card('LPK Tutup').getByRole('button', { name: 'Nonaktifkan LPK Tutup' }));
    expect(await screen.findByText(/^LPK Tutup dinonaktifkan/)).toBeTruthy();
    const stored = await server.current.db.selectFrom('providers').select('deleted').where('name', '=', 'LPK Tutup').executeTakeFirstOrThrow();
    expect(stored.deleted).toBe(1);
  });
});

describe('the first steps list', () => {
  it('leads a new office through providers, vocations and accounts, and goes once all are there', async () => {
    await seedVocationCatalogue(server.current.db, new Date());
    await openAdmin('/admin', 'Pengguna');
    const steps = within(screen.getByRole('region', { name: 'Langkah awal' }));
    const items = steps.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      'Lembaga pelatihan (LPK, BLK) yang menjalankan angkatan — belum',
      'Kejuruan yang diajarkan — selesai (40 kejuruan aktif)',
      'Akun petugas lapangan dan staf lembaga — belum',
    ]);
    expect(steps.getByRole('link', { name: 'Lembaga pelatihan (LPK, BLK) yang menjalankan angkatan' }).getAttribute('href')).toBe('/admin/providers');
  });

  it('is not shown to an office that is set up', async () => {
    const provider = await addProvider(server.current);
    await seedVocationCatalogue(server.current.db, new Date());
    await addUser(server.current, 'provider-staff', { provider });
    await openAdmin('/admin', 'Pengguna');
    expect(screen.queryByRole('region', { name: 'Langkah awal' })).toBeNull();
  });
});
