import { sql } from 'kysely';
import * as v from 'valibot';
import { expect, it } from 'vitest';
import { apiActor } from '../../../src/server/changes/actor';
import { logFollowUp } from '../../../src/server/changes/log-follow-up';
import { runChange } from '../../../src/server/changes/run-change';
import type { SessionUser } from '../../../src/shared/api/auth.api';
import { NewFollowUpSchema, type FollowUpListResponse, type FollowUpResponse } from '../../../src/shared/api/follow-ups.api';
import { describeEachDialect, useTestDatabase } from '../databases';
import { auditOf, dataApi, NOW } from './seed';
import { seedWorld } from './world';

const MISSING_ID = '00000000-0000-4000-8000-00000000f999';
const CLIENT_ID = '5a9d6f10-3333-4eee-8fff-0123456789ab';

describeEachDialect('the follow-ups API', (kind) => {
  const database = useTestDatabase(kind);

  it('logs a follow-up as the signed-in user, audited, and a repeat of the same id and content only once', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const officer = world.users.officer;
    const input = {
      id: CLIENT_ID, alumnusId: world.aOnly.id, contactedAt: '2024-08-30T10:15:00+08:00', channel: 'visit', reached: true,
      status: 'business', statusStartDate: '2024-06-01', businessName: 'Barber Andi', businessKind: 'barbershop', businessEmployees: 2,
      revenueBand: '3m-5m', gpsLat: 0.1325, gpsLng: 117.4853, gpsAccuracy: 12.5,
      officerId: world.users.staffB.id, voidedAt: '2024-08-30T10:00:00.000Z', // not the client's to say
    };

    const logged = await send<FollowUpResponse>('POST', '/api/follow-ups', officer.cookie, input);
    expect(logged.status).toBe(201);
    const followUp = {
      id: CLIENT_ID, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), alumnusId: world.aOnly.id, officerId: officer.id,
      contactedAt: '2024-08-30T02:15:00.000Z', channel: 'visit', reached: true, unreachedReason: null, status: 'business',
      statusStartDate: '2024-06-01', employer: '', jobTitle: '', sector: '', incomeBand: null, businessName: 'Barber Andi',
      businessKind: 'barbershop', businessEmployees: 2, revenueBand: '3m-5m', notes: '', gpsLat: 0.1325, gpsLng: 117.4853,
      gpsAccuracy: 12.5, nextFollowUpDate: null, voidedAt: null, voidedBy: null, voidReason: '',
    };
    expect(logged.body.followUp).toEqual(followUp);
    expect(await auditOf(db, CLIENT_ID)).toEqual([{ mutation: 'follow-up.log', entity: 'followUps', userId: officer.id, before: null, after: followUp }]);

    // Sent again (the response was lost), even with the same instant in UTC: the stored one, 200, no new row or audit.
    const again = await send<FollowUpResponse>('POST', '/api/follow-ups', officer.cookie, { ...input, contactedAt: '2024-08-30T02:15:00Z' });
    expect([again.status, again.body.followUp]).toEqual([200, followUp]);
    const changed = await send('POST', '/api/follow-ups', officer.cookie, { ...input, notes: 'something else' });
    expect([changed.status, changed.body.error.code]).toEqual([409, 'conflict']);
    const otherAuthor = await send('POST', '/api/follow-ups', world.users.staffA.cookie, input);
    expect([otherAuthor.status, otherAuthor.body.error.code]).toEqual([409, 'conflict']);
    expect(await auditOf(db, CLIENT_ID)).toHaveLength(1);

    // Provider staff log for their own alumni, without an id.
    const byStaff = await send<FollowUpResponse>('POST', '/api/follow-ups', world.users.staffA.cookie, {
      alumnusId: world.shared.id, contactedAt: '2024-08-31T01:00:00.000Z', channel: 'phone', reached: false, unreachedReason: 'no-answer',
    });
    expect(byStaff.status).toBe(201);
    expect(byStaff.body.followUp).toMatchObject({ alumnusId: world.shared.id, officerId: world.users.staffA.id, reached: false, status: null });
  });

  // SQLite has one writer at a time, so only PostgreSQL lets two requests pass the "not logged yet" check together.
  it.runIf(kind === 'postgres')('answers the second of two racing copies with the first one\'s record, not a 500', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const actor = apiActor({ ...world.users.officer, displayName: 'Uji officer', providerName: null } satisfies SessionUser);
    const input = v.parse(NewFollowUpSchema, {
      id: CLIENT_ID, alumnusId: world.aOnly.id, contactedAt: '2024-08-30T02:00:00.000Z', channel: 'phone', reached: true, status: 'seeking',
    });
    let commitFirst = () => {};
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstInserted = () => {};
    const inserted = new Promise<void>((resolve) => (firstInserted = resolve));
    const first = db.transaction().execute(async (trx) => {
      const logged = await logFollowUp(trx, actor, input, NOW);
      firstInserted();
      await firstMayCommit;
      return logged;
    });
    await inserted;

    let runs = 0;
    const second = runChange(db, (trx) => {
      runs += 1;
      return logFollowUp(trx, actor, input, NOW);
    });
    // The second insert now waits for the first transaction's row lock.
    while ((await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db)).rows[0]?.n !== 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    commitFirst();
    const { followUp } = await first;
    expect(await second).toEqual({ followUp, created: false });
    expect(runs).toBe(2);
    expect(await auditOf(db, CLIENT_ID)).toHaveLength(1);
  });

  it('refuses bad follow-ups with 400, unknown or foreign alumni with 404, supervisors and admins with 403', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const valid = { alumnusId: world.aOnly.id, contactedAt: '2024-08-30T02:00:00.000Z', channel: 'phone', reached: true, status: 'seeking' };

    const cases: [who: keyof typeof world.users, body: unknown, status: number, code: string, details?: unknown][] = [
      ['officer', {}, 400, 'invalid-body', [
        { path: 'alumnusId', code: 'required' }, { path: 'contactedAt', code: 'required' }, { path: 'channel', code: 'required' }, { path: 'reached', code: 'required' },
      ]],
      ['officer', { ...valid, reached: 'yes', channel: 'sms', contactedAt: '2024-08-30', gpsLat: 91 }, 400, 'invalid-body', [
        { path: 'contactedAt', code: 'invalid-datetime' }, { path: 'channel', code: 'invalid-choice' }, { path: 'reached', code: 'invalid-type' },
        { path: 'gpsLat', code: 'out-of-range' },
      ]],
      ['officer', { ...valid, status: null }, 400, 'invalid-body', [{ path: 'status', code: 'status-required' }]],
      ['officer', { ...valid, reached: false }, 400, 'invalid-body', [
        { path: 'status', code: 'status-not-allowed' }, { path: 'unreachedReason', code: 'reason-required' },
      ]],
      ['officer', { ...valid, id: 'abc', alumnusId: 12 }, 400, 'invalid-body', [{ path: 'id', code: 'invalid-id' }, { path: 'alumnusId', code: 'invalid-type' }]],
      ['officer', '{"alumnusId":', 400, 'malformed-json'],
      ['officer', { ...valid, notes: 'a\u0000b' }, 400, 'invalid-body', [{ path: 'notes', code: 'invalid-character' }]],
      ['officer', { ...valid, alumnusId: MISSING_ID }, 404, 'not-found'],
      ['staffA', { ...valid, alumnusId: world.bOnly.id }, 404, 'not-found'],
      ['supervisor', valid, 403, 'forbidden'],
      ['admin', valid, 403, 'forbidden'],
    ];
    for (const [who, body, status, code, details] of cases) {
      const refused = await send('POST', '/api/follow-ups', world.users[who].cookie, body);
      expect({ who, body, status: refused.status, code: refused.body.error.code, details: refused.body.error.details })
        .toEqual({ who, body, status, code, details });
    }
    const count = await db.selectFrom('followUps').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);
  });

  it('lists follow-ups within the scope, newest contact first, by alumnus and paged', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const ids = async (query: string, who: keyof typeof world.users) => {
      const reply = await send<FollowUpListResponse>('GET', `/api/follow-ups${query}`, world.users[who].cookie);
      expect(reply.status).toBe(200);
      return reply.body.followUps.map((f) => f.id);
    };
    const { aOnly, bOnly, sharedByOfficer, sharedByStaffB } = world.followUps;

    expect(await ids('', 'supervisor')).toEqual([sharedByStaffB.id, sharedByOfficer.id, bOnly.id, aOnly.id]);
    expect(await ids('', 'staffA')).toEqual([sharedByStaffB.id, sharedByOfficer.id, aOnly.id]);
    expect(await ids(`?alumnusId=${world.shared.id}&limit=1&offset=1`, 'staffA')).toEqual([sharedByOfficer.id]);
    expect(await ids(`?alumnusId=${world.bOnly.id}`, 'officer')).toEqual([bOnly.id]);
    const foreign = await send('GET', `/api/follow-ups?alumnusId=${world.bOnly.id}`, world.users.staffA.cookie);
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'not-found']);
    const bad = await send('GET', '/api/follow-ups?alumnusId=1&limit=-5', world.users.officer.cookie);
    expect([bad.status, bad.body.error.details]).toEqual([400, [{ path: 'alumnusId', code: 'invalid-id' }, { path: 'limit', code: 'out-of-range' }]]);
  });

  it('voids a follow-up for its author or a supervisor, once, audited', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const target = world.followUps.sharedByOfficer;
    const path = `/api/follow-ups/${target.id}/void`;

    const cases: [who: keyof typeof world.users, path: string, body: unknown, status: number, code: string, details?: unknown][] = [
      ['staffA', path, { reason: 'wrong person' }, 403, 'forbidden'], // in scope, but not the author
      ['admin', path, { reason: 'wrong person' }, 403, 'forbidden'],
      ['officer', path, {}, 400, 'invalid-body', [{ path: 'reason', code: 'required' }]],
      ['officer', path, { reason: '   ' }, 400, 'invalid-body', [{ path: 'reason', code: 'reason-required' }]],
      // PostgreSQL text cannot hold it: refused on both stores alike.
      ['officer', path, { reason: 'salah\u0000orang' }, 400, 'invalid-body', [{ path: 'reason', code: 'invalid-character' }]],
      ['officer', `/api/follow-ups/${MISSING_ID}/void`, { reason: 'x' }, 404, 'not-found'],
      ['officer', '/api/follow-ups/%20/void', { reason: 'x' }, 404, 'not-found'],
      ['staffA', `/api/follow-ups/${world.followUps.bOnly.id}/void`, { reason: 'x' }, 404, 'not-found'],
    ];
    for (const [who, target, body, status, code, details] of cases) {
      const refused = await send('POST', target, world.users[who].cookie, body);
      expect({ who, target, status: refused.status, code: refused.body.error.code, details: refused.body.error.details })
        .toEqual({ who, target, status, code, details });
    }

    const voided = await send<FollowUpResponse>('POST', path, world.users.officer.cookie, { reason: ' logged for the wrong person ' });
    expect(voided.status).toBe(200);
    const after = { ...target, voidedAt: NOW.toISOString(), voidedBy: world.users.officer.id, voidReason: 'logged for the wrong person', updatedAt: NOW.toISOString() };
    expect(voided.body.followUp).toEqual(after);
    expect(await auditOf(db, target.id)).toEqual([
      { mutation: 'follow-up.void', entity: 'followUps', userId: world.users.officer.id, before: target, after },
    ]);

    const twice = await send('POST', path, world.users.officer.cookie, { reason: 'again' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'conflict']);
    // Still listed, voided, in the alumnus's history.
    const history = await send<FollowUpListResponse>('GET', `/api/follow-ups?alumnusId=${world.shared.id}`, world.users.officer.cookie);
    expect(history.body.followUps.find((f) => f.id === target.id)).toEqual(after);
    expect(await auditOf(db, target.id)).toHaveLength(1);

    // A supervisor corrects anyone's mistaken contact.
    const other = world.followUps.bOnly;
    const bySupervisor = await send<FollowUpResponse>('POST', `/api/follow-ups/${other.id}/void`, world.users.supervisor.cookie, { reason: 'duplikat' });
    expect([bySupervisor.status, bySupervisor.body.followUp.voidedBy, bySupervisor.body.followUp.voidReason]).toEqual([200, world.users.supervisor.id, 'duplikat']);
  });
});
