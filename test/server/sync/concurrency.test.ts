import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/schema';
import type { PushHooks } from '../../../src/server/sync/push';
import type { Mutation } from '../../../src/shared/sync/protocol';
import { describePostgres, useTestDatabase } from '../databases';
import { aClientId, followUpArgs, idsOf, mutation, seedSyncWorld, syncApi } from './sync-api';

/*
 * The commit-ordered feed under concurrent writers (DESIGN.md, "Commit order"). A push
 * holds its transaction open after writing its change and its feed rows; other pushes
 * to the same provider scopes start meanwhile; pulls run while it is held. With versions
 * from a sequence, a later writer would commit a higher number first, the pull would
 * move its cursor past the held one's lower number, and that change would never be
 * pulled. Only PostgreSQL has concurrent writers; SQLite has one.
 */
describePostgres('sync feed under concurrent pushes', () => {
  const database = useTestDatabase('postgres');

  it('a pull made while a push to the same provider is still open, and the pull after, together miss nothing', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const held = followUpArgs(world.shared.id, { notes: 'held open' }); // versioned in A's scope and in B's
    const { hooks, holding, release } = holdOpen(held.id);
    const { push, pullAll } = syncApi(db, 'postgres', { hooks });
    const { officer, staffA, staffB } = world.users;
    const readers = { staffA: { user: staffA, client: aClientId() }, staffB: { user: staffB, client: aClientId() } };
    const start = {
      staffA: (await pullAll(staffA, readers.staffA.client, null)).cursor,
      staffB: (await pullAll(staffB, readers.staffB.client, null)).cursor,
    };

    const first = push(officer, aClientId(), [mutation(1, 'follow-up.log', held)]);
    await holding.opened;
    // Two more writers of the same scopes, started while the first holds its transaction.
    const inA = followUpArgs(world.aOnly.id, { notes: 'later, provider A' });
    const inB = followUpArgs(world.bOnly.id, { notes: 'later, provider B' });
    const later = [push(staffA, aClientId(), [mutation(1, 'follow-up.log', inA)]), push(staffB, aClientId(), [mutation(1, 'follow-up.log', inB)])];
    await waitUntilSettledOrBlocked(db, later, 2);

    const during = {
      staffA: await pullAll(staffA, readers.staffA.client, start.staffA),
      staffB: await pullAll(staffB, readers.staffB.client, start.staffB),
    };
    expect(idsOf(during.staffA.changes, 'followUps')).not.toContain(held.id);

    release.open();
    for (const answer of [await first, ...(await Promise.all(later))]) expect(answer.body.results).toEqual([{ mid: 1, status: 'applied' }]);

    // Whatever the pull during the hold saw, the next one from its cursor brings the rest.
    const after = {
      staffA: await pullAll(staffA, readers.staffA.client, during.staffA.cursor),
      staffB: await pullAll(staffB, readers.staffB.client, during.staffB.cursor),
    };
    const seen = (who: 'staffA' | 'staffB') => [...idsOf(during[who].changes, 'followUps'), ...idsOf(after[who].changes, 'followUps')].sort();
    expect(seen('staffA')).toEqual([held.id, inA.id].sort());
    expect(seen('staffB')).toEqual([held.id, inB.id].sort());
  });

  it('an enrolment at a second provider while a push logs a follow-up for the same person still brings it to that provider', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const held = followUpArgs(world.aOnly.id, { notes: 'logged while B enrols' }); // aOnly: provider A only, so far
    const { hooks, holding, release } = holdOpen(held.id);
    const { push, pullAll } = syncApi(db, 'postgres', { hooks });
    const { officer, staffB } = world.users;
    const { aOnly } = world;

    const logging = push(officer, aClientId(), [mutation(1, 'follow-up.log', held)]);
    await holding.opened;
    // B enrols the same person by NIK: A's scope read of the follow-up is done, its commit is not.
    const enrolling = push(staffB, aClientId(), [mutation(1, 'enrollment.create', {
      id: randomUUID(), cohortId: world.cohortB.id,
      alumnus: { id: randomUUID(), nik: aOnly.nik, name: aOnly.name, gender: aOnly.gender, birthDate: aOnly.birthDate, education: aOnly.education },
    })]);
    await waitUntilSettledOrBlocked(db, [enrolling], 1);
    release.open();
    for (const answer of [await logging, await enrolling]) expect(answer.body.results).toEqual([{ mid: 1, status: 'applied' }]);

    // B's device, first sync after: the person and their whole history, the held contact included.
    const { changes } = await pullAll(staffB, aClientId(), null);
    expect(idsOf(changes, 'alumni')).toContain(aOnly.id);
    expect(idsOf(changes, 'followUps')).toContain(held.id);
  });
});

/** Push hooks that hold open the transaction of the mutation with `id` (once it wrote its change) until `release` opens. */
function holdOpen(id: string): { hooks: PushHooks; holding: ReturnType<typeof gate>; release: ReturnType<typeof gate> } {
  const holding = gate();
  const release = gate();
  const hooks: PushHooks = {
    beforeCommit: async (_trx, m: Mutation) => {
      if ((m.args as { id?: string }).id !== id) return;
      holding.open();
      await release.opened;
    },
  };
  return { hooks, holding, release };
}

/** A promise opened from outside. */
function gate(): { opened: Promise<void>; open(): void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * Waits until each of `pushes` has either answered or is blocked on a lock in
 * PostgreSQL (`count` backends waiting): then the pull that follows runs while they are
 * as far as they can get. A feed numbered by a sequence would let them commit instead.
 */
async function waitUntilSettledOrBlocked(db: Kysely<Database>, pushes: readonly Promise<unknown>[], count: number): Promise<void> {
  let settled = 0;
  for (const pushed of pushes) void pushed.finally(() => (settled += 1));
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const waiting = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'
    `.execute(db);
    if (settled + (waiting.rows[0]?.n ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the later pushes neither finished nor waited on a lock (${settled} finished)`);
}
