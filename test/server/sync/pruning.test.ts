import { expect, it } from 'vitest';
import { PROTOCOL_VERSION, type PullResponse, type PushResponse } from '../../../src/shared/sync/protocol';
import { describeEachDialect, useTestDatabase } from '../databases';
import { aClientId, followUpArgs, mutation, seedSyncWorld, syncApi } from './sync-api';

describeEachDialect('sync: stored results a device has settled are forgotten', (kind) => {
  const database = useTestDatabase(kind);

  it('keeps a device\'s results until its next push or pull says it has them, then forgets them', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { post } = syncApi(db, kind);
    const officer = world.users.officer;
    const client = aClientId();
    const stored = async () => (await db.selectFrom('mutationResults').select('mid').where('clientId', '=', client).orderBy('mid').execute()).map((row) => Number(row.mid));
    const push = (settledMid: number | undefined, mutations: ReturnType<typeof mutation>[]) =>
      post<PushResponse>('/api/sync/push', officer, { protocolVersion: PROTOCOL_VERSION, clientId: client, mutations, ...(settledMid === undefined ? {} : { settledMid }) });
    const pull = (settledMid: number | undefined) =>
      post<PullResponse>('/api/sync/pull', officer, { protocolVersion: PROTOCOL_VERSION, clientId: client, cursor: null, ...(settledMid === undefined ? {} : { settledMid }) });

    const first = [1, 2, 3].map((mid) => mutation(mid, 'follow-up.log', followUpArgs(mid === 2 ? world.bOnly.id : world.aOnly.id, mid === 2 ? { channel: 'pigeon' } : {})));
    expect((await push(0, first)).body.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(await stored()).toEqual([1, 2, 3]);
    // The answer may have been lost: a retry still gets the refusal, and a pull never lets the device drop it unseen.
    expect((await push(0, first)).body.results).toMatchObject([{ mid: 1 }, { mid: 2, status: 'rejected' }, { mid: 3 }]);
    expect((await pull(undefined)).body.lastMid).toBe(1);
    expect(await stored()).toEqual([1, 2, 3]);

    // The device settled 1–3 (the refusal is on its screen) and pushes the next change.
    expect((await push(3, [mutation(4, 'follow-up.log', followUpArgs(world.aOnly.id))])).body).toEqual({ lastMid: 4, results: [{ mid: 4, status: 'applied' }] });
    expect(await stored()).toEqual([4]);
    // A pull that says so forgets the rest; with no refusal left, it lets the device drop up to its last mid.
    expect((await pull(4)).body.lastMid).toBe(4);
    expect(await stored()).toEqual([]);
  });

  it('never forgets results past what the server settled, whatever the device claims', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { post } = syncApi(db, kind);
    const client = aClientId();
    const mutations = [1, 2].map((mid) => mutation(mid, 'follow-up.log', followUpArgs(world.aOnly.id)));
    await post('/api/sync/push', world.users.officer, { protocolVersion: PROTOCOL_VERSION, clientId: client, mutations: mutations.slice(0, 1) });
    const sent = await post<PushResponse>('/api/sync/push', world.users.officer, { protocolVersion: PROTOCOL_VERSION, clientId: client, settledMid: 99, mutations });
    expect(sent.body).toEqual({ lastMid: 2, results: [{ mid: 2, status: 'applied' }] });
    expect((await db.selectFrom('mutationResults').select('mid').where('clientId', '=', client).execute()).map((row) => Number(row.mid))).toEqual([2]);
  });
});
