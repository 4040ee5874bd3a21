import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createApp } from '../../../src/server/app';
import { GUESS_LIMITS } from '../../../src/server/self-report/guess-limit';
import { hashSelfReportToken } from '../../../src/server/self-report/token';
import type { NewSelfReportLinkResponse } from '../../../src/shared/api/self-report.api';
import { describeEachDialect, useTestDatabase } from '../databases';
import { NOW, auditOf, dataApi } from '../data/seed';
import { seedWorld } from '../data/world';
import { aClientId, mutation, syncApi } from '../sync/sync-api';

const DAY_MS = 86_400_000;

describeEachDialect('self-report links', (kind) => {
  const database = useTestDatabase(kind);

  it('makes a link that opens once: the answer is a reached self-report follow-up by the alumnus, then 410', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);

    const made = await send<NewSelfReportLinkResponse>('POST', `/api/alumni/${world.aOnly.id}/self-report-links`, world.users.officer.cookie);
    expect(made.status).toBe(201);
    // No PUBLIC_URL: the origin the request came to.
    expect(made.body.url).toMatch(/^http:\/\/localhost\/r\/[A-Za-z0-9_-]{22,}$/);
    expect(made.body.expiresAt).toBe(new Date(NOW.getTime() + 30 * DAY_MS).toISOString());
    const token = made.body.url.split('/r/')[1]!;

    // Only the hash is stored; the audit and the record never hold the token.
    const row = await db.selectFrom('selfReportLinks').selectAll().where('id', '=', made.body.id).executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(hashSelfReportToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(await auditOf(db, made.body.id))).not.toContain(token);

    const answer = { status: 'employed', employer: 'Hotel Tiara', jobTitle: 'Barber', sector: 'Perhotelan', incomeBand: '3m-5m', businessKind: 'ignored', notes: 'Terima kasih' };
    // Open to anyone who has the link, so no bigger than the answer page takes; the link stays open.
    const oversized = await send('POST', `/api/self-report/${token}`, '', { ...answer, notes: 'x'.repeat(70 * 1024) });
    expect([oversized.status, oversized.body.error.code]).toEqual([413, 'too-large']);
    const answered = await send('POST', `/api/self-report/${token}`, '', answer);
    expect([answered.status, answered.body]).toEqual([201, { answered: true }]);

    const followUp = await db.selectFrom('followUps').selectAll().where('alumnusId', '=', world.aOnly.id).where('channel', '=', 'self-report').executeTakeFirstOrThrow();
    expect(followUp).toMatchObject({
      officerId: world.aOnly.id, reached: 1, status: 'employed', employer: 'Hotel Tiara', jobTitle: 'Barber', sector: 'Perhotelan',
      incomeBand: '3m-5m', businessKind: '', notes: 'Terima kasih', contactedAt: NOW.toISOString(), voidedAt: null,
    });
    const link = await db.selectFrom('selfReportLinks').selectAll().where('id', '=', made.body.id).executeTakeFirstOrThrow();
    expect(link).toMatchObject({ status: 'answered', answeredAt: NOW.toISOString(), followUpId: followUp.id });
    expect((await auditOf(db, followUp.id)).map((entry) => [entry.mutation, entry.userId])).toEqual([['follow-up.log', world.aOnly.id]]);

    // Single use.
    const again = await send('POST', `/api/self-report/${token}`, '', { status: 'seeking' });
    expect([again.status, again.body.error.code]).toEqual([410, 'link-gone']);

    // The officer's timeline shows it, and an officer may void it with a reason.
    const voided = await send('POST', `/api/follow-ups/${followUp.id}/void`, world.users.officer.cookie, { reason: 'Dikirim oleh kerabat' });
    expect(voided.status).toBe(200);
  });

  it('refuses a link after 30 days, or once withdrawn; withdrawing twice is a conflict', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const make = async () => (await send<NewSelfReportLinkResponse>('POST', `/api/alumni/${world.shared.id}/self-report-links`, world.users.staffA.cookie)).body;

    const expiring = await make();
    const justBefore = dataApi(db, kind, new Date(NOW.getTime() + 30 * DAY_MS - 1000));
    const expired = dataApi(db, kind, new Date(NOW.getTime() + 30 * DAY_MS));
    const tokenOf = (url: string) => url.split('/r/')[1]!;
    expect((await expired.send('POST', `/api/self-report/${tokenOf(expiring.url)}`, '', { status: 'seeking' })).status).toBe(410);
    expect((await justBefore.send('POST', `/api/self-report/${tokenOf(expiring.url)}`, '', { status: 'seeking' })).status).toBe(201);

    const withdrawn = await make();
    // Staff of the other provider of a shared alumnus may withdraw; someone outside the scope may not see it.
    const outsider = await send('POST', `/api/self-report-links/${withdrawn.id}/withdraw`, world.users.supervisor.cookie);
    expect(outsider.status).toBe(403);
    const first = await send<{ link: { status: string } }>('POST', `/api/self-report-links/${withdrawn.id}/withdraw`, world.users.staffB.cookie);
    expect([first.status, first.body.link.status]).toEqual([200, 'withdrawn']);
    const second = await send('POST', `/api/self-report-links/${withdrawn.id}/withdraw`, world.users.officer.cookie);
    expect([second.status, second.body.error.code]).toEqual([409, 'conflict']);
    const late = await send('POST', `/api/self-report/${tokenOf(withdrawn.url)}`, '', { status: 'seeking' });
    expect([late.status, late.body.error.code]).toEqual([410, 'link-gone']);
  });

  it('follows the scope of logging a follow-up', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const create = (cookie: string, alumnusId: string) => send('POST', `/api/alumni/${alumnusId}/self-report-links`, cookie);

    expect((await create(world.users.staffB.cookie, world.aOnly.id)).status).toBe(404);
    expect((await create(world.users.staffA.cookie, world.aOnly.id)).status).toBe(201);
    expect((await create(world.users.supervisor.cookie, world.aOnly.id)).status).toBe(403);
    expect((await create(world.users.admin.cookie, world.aOnly.id)).status).toBe(403);
    expect((await create('', world.aOnly.id)).status).toBe(401);
    expect((await create(world.users.officer.cookie, randomUUID())).status).toBe(404);

    const listed = await send<{ links: { alumnusId: string }[] }>('GET', `/api/alumni/${world.aOnly.id}/self-report-links`, world.users.staffB.cookie);
    expect(listed.status).toBe(404);
    const mine = await send<{ links: Record<string, unknown>[] }>('GET', `/api/alumni/${world.aOnly.id}/self-report-links`, world.users.officer.cookie);
    expect(mine.body.links).toHaveLength(1);
    expect(mine.body.links[0]).not.toHaveProperty('tokenHash');

    // Nobody poses as an alumnus answering.
    const forged = await send('POST', '/api/follow-ups', world.users.officer.cookie, {
      alumnusId: world.aOnly.id, contactedAt: NOW.toISOString(), channel: 'self-report', reached: true, status: 'employed',
    });
    expect([forged.status, forged.body.error.details]).toEqual([400, [{ path: 'channel', code: 'invalid-choice' }]]);
  });

  it('refuses an address that guesses tokens with 429, even for a real one', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const made = await send<NewSelfReportLinkResponse>('POST', `/api/alumni/${world.aOnly.id}/self-report-links`, world.users.officer.cookie);
    const token = made.body.url.split('/r/')[1]!;

    for (let guess = 0; guess < GUESS_LIMITS.perAddress; guess += 1) {
      const missed = await send('POST', `/api/self-report/${'A'.repeat(21)}${guess}x`, '', { status: 'seeking' });
      expect(missed.status).toBe(404);
    }
    const limited = await send('POST', `/api/self-report/${token}`, '', { status: 'seeking' });
    expect([limited.status, limited.body.error.code]).toEqual([429, 'rate-limited']);
    const page = await createApp({ db, dbKind: kind, version: 'test', clock: () => NOW }).request(`/r/${token}`);
    expect([page.status, Number(page.headers.get('retry-after')) > 0]).toEqual([429, true]);

    // The window passes: the real token works again.
    const later = dataApi(db, kind, new Date(NOW.getTime() + GUESS_LIMITS.windowMs + 1000));
    expect((await later.send('POST', `/api/self-report/${token}`, '', { status: 'seeking' })).status).toBe(201);
  });

  it('answers bad input with 400 naming the field, and keeps the link open', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const made = await send<NewSelfReportLinkResponse>('POST', `/api/alumni/${world.aOnly.id}/self-report-links`, world.users.officer.cookie);
    const token = made.body.url.split('/r/')[1]!;

    const badStatus = await send('POST', `/api/self-report/${token}`, '', { status: 'rich' });
    expect([badStatus.status, badStatus.body.error.details]).toEqual([400, [{ path: 'status', code: 'invalid-choice' }]]);
    const badMonth = await send('POST', `/api/self-report/${token}`, '', { status: 'business', businessStarted: '2024-13' });
    expect([badMonth.status, badMonth.body.error.details]).toEqual([400, [{ path: 'businessStarted', code: 'invalid-month' }]]);
    expect((await send('POST', `/api/self-report/${token}`, '', '{not json')).status).toBe(400);

    const ok = await send('POST', `/api/self-report/${token}`, '', { status: 'business', businessKind: 'Pangkas rambut', businessStarted: '2024-06' });
    expect(ok.status).toBe(201);
    const followUp = await db.selectFrom('followUps').selectAll().where('channel', '=', 'self-report').executeTakeFirstOrThrow();
    expect(followUp).toMatchObject({ status: 'business', businessKind: 'Pangkas rambut', statusStartDate: '2024-06-01' });
  });

  it('serves the answer page without a session: a plain form, greeting by first name, that takes a urlencoded answer', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send, app } = dataApi(db, kind);
    const made = await send<NewSelfReportLinkResponse>('POST', `/api/alumni/${world.aOnly.id}/self-report-links`, world.users.officer.cookie);
    const path = new URL(made.body.url).pathname;

    const page = await app.request(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('Halo, Andi!');
    expect(html).not.toContain('Alfa');
    expect(html).not.toContain(world.aOnly.nik);
    expect(html).not.toMatch(/<script|style=/i);
    expect(html).toContain('<link rel="stylesheet" href="/r/answer.css">');
    expect((await app.request('/r/answer.css')).headers.get('content-type')).toMatch(/^text\/css/);

    const refused = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'status=&notes=hi' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Pilih salah satu jawaban.');

    const sent = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'status=undisclosed&incomeBand=&businessStarted=&notes=Nanti+saja' });
    expect(sent.status).toBe(201);
    expect(await sent.text()).toContain('Terima kasih');
    const followUp = await db.selectFrom('followUps').selectAll().where('channel', '=', 'self-report').executeTakeFirstOrThrow();
    expect(followUp).toMatchObject({ reached: 1, status: null, notes: 'Nanti saja' });

    const used = await app.request(path);
    expect(used.status).toBe(410);
    expect((await app.request('/r/unknownunknownunknown00')).status).toBe(404);
  });

  it('takes a link made offline by sync, and sends devices its state but never its token', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { push, pullAll, app } = syncApi(db, kind);
    const client = aClientId();
    const token = 'dEvIcE-mAdE_tOkEn-0123456789';
    const id = randomUUID();

    const pushed = await push(world.users.officer, client, [mutation(1, 'self-report-link.create', { id, alumnusId: world.shared.id, token })]);
    expect(pushed.body.results).toEqual([{ mid: 1, status: 'applied' }]);
    const short = await push(world.users.officer, client, [mutation(2, 'self-report-link.create', { id: randomUUID(), alumnusId: world.shared.id, token: 'short' })]);
    expect(short.body.results[0]).toMatchObject({ status: 'rejected', code: 'invalid-body' });

    const answered = await app.request(`/api/self-report/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'seeking' }) });
    expect(answered.status).toBe(201);

    // Staff of either provider of the shared alumnus see the link's state and the answer.
    const { changes } = await pullAll(world.users.staffB, aClientId(), null);
    const link = changes.find((change) => change.entity === 'selfReportLinks' && change.id === id);
    expect(link).toMatchObject({ op: 'put', record: { status: 'answered', alumnusId: world.shared.id } });
    expect(JSON.stringify(changes)).not.toContain(token);
    expect(JSON.stringify(changes)).not.toContain(hashSelfReportToken(token));
    const followUpId = (link as unknown as { record: { followUpId: string } }).record.followUpId;
    expect(changes.some((change) => change.entity === 'followUps' && change.id === followUpId)).toBe(true);

    const withdrawLate = await push(world.users.officer, client, [mutation(3, 'self-report-link.withdraw', { id })]);
    expect(withdrawLate.body.results[0]).toMatchObject({ status: 'rejected', code: 'conflict' });
  });
});
