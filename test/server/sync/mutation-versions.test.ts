import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MUTATIONS } from '../../../src/shared/sync/mutations';
import type { Mutation } from '../../../src/shared/sync/protocol';
import type { World } from '../data/world';
import { describeEachDialect, useTestDatabase } from '../databases';
import { aClientId, followUpArgs, mutation, seedSyncWorld, syncApi } from './sync-api';

/**
 * Every change an app ever queued must stay applicable: a phone may sync weeks after the
 * server was upgraded. The version-1 shapes are frozen in test/fixtures/mutations/v1, one
 * file per mutation name, exactly as the first release queued them. Never edit them:
 * when a mutation gets a new version, its old fixture keeps being applied through the
 * upcast steps (src/shared/sync/mutation-history.ts). `{{name}}` stands for a record of
 * the test world.
 */
const V1 = join(import.meta.dirname, '../../fixtures/mutations/v1');

/** The order a device could have queued them in: each builds on the ones before. */
const ORDER = [
  'follow-up.log', 'follow-up.void', 'alumnus.update-contact', 'cohort.create', 'cohort.update',
  'enrollment.create', 'enrollment.update', 'enrollment.withdraw', 'self-report-link.create', 'self-report-link.withdraw',
];

function fixture(name: string, world: World): Omit<Mutation, 'mid'> {
  const text = readFileSync(join(V1, `${name}.json`), 'utf8').replace(/\{\{(\w+)\}\}/g, (_match, key: string) => {
    const value = key === 'aOnly' ? world.aOnly.id : key === 'providerA' ? world.providerA : key === 'vocationId' ? world.vocationId : null;
    if (value === null) throw new Error(`unknown placeholder ${key}`);
    return value;
  });
  return JSON.parse(text) as Omit<Mutation, 'mid'>;
}

it('keeps one frozen version-1 fixture for every mutation name', () => {
  const files = readdirSync(V1).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\.json$/, '')).sort();
  expect(files).toEqual(Object.keys(MUTATIONS).sort());
  expect([...ORDER].sort()).toEqual(files);
});

describeEachDialect('sync push: mutations of every shipped version', (kind) => {
  const database = useTestDatabase(kind);

  it('applies each frozen version-1 mutation on the current server', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push } = syncApi(db, kind);
    const mutations = ORDER.map((name, index) => ({ mid: index + 1, ...fixture(name, world) }));

    const sent = await push(world.users.staffA, aClientId(), mutations);

    expect(sent.status).toBe(200);
    expect(sent.body.results).toEqual(mutations.map(({ mid }) => ({ mid, status: 'applied' })));
    const logged = fixture('follow-up.log', world).args as { id: string };
    expect(await db.selectFrom('followUps').select(['notes', 'voidReason']).where('id', '=', logged.id).executeTakeFirst()).toEqual({ notes: 'Bekerja sejak Agustus', voidReason: 'Salah orang' });
    expect(await db.selectFrom('alumni').select(['phone', 'kecamatan']).where('id', '=', world.aOnly.id).executeTakeFirst()).toEqual({ phone: '+6281377770001', kecamatan: 'Sungai Pinang' });
    expect(await db.selectFrom('cohorts').select(['title', 'actualCertificationDate']).where('title', 'like', 'Las Listrik%').execute()).toEqual([
      { title: 'Las Listrik 2024 (gelombang 2)', actualCertificationDate: '2025-02-20' },
    ]);
    const audit = await db.selectFrom('auditLog').select('mutation').where('clientId', 'is not', null).execute();
    expect(new Set(audit.map((row) => row.mutation))).toEqual(new Set([
      'follow-up.log', 'follow-up.void', 'alumnus.contact', 'cohort.create', 'cohort.update',
      'alumnus.create', 'enrollment.create', 'enrollment.update', 'enrollment.withdraw', 'alumnus.remove',
      'self-report-link.create', 'self-report-link.withdraw',
    ]));
  });

  it('answers a version newer than it knows 426, applying what came before and keeping the rest unsettled', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push } = syncApi(db, kind);
    const client = aClientId();
    const args = [1, 2, 3].map(() => followUpArgs(world.aOnly.id));
    const newer = MUTATIONS['follow-up.log'].version + 1;
    const queued = [mutation(1, 'follow-up.log', args[0]), mutation(2, 'follow-up.log', args[1], { version: newer }), mutation(3, 'follow-up.log', args[2])];

    const stopped = await push(world.users.officer, client, queued);

    expect(stopped.status).toBe(426);
    expect(stopped.body).toMatchObject({
      lastMid: 1,
      results: [{ mid: 1, status: 'applied' }],
      error: { code: 'update-required', details: { mid: 2, name: 'follow-up.log', version: newer, reason: 'newer-version' } },
    });
    expect(stopped.body.error?.message).toContain('follow-up.log');
    const ids = async () => (await db.selectFrom('followUps').select('id').where('id', 'in', args.map((a) => a.id)).execute()).map((row) => row.id).sort();
    expect(await ids()).toEqual([args[0]?.id]);

    // The updated app sends it again in a shape this server reads: nothing is lost or doubled.
    const updated = await push(world.users.officer, client, queued.map((m) => ({ ...m, version: 1 })));
    expect(updated.status).toBe(200);
    expect(updated.body.results).toEqual([1, 2, 3].map((mid) => ({ mid, status: 'applied' })));
    expect(await ids()).toEqual(args.map((a) => a.id).sort());
  });
});
