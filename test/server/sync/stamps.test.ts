import { expect, it } from 'vitest';
import { readAudit } from '../../../src/server/audit/read-audit';
import { describeEachDialect, useTestDatabase } from '../databases';
import { aClientId, followUpArgs, mutation, seedSyncWorld, syncApi } from './sync-api';

describeEachDialect('sync push: when a device\'s changes are stamped', (kind) => {
  const database = useTestDatabase(kind);

  it('stamps a device\'s changes in mid order across pushes, and never ahead of the server\'s clock', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push, clock } = syncApi(db, kind);
    const client = aClientId();
    const args = Array.from({ length: 1000 }, () => followUpArgs(world.aOnly.id));
    // A fast server: each push of 500 changes is done while its clock moves less than 500 ms.
    const first = clock.now.getTime();
    for (const start of [0, 500]) {
      clock.now = new Date(clock.now.getTime() + start / 5);
      const sent = await push(world.users.officer, client, args.slice(start, start + 500).map((a, i) => mutation(start + i + 1, 'follow-up.log', a)));
      expect([sent.status, sent.body.lastMid]).toEqual([200, start + 500]);
    }
    const end = clock.now.getTime();

    const audit = new Map((await db.selectFrom('auditLog').select(['entityId', 'at']).where('clientId', '=', client).execute()).map((row) => [row.entityId, row.at]));
    const created = new Map((await db.selectFrom('followUps').select(['id', 'createdAt']).where('id', 'in', args.map((a) => a.id)).execute()).map((row) => [row.id, row.createdAt]));
    for (const stamps of [audit, created]) {
      const inMidOrder = args.map((a) => stamps.get(a.id) ?? 'missing');
      expect(inMidOrder.filter((at, i) => i > 0 && at < (inMidOrder[i - 1] ?? ''))).toEqual([]);
      expect(Date.parse(inMidOrder.at(-1) ?? '')).toBeLessThanOrEqual(end);
      expect(Date.parse(inMidOrder[0] ?? '')).toBeGreaterThanOrEqual(first);
    }
  });

  it('lists changes that share one instant newest first, as they were made', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { push } = syncApi(db, kind);
    const client = aClientId();
    // The test clock stands still: every change of the push is stamped with one instant.
    const args = Array.from({ length: 20 }, () => followUpArgs(world.aOnly.id));
    const sent = await push(world.users.officer, client, args.map((a, i) => mutation(i + 1, 'follow-up.log', a)));
    expect(sent.status).toBe(200);

    const listed = (await readAudit(db, { entity: 'followUps', limit: 100 })).filter((entry) => entry.clientId === client);
    expect(new Set(listed.map((entry) => entry.at)).size).toBe(1);
    expect(listed.map((entry) => entry.entityId)).toEqual(args.map((a) => a.id).reverse());
  });
});
