import { describe, expect, it } from 'vitest';
import { DUE_INDEX_REBUILD } from '../../../src/client/storage/db';
import { readMeta } from '../../../src/client/storage/meta.repository';
import { applyPullPage } from '../../../src/client/sync/apply-pull-page';
import { mutate } from '../../../src/client/sync/mutate';
import { parsePullResponse } from '../../../src/client/sync/sync-responses';
import { runSyncCycle } from '../../../src/client/sync/sync-cycle';
import { isPersonCursor, type PullCursor } from '../../../src/shared/sync/protocol';
import { aClientId, seedCrowdedWorld, syncApi } from '../../server/sync/sync-api';
import { useRealServer } from '../real-server';
import { dueIndexAgainstScratch } from './due-index-oracle';
import { logArgs, useLocalDbs } from './local-db';
import { deviceOf } from './device';

const server = useRealServer();
const freshDb = useLocalDbs();

describe('a first pull by person on the device', () => {
  it('has the worklist right for everyone stored after every page, a contact logged meanwhile included, and says how far it is', async () => {
    const world = await seedCrowdedWorld(server.current.db, 16);
    const { pullByPerson } = syncApi(server.current.db, 'sqlite');
    const db = freshDb();
    const user = world.users.officer;
    const actor = { id: user.id, role: user.role, providerId: user.providerId };
    const client = aClientId();

    let cursor: PullCursor | null = null;
    let logged = false;
    let pages = 0;
    for (let more = true; more; pages += 1) {
      const answer = await pullByPerson(user, client, cursor, 5);
      const page = parsePullResponse(answer.body);
      if (page === null) throw new Error(`not a pull answer: ${JSON.stringify(answer.body)}`);
      await applyPullPage(db, actor, page);

      // Whoever the worklist shows is shown as the tables say, never half-arrived.
      const { indexed, scratch } = await dueIndexAgainstScratch(db);
      expect(indexed).toEqual(scratch);
      expect(await db.meta.get(DUE_INDEX_REBUILD)).toBeUndefined();
      const stored = await db.alumni.count();
      expect(await readMeta(db, 'firstPull')).toEqual(isPersonCursor(page.cursor) ? { sent: stored, total: 19 } : undefined);

      // The officer logs a contact for someone already listed while the rest arrives.
      const someone = scratch.find((row) => row.status !== 'seeking');
      if (!logged && someone !== undefined) {
        expect(await mutate(db, actor, 'follow-up.log', logArgs(someone.alumnus.id))).toMatchObject({ kind: 'ok' });
        logged = true;
        expect((await db.dueIndex.get(someone.alumnus.id))?.status).toBe('seeking');
      }
      cursor = page.cursor;
      more = page.more;
    }

    expect(pages).toBeGreaterThan(3);
    expect(logged).toBe(true);
    expect(await db.alumni.count()).toBe(19);
    expect(await db.dueIndex.count()).toBeGreaterThan(0);
    const { indexed, scratch } = await dueIndexAgainstScratch(db);
    expect(indexed).toEqual(scratch);
    expect(isPersonCursor(cursor)).toBe(false);
  });

  it('has the worklist right when the engine pulls small pages, each prepared while the one before is stored', async () => {
    const world = await seedCrowdedWorld(server.current.db, 16);
    const device = deviceOf(server, freshDb(), world.users.officer);
    device.signIn();
    // Pages of 5 changes: the cohorts come over several pages, people from the start.
    const network = globalThis.fetch;
    let pulls = 0;
    globalThis.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (url.pathname !== '/api/sync/pull' || typeof init?.body !== 'string') return network(input, init);
      pulls += 1;
      return network(input, { ...init, body: JSON.stringify({ ...(JSON.parse(init.body) as object), limit: 5 }) });
    };
    try {
      await runSyncCycle(device.db, device.actor);
    } finally {
      globalThis.fetch = network;
    }

    expect(pulls).toBeGreaterThan(5);
    expect(await device.db.alumni.count()).toBe(19);
    expect(await device.db.meta.get(DUE_INDEX_REBUILD)).toBeUndefined();
    const { indexed, scratch } = await dueIndexAgainstScratch(device.db);
    expect(indexed.length).toBeGreaterThan(0);
    expect(indexed).toEqual(scratch);
  });
});
