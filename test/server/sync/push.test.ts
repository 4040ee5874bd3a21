import { expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION } from '../../../src/shared/sync/protocol';
import { describeEachDialect, useTestDatabase } from '../databases';
import { auditOf } from '../data/seed';
import { aClientId, followUpArgs, mutation, seedSyncWorld, syncApi } from './sync-api';

describeEachDialect('sync push', (kind) => {
  const database = useTestDatabase(kind);

  const countFollowUps = async (alumnusId: string) =>
    (await database.current.db.selectFrom('followUps').select('id').where('alumnusId', '=', alumnusId).execute()).length;

  it('applies each mutation once: a repeated push, and a retry after a lost response, skip what was settled', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push } = syncApi(db, kind);
    const officer = world.users.officer;
    const client = aClientId();
    const first = mutation(1, 'follow-up.log', followUpArgs(world.aOnly.id));
    const second = mutation(2, 'follow-up.log', followUpArgs(world.aOnly.id, { status: 'employed', employer: 'PT Badak' }));

    const sent = await push(officer, client, [first, second]);
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ lastMid: 2, results: [{ mid: 1, status: 'applied' }, { mid: 2, status: 'applied' }] });
    expect(await countFollowUps(world.aOnly.id)).toBe(3);

    // The same push again (the response was lost after the commit): the stored results, nothing applied twice.
    const again = await push(officer, client, [first, second]);
    expect(again.body).toEqual(sent.body);
    // A retry that also carries a new mutation applies only that one.
    const third = mutation(3, 'follow-up.log', followUpArgs(world.aOnly.id, { reached: false, status: null, unreachedReason: 'no-answer' }));
    const retried = await push(officer, client, [third, second, first]);
    expect(retried.body).toEqual({ lastMid: 3, results: [{ mid: 1, status: 'applied' }, { mid: 2, status: 'applied' }, { mid: 3, status: 'applied' }] });
    expect(await countFollowUps(world.aOnly.id)).toBe(4);

    const audit = await auditOf(db, (first.args as { id: string }).id);
    expect(audit).toEqual([expect.objectContaining({ mutation: 'follow-up.log', userId: officer.id })]);
    const row = await db.selectFrom('auditLog').select('clientId').where('entityId', '=', (first.args as { id: string }).id).executeTakeFirstOrThrow();
    expect(row.clientId).toBe(client);
    const state = await db.selectFrom('clients').selectAll().where('clientId', '=', client).executeTakeFirstOrThrow();
    expect(state).toMatchObject({ userId: officer.id, lastMid: 3 });
  });

  it('records refusals with their code and details, reports them, and goes on with the next mutation', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push } = syncApi(db, kind);
    const staffA = world.users.staffA;
    const client = aClientId();
    const mutations = [
      mutation(1, 'follow-up.log', followUpArgs(world.bOnly.id)), // another provider's trainee
      mutation(2, 'follow-up.teleport', { id: world.aOnly.id }),
      mutation(3, 'follow-up.log', { ...followUpArgs(world.aOnly.id), reached: 'maybe' }),
      mutation(4, 'follow-up.log', { ...followUpArgs(world.aOnly.id), channel: 'pigeon', id: 'x' }),
      mutation(5, 'follow-up.log', followUpArgs(world.aOnly.id, { status: null })), // valid alone, not as a whole record
      mutation(6, 'follow-up.void', { id: world.followUps.aOnly.id, reason: 'salah orang' }), // the officer's, not staff A's
      mutation(7, 'cohort.create', { id: aClientId(), providerId: world.providerB, vocationId: world.vocationId, title: 'Las', fundingSource: 'apbn', budgetYear: 2024, startDate: '2024-09-01', endDate: '2024-09-30' }),
      mutation(8, 'follow-up.log', followUpArgs(world.aOnly.id)),
    ];

    const sent = await push(staffA, client, mutations);
    expect(sent.status).toBe(200);
    const results = sent.body.results;
    expect(sent.body.lastMid).toBe(8);
    expect(results.map((r) => [r.mid, r.status, r.status === 'rejected' ? r.code : null])).toEqual([
      [1, 'rejected', 'not-found'],
      [2, 'rejected', 'unknown-mutation'],
      [3, 'rejected', 'invalid-body'],
      [4, 'rejected', 'invalid-body'],
      [5, 'rejected', 'invalid-body'],
      [6, 'rejected', 'forbidden'],
      [7, 'rejected', 'out-of-scope'],
      [8, 'applied', null],
    ]);
    expect(results[3]).toMatchObject({ details: [{ path: 'id', code: 'invalid-id' }, { path: 'channel', code: 'invalid-choice' }] });
    expect(results[4]).toMatchObject({ details: [{ path: 'status', code: 'status-required' }], message: expect.stringContaining('status') as unknown });
    for (const result of results) if (result.status === 'rejected') expect(result.message).not.toBe('');

    // Stored: a retry after a lost response gets the same answers, details included.
    const stored = await db.selectFrom('mutationResults').select(['mid', 'status', 'code']).where('clientId', '=', client).orderBy('mid').execute();
    expect(stored.map((r) => [Number(r.mid), r.status, r.code])).toEqual(results.map((r) => [r.mid, r.status, r.status === 'rejected' ? r.code : null]));
    expect((await push(staffA, client, mutations)).body).toEqual(sent.body);
    expect(await countFollowUps(world.bOnly.id)).toBe(1);
    expect(await countFollowUps(world.aOnly.id)).toBe(2);
    expect(await db.selectFrom('cohorts').select('id').execute()).toHaveLength(2);
  });

  it('logs a follow-up id only once: the same content again is applied as a no-op, other content is a conflict', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push } = syncApi(db, kind);
    const args = followUpArgs(world.shared.id);
    const sent = await push(world.users.officer, aClientId(), [
      mutation(1, 'follow-up.log', args),
      mutation(2, 'follow-up.log', args),
      mutation(3, 'follow-up.log', { ...args, notes: 'lain' }),
    ]);
    expect(sent.body.results).toEqual([
      { mid: 1, status: 'applied' },
      { mid: 2, status: 'applied' },
      { mid: 3, status: 'rejected', code: 'conflict', message: expect.any(String) as unknown },
    ]);
    expect(await auditOf(db, args.id)).toHaveLength(1);
  });

  it('stops at a transient failure with 503 and what was settled before it; the retry finishes the queue', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    let failAt: number | null = 2;
    const { push } = syncApi(db, kind, {
      hooks: {
        beforeCommit: (_trx, m) => (m.mid === failAt ? Promise.reject(new Error('simulated lock timeout')) : Promise.resolve()),
      },
    });
    const client = aClientId();
    const mutations = [1, 2, 3].map((mid) => mutation(mid, 'follow-up.log', followUpArgs(world.aOnly.id)));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const failed = await push(world.users.officer, client, mutations);
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ lastMid: 1, results: [{ mid: 1, status: 'applied' }], error: { code: 'unavailable', message: expect.any(String) as unknown } });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(await countFollowUps(world.aOnly.id)).toBe(2); // mid 2 rolled back
    expect(await db.selectFrom('mutationResults').select('mid').where('clientId', '=', client).execute()).toHaveLength(1);

    failAt = null;
    const retried = await push(world.users.officer, client, mutations);
    expect(retried.body).toEqual({ lastMid: 3, results: [1, 2, 3].map((mid) => ({ mid, status: 'applied' })) });
    expect(await countFollowUps(world.aOnly.id)).toBe(4);
  });

  it('answers an old app 426 update-required, another user\'s device id 403, and bad bodies 400 — never 500', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { post, push, pull } = syncApi(db, kind);
    const client = aClientId();
    const officer = world.users.officer;

    for (const path of ['/api/sync/push', '/api/sync/pull']) {
      const old = await post<{ error: { code: string } }>(path, officer, { protocolVersion: PROTOCOL_VERSION + 1, clientId: client, outbox: 'another shape' });
      expect([path, old.status, old.body.error.code]).toEqual([path, 426, 'update-required']);
    }

    expect((await push(officer, client, [])).body).toEqual({ lastMid: 0, results: [] });
    const stolenPush = await push(world.users.staffA, client, [mutation(1, 'follow-up.log', followUpArgs(world.aOnly.id))]);
    expect([stolenPush.status, stolenPush.body.error?.code]).toEqual([403, 'forbidden']);
    const stolenPull = await pull(world.users.staffA, client, null);
    expect([stolenPull.status, stolenPull.body.error?.code]).toEqual([403, 'forbidden']);
    expect(await countFollowUps(world.aOnly.id)).toBe(1);

    const valid = { protocolVersion: PROTOCOL_VERSION, clientId: client, mutations: [] };
    const bodies: [path: string, body: unknown, code: string][] = [
      ['/api/sync/push', '{"protocolVersion":', 'malformed-json'],
      ['/api/sync/push', 'null', 'invalid-body'],
      ['/api/sync/push', [], 'invalid-body'],
      ['/api/sync/push', {}, 'invalid-body'],
      ['/api/sync/push', { ...valid, protocolVersion: '1' }, 'invalid-body'],
      ['/api/sync/push', { ...valid, clientId: 'my-phone' }, 'invalid-body'],
      ['/api/sync/push', { ...valid, mutations: {} }, 'invalid-body'],
      ['/api/sync/push', { ...valid, mutations: [{ mid: -1, name: 'follow-up.log', version: 1, args: {}, hlc: '' }] }, 'invalid-body'],
      ['/api/sync/push', { ...valid, mutations: [{ mid: 1.5, name: 7, version: 1, hlc: 'x' }] }, 'invalid-body'],
      ['/api/sync/push', { ...valid, mutations: Array.from({ length: 501 }, (_, i) => mutation(i + 1, 'follow-up.log', {})) }, 'invalid-body'],
      ['/api/sync/pull', { protocolVersion: PROTOCOL_VERSION, clientId: client }, 'invalid-body'],
      ['/api/sync/pull', { protocolVersion: PROTOCOL_VERSION, clientId: client, cursor: { shared: -1 } }, 'invalid-body'],
      ['/api/sync/pull', { protocolVersion: PROTOCOL_VERSION, clientId: client, cursor: { shared: 'x' } }, 'invalid-body'],
      ['/api/sync/pull', { protocolVersion: PROTOCOL_VERSION, clientId: client, cursor: null, limit: 0 }, 'invalid-body'],
      ['/api/sync/pull', { protocolVersion: PROTOCOL_VERSION, clientId: client, cursor: null, limit: 100_000 }, 'invalid-body'],
    ];
    for (const [path, body, code] of bodies) {
      const refused = await post<{ error: { code: string } }>(path, officer, body);
      expect({ path, body, status: refused.status, code: refused.body.error.code }).toEqual({ path, body, status: 400, code });
    }

    const anonymous = await post<{ error: { code: string } }>('/api/sync/push', { ...officer, cookie: '' }, valid);
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'unauthenticated']);
  });
});
