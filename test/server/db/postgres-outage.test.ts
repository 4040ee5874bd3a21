import { afterEach, beforeEach, expect, it, vi, type MockInstance } from 'vitest';
import { admin, describePostgres, useTestDatabase } from '../databases';
import { aClientId, followUpArgs, mutation, seedSyncWorld, syncApi } from '../sync/sync-api';

/**
 * The server's database goes away under it — its connections are terminated, as a
 * restart or failover does, and new ones are refused for a while — and comes back. The
 * process must stay up (an unheard pg `error` event would end it, and vitest would
 * report it as an unhandled error), answer 503 with Retry-After meanwhile, and recover
 * by itself. Only this test's throwaway database is touched, never the shared server.
 */
describePostgres('a PostgreSQL outage', () => {
  const database = useTestDatabase('postgres');
  let logged: MockInstance;
  beforeEach(() => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    logged.mockRestore();
    await admin(`alter database ${databaseName()} allow_connections true`).catch(() => undefined);
  });

  const databaseName = () => {
    const { config } = database.current;
    if (config.kind !== 'postgres') throw new Error('a PostgreSQL test');
    return new URL(config.url).pathname.slice(1);
  };
  const terminateConnections = () => admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${databaseName()}' and pid <> pg_backend_pid()`);
  const goDown = async () => {
    await admin(`alter database ${databaseName()} allow_connections false`);
    await terminateConnections();
  };
  const comeBack = () => admin(`alter database ${databaseName()} allow_connections true`);

  it('answers 503 with Retry-After while the database is away, health says unavailable, and recovers by itself', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { app, push } = syncApi(db, 'postgres');
    const officer = world.users.officer;
    const client = aClientId();
    // Several connections in the pool, all idle when they are cut.
    await Promise.all([1, 2, 3].map(async () => app.request('/api/health')));
    expect((await push(officer, client, [mutation(1, 'follow-up.log', followUpArgs(world.aOnly.id))])).status).toBe(200);

    await goDown();
    const health = await app.request('/api/health');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, database: 'unavailable' });
    expect(health.headers.get('retry-after')).toMatch(/^\d+$/);

    const queued = [2, 3].map((mid) => mutation(mid, 'follow-up.log', followUpArgs(world.aOnly.id)));
    const refused = await push(officer, client, queued);
    expect(refused.status).toBe(503);
    expect(refused.body.error?.code).toBe('unavailable');
    const screen = await app.request(`/api/alumni/${world.aOnly.id}`, { headers: { cookie: officer.cookie } });
    expect(screen.status).toBe(503);
    expect(screen.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await screen.json()).toMatchObject({ error: { code: 'unavailable' } });

    await comeBack();
    expect((await app.request('/api/health')).status).toBe(200);
    const retried = await push(officer, client, queued);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ lastMid: 3, results: [{ mid: 2, status: 'applied' }, { mid: 3, status: 'applied' }] });
  });

  it('survives losing a connection in the middle of a push transaction: 503, nothing half-written, the retry applies it', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    let cut = true;
    const { push } = syncApi(db, 'postgres', {
      hooks: {
        // The transaction's connection is checked out and idle between queries when it is cut.
        beforeCommit: async () => {
          if (!cut) return;
          cut = false;
          await terminateConnections();
        },
      },
    });
    const client = aClientId();
    const args = followUpArgs(world.aOnly.id);
    const failed = await push(world.users.officer, client, [mutation(1, 'follow-up.log', args)]);
    expect(failed.status).toBe(503);
    expect(await db.selectFrom('followUps').select('id').where('id', '=', args.id).execute()).toEqual([]);

    const retried = await push(world.users.officer, client, [mutation(1, 'follow-up.log', args)]);
    expect(retried.body).toEqual({ lastMid: 1, results: [{ mid: 1, status: 'applied' }] });
    expect(await db.selectFrom('mutationFailures').selectAll().execute()).toEqual([]);
  });
});
