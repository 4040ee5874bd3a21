import { expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/server/db/schema';
import { updateUser } from '../../../src/server/users/users.service';
import { createSession, SESSION_COOKIE } from '../../../src/server/auth/sessions';
import { isPersonCursor, type Change, type PullCursor, type PullResponse } from '../../../src/shared/sync/protocol';
import { describeEachDialect, useTestDatabase } from '../databases';
import { NOW } from '../data/seed';
import type { TestUser } from '../sign-in';
import { aClientId, applyChanges, followUpArgs, mutation, seedCrowdedWorld, syncApi } from './sync-api';
import { outOfScope } from './scope-check';

/** Records that belong to one person, and the field that names them. */
const OWNED: Record<string, string> = { enrollments: 'alumnusId', followUps: 'alumnusId', selfReportLinks: 'alumnusId' };

describeEachDialect('a first pull by person', (kind) => {
  const database = useTestDatabase(kind);

  it('ends with what a pull of the feed ends with, each person whole within one page, after the records no person owns', async () => {
    const { db } = database.current;
    const world = await seedCrowdedWorld(db);
    const { push, pullAll } = syncApi(db, kind);
    // A withdrawal leaves in A's cohort an enrolment of someone A's staff no longer see.
    const withdrawn = await push(world.users.staffA, aClientId(), [mutation(1, 'enrollment.withdraw', { id: world.enrollments.aOnly.id, reason: 'salah orang' })]);
    expect(withdrawn.body.results).toEqual([{ mid: 1, status: 'applied' }]);

    for (const who of ['officer', 'staffA', 'staffB'] as const) {
      const user = world.users[who];
      const feed = await pullAll(user, aClientId(), null, 5);
      const byPerson = await pullAllByPerson(db, kind, user, null, 5);
      expect({ who, state: sorted(applyChanges(byPerson.changes)) }).toEqual({ who, state: sorted(applyChanges(feed.changes)) });
      expect(byPerson.pages[0]?.reset).toBe(true);
      expect(byPerson.pages.slice(1).every((page) => !page.reset)).toBe(true);
      if (who !== 'officer') await expect(outOfScope(db, who === 'staffA' ? world.providerA : world.providerB, byPerson.changes)).resolves.toEqual([]);

      // Whole people: every record of a person sent is in the page that sends the person.
      const pageOf = new Map<string, number>();
      byPerson.pages.forEach((page, n) => {
        for (const change of page.changes) if (change.entity === 'alumni') pageOf.set(change.id, n);
      });
      byPerson.pages.forEach((page, n) => {
        for (const change of page.changes) {
          const field = OWNED[change.entity];
          if (field === undefined || change.op !== 'put') continue;
          const owner = String(change.record[field]);
          if (pageOf.has(owner)) expect({ who, entity: change.entity, page: pageOf.get(owner) }).toEqual({ who, entity: change.entity, page: n });
        }
      });
      // Providers, vocations, users, places and cohorts before anyone.
      const kinds = byPerson.changes.map((change) => (['alumni', ...Object.keys(OWNED)].includes(change.entity) ? 'person' : 'other'));
      expect(kinds.indexOf('other', kinds.indexOf('person'))).toBe(-1);
      for (const page of byPerson.pages) expect(page.changes.length).toBeLessThanOrEqual(5);

      // Progress counts people, and the last page hands over the feed's cursor: nothing more to pull.
      const alumni = applyChanges(feed.changes).get('alumni')?.size ?? 0;
      expect(byPerson.pages.at(-1)?.byPerson).toEqual({ sent: alumni, total: alumni });
      expect(byPerson.pages.map((page) => page.byPerson?.sent)).toEqual([...byPerson.pages.map((page) => page.byPerson?.sent)].sort((a = 0, b = 0) => a - b));
      expect(isPersonCursor(byPerson.cursor)).toBe(false);
      const idle = await pullAllByPerson(db, kind, user, byPerson.cursor, 5);
      expect(idle.changes).toEqual([]);
      expect(idle.pages[0]?.reset).toBe(false);
    }
  });

  it('misses nothing written while it runs, whether the person was sent already or not yet', async () => {
    const { db } = database.current;
    const world = await seedCrowdedWorld(db);
    const { push, pullAll, pullByPerson } = syncApi(db, kind);
    const officer = world.users.officer;
    const client = aClientId();

    // Part of the way: the records no person owns and the first people.
    const pages: PullResponse[] = [];
    let cursor: PullCursor | null = null;
    while (pages.length < 4) {
      const page = await pullByPerson(officer, client, cursor, 4);
      expect(page.status).toBe(200);
      pages.push(page.body);
      cursor = page.body.cursor;
    }
    expect(isPersonCursor(cursor)).toBe(true);
    const sent = new Set(pages.flatMap((page) => page.changes).filter((change) => change.entity === 'alumni').map((change) => change.id));
    const all = (await db.selectFrom('alumni').select('id').execute()).map((row) => row.id);
    const before = all.find((id) => sent.has(id));
    const after = all.find((id) => !sent.has(id));
    if (before === undefined || after === undefined) throw new Error('the world is too small to stop half way');

    const written = await push(officer, aClientId(), [
      mutation(1, 'follow-up.log', followUpArgs(before)),
      mutation(2, 'follow-up.log', followUpArgs(after)),
      mutation(3, 'alumnus.update-contact', { id: before, patch: { address: 'Jl. Baru 1' } }),
    ]);
    expect(written.body.results.every((result) => result.status === 'applied')).toBe(true);
    const renamed = await push(world.users.staffA, aClientId(), [
      mutation(1, 'cohort.update', { id: world.cohortA.id, patch: { title: 'Alfa berganti nama' }, base: { title: world.cohortA.title } }),
    ]);
    expect(renamed.body.results).toEqual([{ mid: 1, status: 'applied' }]);

    const rest = await pullAllByPerson(db, kind, officer, cursor, 4, client);
    expect(rest.pages.every((page) => !page.reset)).toBe(true);
    const device = applyChanges([...pages.flatMap((page) => page.changes), ...rest.changes]);
    const feed = await pullAll(officer, aClientId(), null);
    expect(sorted(device)).toEqual(sorted(applyChanges(feed.changes)));
    expect(device.get('alumni')?.get(before)).toMatchObject({ address: 'Jl. Baru 1' });
  });

  it('starts over when the user may no longer read a scope it began with, and by the feed for an app that does not ask for it', async () => {
    const { db } = database.current;
    const world = await seedCrowdedWorld(db);
    const { pull, pullByPerson } = syncApi(db, kind);
    const staffA = world.users.staffA;
    const client = aClientId();
    const first = await pullByPerson(staffA, client, null, 3);
    expect(isPersonCursor(first.body.cursor)).toBe(true);

    const resumed = await pullByPerson(staffA, client, first.body.cursor, 3);
    expect(resumed.body.reset).toBe(false);
    const old = await pull(staffA, client, first.body.cursor as never, 3);
    expect(old.body.reset).toBe(true);
    expect(isPersonCursor(old.body.cursor)).toBe(false);

    await updateUser(db, staffA.id, { providerId: world.providerB }, world.users.admin.id, NOW);
    const { token } = await createSession(db, staffA.id, new Date());
    const moved: TestUser = { ...staffA, providerId: world.providerB, cookie: `${SESSION_COOKIE}=${token}` };
    const over = await pullAllByPerson(db, kind, moved, resumed.body.cursor, 3);
    expect(over.pages[0]?.reset).toBe(true);
    await expect(outOfScope(db, world.providerB, over.changes)).resolves.toEqual([]);
    expect([...(applyChanges(over.changes).get('alumni')?.keys() ?? [])]).toContain(world.bOnly.id);
  });
});

/** Pulls by person from `cursor` until `more` is false. */
async function pullAllByPerson(db: Kysely<Database>, kind: Parameters<typeof syncApi>[1], user: TestUser, cursor: PullCursor | null, limit: number, client = aClientId()) {
  const { pullByPerson } = syncApi(db, kind);
  const pages: PullResponse[] = [];
  let next = cursor;
  for (;;) {
    const page = await pullByPerson(user, client, next, limit);
    if (page.status !== 200) throw new Error(`pull answered ${page.status}: ${JSON.stringify(page.body)}`);
    pages.push(page.body);
    next = page.body.cursor;
    if (!page.body.more) break;
    if (pages.length > 1_000) throw new Error('pull never ends');
  }
  return { pages, cursor: next, changes: pages.flatMap((page): Change[] => page.changes) };
}

/** A device's holdings with its tables and records in a fixed order, to compare two. */
function sorted(state: ReturnType<typeof applyChanges>) {
  return Object.fromEntries([...state.entries()].filter(([, records]) => records.size > 0).sort(([a], [b]) => a.localeCompare(b))
    .map(([entity, records]) => [entity, [...records.entries()].sort(([a], [b]) => a.localeCompare(b))]));
}
