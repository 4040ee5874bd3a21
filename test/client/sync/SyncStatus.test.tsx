import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncNotices, SyncStatus } from '../../../src/client/app/SyncStatus';
import { UserProvider, SessionProvider } from '../../../src/client/auth/SessionProvider';
import { rememberSession } from '../../../src/client/auth/remembered-session';
import { I18nProvider } from '../../../src/client/i18n';
import { id as words } from '../../../src/client/i18n/id';
import { DbProvider } from '../../../src/client/storage/DbProvider';
import { openDb, userDbName } from '../../../src/client/storage/db';
import { readMeta } from '../../../src/client/storage/meta.repository';
import { releasedInThisTab } from '../../../src/client/sync/exclusive';
import { SyncProvider, useMutate } from '../../../src/client/sync/SyncProvider';
import { SYNC_LOCK } from '../../../src/client/sync/sync-runner';
import type { SessionUser } from '../../../src/shared/api/auth.api';
import { PROTOCOL_VERSION } from '../../../src/shared/sync/protocol';
import type { TestUser } from '../../server/sign-in';
import { seedSyncWorld } from '../../server/sync/sync-api';
import { useRealServer } from '../real-server';
import { speakProtocol } from './device';
import { logArgs } from './local-db';

// Registered before the server helper so it runs after it (hooks run in reverse): unmounted first.
const databases: string[] = [];
afterEach(async () => {
  for (const name of databases.splice(0)) await Dexie.delete(name);
  Reflect.deleteProperty(navigator, 'storage');
});
const server = useRealServer();
// Registered after it, so it runs first: a cycle still running ends before the server goes.
afterEach(async () => {
  await releasedInThisTab(SYNC_LOCK);
});

function sessionUserOf(user: TestUser): SessionUser {
  return { id: user.id, username: user.username, displayName: 'Petugas Uji', role: user.role, providerId: user.providerId, providerName: null };
}

/** What the shell will mount: the user's database, sync around the screens, the status in the header. */
function renderSynced(user: TestUser, screen: preact.ComponentChildren = null) {
  const [name = '', value = ''] = user.cookie.split('=');
  server.current.cookies.set(name, value);
  const sessionUser = sessionUserOf(user);
  rememberSession({ user: sessionUser, expired: false, mustChangePassword: false });
  databases.push(userDbName(user.id));
  return render(
    <I18nProvider>
      <SessionProvider>
        <UserProvider value={sessionUser}>
          <DbProvider userId={user.id}>
            <SyncProvider>
              <header>
                <SyncStatus />
              </header>
              <main>
                <SyncNotices />
                {screen}
              </main>
            </SyncProvider>
          </DbProvider>
        </UserProvider>
      </SessionProvider>
    </I18nProvider>,
  );
}

/** A stand-in for a screen: logs a contact through the one mutation layer. */
function LogButton({ alumnusId }: { alumnusId: string }) {
  const mutate = useMutate();
  return (
    <button type="button" onClick={() => void mutate('follow-up.log', logArgs(alumnusId))}>
      Catat kontak
    </button>
  );
}

const statusButton = () => screen.getByRole('button', { name: /^Daring/ });
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1) + '.';

describe('SyncStatus', () => {
  it('shows the changes waiting and the last sync, and sends them on "sync now"', async () => {
    const { users, aOnly } = await seedSyncWorld(server.current.db);
    renderSynced(users.officer, <LogButton alumnusId={aOnly.id} />);

    fireEvent.click(statusButton());
    expect(statusButton().getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('region', { name: 'Sinkronisasi' });
    // The engine syncs on start: the alumnus is on the device once it has.
    await within(panel).findByText(/^Sinkron terakhir/);
    expect(within(panel).getByText('Semua perubahan sudah terkirim.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Catat kontak' }));
    await waitFor(() => expect(statusButton().textContent).toContain('1 perubahan menunggu dikirim.'));
    expect(within(panel).getByText('1 perubahan menunggu dikirim.')).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: 'Sinkronkan sekarang' }));
    await within(panel).findByText('Semua perubahan sudah terkirim.');
    expect(await server.current.db.selectFrom('followUps').select('id').where('alumnusId', '=', aOnly.id).execute()).toHaveLength(2);
  });

  it('lists a refused change with its reason in words, and discards it', async () => {
    const { users, aOnly } = await seedSyncWorld(server.current.db);
    renderSynced(users.officer, <LogButton alumnusId={aOnly.id} />);
    fireEvent.click(statusButton());
    const panel = screen.getByRole('region', { name: 'Sinkronisasi' });
    await within(panel).findByText(/^Sinkron terakhir/);
    // Removed on the server meanwhile (straight in its database: this device has not heard).
    await server.current.db.updateTable('alumni').set({ deleted: 1 }).where('id', '=', aOnly.id).execute();

    fireEvent.click(screen.getByRole('button', { name: 'Catat kontak' }));
    await waitFor(() => expect(statusButton().textContent).toContain('1 perubahan menunggu dikirim.'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Sinkronkan sekarang' }));

    const discard = await within(panel).findByRole('button', { name: 'Buang perubahan: Tindak lanjut baru' });
    expect(within(panel).getByText(sentence(words.errors['not-found']))).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'Buka data' }).getAttribute('href')).toBe(`/alumni/${aOnly.id}`);
    expect(statusButton().textContent).toContain('1 perubahan ditolak server.');

    fireEvent.click(discard);
    await waitFor(() => expect(within(panel).queryByRole('button', { name: /^Buang perubahan/ })).toBeNull());
    await waitFor(() => expect(statusButton().textContent).not.toContain('ditolak'));
    const db = openDb(userDbName(users.officer.id));
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('asks the user to update the app when the server no longer speaks its protocol', async () => {
    const { users } = await seedSyncWorld(server.current.db);
    const restore = speakProtocol(PROTOCOL_VERSION - 1);
    renderSynced(users.officer);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Versi aplikasi ini terlalu lama untuk server.');
    expect(within(alert).getByRole('button', { name: 'Perbarui aplikasi' })).toBeTruthy();
    restore();
  });

  it('says once that the browser may evict unsynced data when persistent storage is refused', async () => {
    const { users } = await seedSyncWorld(server.current.db);
    const asked: string[] = [];
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: { persisted: () => Promise.resolve(false), persist: () => (asked.push('persist'), Promise.resolve(false)) },
    });
    const view = renderSynced(users.officer);

    const notice = await screen.findByText(/^Browser tidak menjamin data Jejak disimpan permanen/);
    fireEvent.click(screen.getByRole('button', { name: 'Mengerti' }));
    await waitFor(() => expect(screen.queryByText(notice.textContent ?? '')).toBeNull());
    const db = openDb(userDbName(users.officer.id));
    await waitFor(async () => expect(await readMeta(db, 'persistence')).toBe('told'));
    db.close();

    view.unmount();
    renderSynced(users.officer);
    await screen.findByRole('button', { name: /^Daring/ });
    fireEvent.click(statusButton());
    await screen.findByText(/^Sinkron terakhir/);
    expect(screen.queryByText(/^Browser tidak menjamin/)).toBeNull();
    expect(asked).toEqual(['persist']);
  });
});
