import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { userDbName } from '../../src/client/storage/db';
import { releasedInThisTab } from '../../src/client/sync/exclusive';
import { SYNC_LOCK } from '../../src/client/sync/sync-runner';
import { hashSelfReportToken } from '../../src/server/self-report/token';
import { recordSnapshot } from '../../src/server/sync/record-snapshot';
import type { SessionUser } from '../../src/shared/api/auth.api';
import { NOW } from '../server/data/seed';
import { seedWorld, type World } from '../server/data/world';
import type { TestUser } from '../server/sign-in';
import { restoreNetwork, setOnline } from './network';
import { outboxOf } from './outbox';
import { useRealServer } from './real-server';
import { renderSignedIn } from './render-app';

const databases: string[] = [];
afterEach(async () => {
  restoreNetwork();
  for (const name of databases.splice(0)) await Dexie.delete(name);
});
const server = useRealServer();
afterEach(async () => {
  await releasedInThisTab(SYNC_LOCK);
});

const SYNCS = { timeout: 10_000 };

async function seed(): Promise<World> {
  const world = await seedWorld(server.current.db);
  await recordSnapshot(server.current.db, NOW);
  return world;
}

async function openAlumnus(user: TestUser, alumnusId: string, name: string) {
  const [cookie = '', token = ''] = user.cookie.split('=');
  server.current.cookies.set(cookie, token);
  const sessionUser: SessionUser = { id: user.id, username: user.username, displayName: 'Petugas Uji', role: user.role, providerId: user.providerId, providerName: null };
  databases.push(userDbName(user.id));
  renderSignedIn(`/alumni/${alumnusId}`, sessionUser);
  await screen.findByRole('heading', { level: 1, name });
}

const links = () => within(screen.getByRole('region', { name: 'Tautan isi sendiri' }));

/** The token the device drew, from the change it queued. */
async function queuedToken(userId: string): Promise<string> {
  const [entry] = (await outboxOf(userId)).filter((row) => row.name === 'self-report-link.create');
  return (entry?.args as { token: string }).token;
}

describe('self-report links on the alumnus page', () => {
  it('are made offline, wait for the sync, then go out by WhatsApp; the answer shows in the timeline', async () => {
    const world = await seed();
    const { officer } = world.users;
    await openAlumnus(officer, world.aOnly.id, 'Andi Alfa');
    await links().findByText('Belum ada tautan.');

    setOnline(false);
    fireEvent.click(links().getByRole('button', { name: 'Buat tautan isi sendiri' }));
    await links().findByText('Tautan dibuat di perangkat ini. Tautan bisa dikirim setelah tersinkron.');
    await links().findByText('Menunggu sinkron: belum bisa dikirim');
    // Not sendable yet: the server does not know the link, so it would not open.
    expect(links().queryByRole('link', { name: 'Kirim lewat WhatsApp' })).toBeNull();
    const token = await queuedToken(officer.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);

    setOnline(true);
    const send = await links().findByRole('link', { name: 'Kirim lewat WhatsApp' }, SYNCS);
    const href = new URL(send.getAttribute('href') ?? '');
    expect(`${href.origin}${href.pathname}`).toBe('https://wa.me/6281211110001');
    const url = `${location.origin}/r/${token}`;
    const message = href.searchParams.get('text') ?? '';
    expect(message).toMatch(/^Halo Andi, kami dari Dinas Ketenagakerjaan/);
    expect(message).toContain(`\n${url}\n`);
    expect(message).not.toContain('Alfa');
    expect(links().getByRole('link', { name: url })).toBeTruthy();
    expect(links().getByText(/^Tersinkron, menunggu jawaban sampai /)).toBeTruthy();
    // The server keeps the hash of the device's token, never the token.
    const stored = await server.current.db.selectFrom('selfReportLinks').selectAll().where('alumnusId', '=', world.aOnly.id).executeTakeFirstOrThrow();
    expect(stored.tokenHash).toBe(hashSelfReportToken(token));

    // The alumnus answers, with no session of their own.
    const answered = await fetch(`/api/self-report/${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'business', businessKind: 'Pangkas rambut', businessStarted: '2024-06' }),
    });
    expect(answered.status).toBe(201);

    setOnline(true);
    await links().findByText(/^Dijawab /, {}, SYNCS);
    expect(links().queryByRole('link', { name: 'Kirim lewat WhatsApp' })).toBeNull();
    expect(links().queryByRole('button', { name: 'Tarik tautan' })).toBeNull();
    const timeline = within(screen.getByRole('region', { name: 'Riwayat tindak lanjut' }));
    await waitFor(() => expect(timeline.getAllByRole('listitem')[0]?.textContent).toContain('Diisi sendiri lewat tautan'), SYNCS);
    const entry = timeline.getAllByRole('listitem')[0];
    expect(entry?.textContent).toContain('Berwirausaha');
    expect(entry?.textContent).toContain('Jenis usaha: Pangkas rambut');
  }, 30_000);

  it('are withdrawn with a tap, on the device at once and on the server at the next sync', async () => {
    const world = await seed();
    const { officer } = world.users;
    await openAlumnus(officer, world.aOnly.id, 'Andi Alfa');
    fireEvent.click(links().getByRole('button', { name: 'Buat tautan isi sendiri' }));
    await links().findByRole('link', { name: 'Kirim lewat WhatsApp' }, SYNCS);

    fireEvent.click(links().getByRole('button', { name: 'Tarik tautan' }));
    await links().findByText('Tautan ditarik dan tidak bisa dipakai lagi.');
    await links().findByText(/^Ditarik /);
    expect(links().queryByRole('link', { name: 'Kirim lewat WhatsApp' })).toBeNull();
    await waitFor(async () => {
      const stored = await server.current.db.selectFrom('selfReportLinks').select('status').where('alumnusId', '=', world.aOnly.id).executeTakeFirstOrThrow();
      expect(stored.status).toBe('withdrawn');
    }, SYNCS);
    const token = await queuedToken(officer.id).catch(() => undefined);
    expect(token).toBeUndefined();
  }, 30_000);

  it('are offered to provider staff for their own alumni', async () => {
    const world = await seed();
    await openAlumnus(world.users.staffA, world.aOnly.id, 'Andi Alfa');
    fireEvent.click(links().getByRole('button', { name: 'Buat tautan isi sendiri' }));
    await links().findByRole('link', { name: 'Kirim lewat WhatsApp' }, SYNCS);
  }, 30_000);

  it('made on another device show their state, not a link this device cannot know', async () => {
    const world = await seed();
    const made = await server.current.app.request(`/api/alumni/${world.aOnly.id}/self-report-links`, {
      method: 'POST',
      headers: { Cookie: world.users.officer.cookie, Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(made.status).toBe(201);
    await openAlumnus(world.users.supervisor, world.aOnly.id, 'Andi Alfa');
    await links().findByText('Dibuat di perangkat lain: tautannya hanya ada di perangkat itu.', {}, SYNCS);
    expect(links().getByText(/^Tersinkron, menunggu jawaban sampai /)).toBeTruthy();
    expect(links().queryByRole('button', { name: 'Buat tautan isi sendiri' })).toBeNull();
    expect(links().queryByRole('button', { name: 'Tarik tautan' })).toBeNull();
  }, 30_000);
});
