import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRealServer } from '../real-server';
import { seedSyncWorld } from '../../server/sync/sync-api';
import { deviceOf } from './device';
import { useLocalDbs } from './local-db';

const server = useRealServer();
const freshDb = useLocalDbs();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Runs `act` on a device whose wall clock is `skewMs` off (the server's clock stays true). */
async function withDeviceClock<T>(skewMs: number, act: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + skewMs });
  try {
    return await act();
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => vi.useRealTimers());

const phoneOnServer = async (id: string) => (await server.current.db.selectFrom('alumni').select('phone').where('id', '=', id).executeTakeFirstOrThrow()).phone;

describe('contact fields when device clocks are wrong', () => {
  it.each([
    ['3 hours slow', -3 * HOUR],
    ['10 minutes slow', -10 * MINUTE],
    ['10 minutes fast', 10 * MINUTE],
    ['3 hours fast', 3 * HOUR],
  ])('orders edits as people made them when a phone runs %s', async (_label, skew) => {
    const { users, aOnly } = await seedSyncWorld(server.current.db);
    const office = deviceOf(server, freshDb(), users.officer);
    const phone = deviceOf(server, freshDb(), users.staffA);
    await office.sync();

    await office.mutate('alumnus.update-contact', { id: aOnly.id, patch: { phone: '0813 1111 0001' } });
    expect(await office.sync()).toMatchObject({ kind: 'synced' });

    // The phone sees that edit, then changes the number again: the later edit stands.
    expect(await phone.sync()).toMatchObject({ kind: 'synced' });
    await withDeviceClock(skew, () => phone.mutate('alumnus.update-contact', { id: aOnly.id, patch: { phone: '0813 2222 0002' } }));
    expect(await phone.sync()).toMatchObject({ kind: 'synced' });
    expect(await phoneOnServer(aOnly.id)).toBe('+6281322220002');
    expect(await phone.db.outbox.count()).toBe(0);

    // And back: the office, after seeing the phone's edit, changes it once more and wins too.
    expect(await office.sync()).toMatchObject({ kind: 'synced' });
    await office.mutate('alumnus.update-contact', { id: aOnly.id, patch: { phone: '0813 3333 0003' } });
    expect(await office.sync()).toMatchObject({ kind: 'synced' });
    expect(await phoneOnServer(aOnly.id)).toBe('+6281333330003');
    expect(await office.db.outbox.count()).toBe(0);
    expect((await phone.sync(), (await phone.db.alumni.get(aOnly.id))?.phone)).toBe('+6281333330003');
  });

  it('lists an edit settled against a later one on its device, with both values', async () => {
    const { users, aOnly } = await seedSyncWorld(server.current.db);
    const office = deviceOf(server, freshDb(), users.officer);
    const phone = deviceOf(server, freshDb(), users.staffA);
    await office.sync();
    await phone.sync();

    // Offline and 3 hours slow, the phone edits before it could see the office's edit.
    await withDeviceClock(-3 * HOUR, () => phone.mutate('alumnus.update-contact', { id: aOnly.id, patch: { phone: '0813 2222 0002' } }));
    await office.mutate('alumnus.update-contact', { id: aOnly.id, patch: { phone: '0813 1111 0001' } });
    await office.sync();

    expect(await phone.sync()).toMatchObject({ kind: 'synced' });
    expect(await phoneOnServer(aOnly.id)).toBe('+6281311110001');
    expect(await phone.db.outbox.toArray()).toEqual([expect.objectContaining({
      name: 'alumnus.update-contact', status: 'rejected',
      rejection: expect.objectContaining({ code: 'superseded', current: { phone: '+6281311110001' }, details: { yours: { phone: '+6281322220002' } } }) as unknown,
    })]);
    expect((await phone.db.alumni.get(aOnly.id))?.phone).toBe('+6281311110001');
  });
});
