import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { mutate, mutateBatch } from '../../../src/client/sync/mutate';
import { decodeHlc } from '../../../src/shared/sync/hlc';
import { aCohort, aFollowUp, anAlumnus, anId, logArgs, seedLocal, useLocalDbs } from './local-db';

const freshDb = useLocalDbs();
const officer = { id: anId(), role: 'officer' as const, providerId: null };

describe('mutate', () => {
  it('writes the record and its outbox entry together', async () => {
    const db = freshDb();
    const alumnus = anAlumnus();
    await seedLocal(db, { alumni: [alumnus] });
    const args = logArgs(alumnus.id, { notes: '  di rumah  ' });

    const result = await mutate(db, officer, 'follow-up.log', args);

    expect(result).toEqual({ kind: 'ok', mid: 1 });
    const stored = await db.followUps.get(args.id);
    // The shared schema's output is what is stored and queued: trimmed, defaults filled, instants in UTC.
    expect(stored).toMatchObject({ id: args.id, officerId: officer.id, notes: 'di rumah', contactedAt: '2024-08-30T02:00:00.000Z', voidedAt: null, employer: '' });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ mid: 1, name: 'follow-up.log', version: 1, status: 'pending', rejection: null });
    expect(entry?.args).toMatchObject({ id: args.id, notes: 'di rumah' });
    expect(decodeHlc(entry?.hlc ?? '')?.node).toBe(entry?.clientId);
  });

  it('counts mid up by one, keeps one client id, and moves the clock forward, also after the outbox empties', async () => {
    const db = freshDb();
    const alumnus = anAlumnus();
    await seedLocal(db, { alumni: [alumnus] });
    for (let i = 0; i < 3; i += 1) await mutate(db, officer, 'follow-up.log', logArgs(alumnus.id));
    const first = await db.outbox.toArray();
    expect(first.map((entry) => entry.mid)).toEqual([1, 2, 3]);
    expect(new Set(first.map((entry) => entry.clientId)).size).toBe(1);
    const clocks = first.map((entry) => entry.hlc);
    expect([...clocks].sort()).toEqual(clocks);
    expect(new Set(clocks).size).toBe(3);

    // The server settled them all: a later change must not reuse a mid it has seen.
    await db.outbox.clear();
    const next = await mutate(db, officer, 'alumnus.update-contact', { id: alumnus.id, patch: { phone: '0812-1111-2222' } });
    expect(next).toEqual({ kind: 'ok', mid: 4 });
    const [entry] = await db.outbox.toArray();
    expect(entry?.clientId).toBe(first[0]?.clientId);
    expect((entry?.hlc ?? '') > (clocks[2] ?? '')).toBe(true);
    expect((await db.alumni.get(alumnus.id))?.phone).toBe('+6281211112222');
  });

  it('refuses invalid arguments field by field and writes nothing', async () => {
    const db = freshDb();
    const alumnus = anAlumnus();
    await seedLocal(db, { alumni: [alumnus] });

    const result = await mutate(db, officer, 'follow-up.log', { ...logArgs(alumnus.id), channel: 'pigeon' as 'phone', id: 'not-a-uuid' });

    expect(result).toEqual({ kind: 'invalid', issues: [{ path: 'id', code: 'invalid-id' }, { path: 'channel', code: 'invalid-choice' }] });
    expect(await db.followUps.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
  });

  it('leaves neither record nor outbox entry when the local applier refuses', async () => {
    const db = freshDb();
    const alumnus = anAlumnus();
    const someoneElses = aFollowUp({ alumnusId: alumnus.id, officerId: anId() });
    await seedLocal(db, { alumni: [alumnus], followUps: [someoneElses] });
    await mutate(db, officer, 'alumnus.update-contact', { id: alumnus.id, patch: { kecamatan: 'Sungai Kunjang' } });
    const metaBefore = await db.meta.toArray();

    const refused = await mutate(db, officer, 'enrollment.create', {
      id: anId(), cohortId: anId(),
      alumnus: { id: anId(), nik: alumnus.nik, name: 'Siti Aminah', gender: 'female', birthDate: '1999-08-05', education: 'smk' },
    });
    const voidOfAnother = await mutate(db, officer, 'follow-up.void', { id: someoneElses.id, reason: 'salah orang' });

    expect(refused).toEqual({ kind: 'invalid', issues: [{ path: 'cohortId', code: 'not-found' }] });
    expect(voidOfAnother).toEqual({ kind: 'invalid', issues: [{ path: 'id', code: 'forbidden' }] });
    expect(await db.followUps.get(someoneElses.id)).toEqual(someoneElses);
    expect(await db.enrollments.count()).toBe(0);
    expect((await db.outbox.toArray()).map((entry) => entry.mid)).toEqual([1]);
    expect(await db.meta.toArray()).toEqual(metaBefore);
  });

  it('queues a batch after a single change with the next mids and clocks that keep counting up', async () => {
    const db = freshDb();
    const alumnus = anAlumnus();
    await seedLocal(db, { alumni: [alumnus] });
    expect(await mutate(db, officer, 'follow-up.log', logArgs(alumnus.id))).toEqual({ kind: 'ok', mid: 1 });
    const batch = [0, 1, 2].map(() => ({ name: 'follow-up.log' as const, input: logArgs(alumnus.id) }));
    expect(await mutateBatch(db, officer, batch)).toEqual({ kind: 'ok', mids: [2, 3, 4] });
    expect(await mutate(db, officer, 'follow-up.log', logArgs(alumnus.id))).toEqual({ kind: 'ok', mid: 5 });
    const clocks = (await db.outbox.orderBy('mid').toArray()).map((entry) => entry.hlc);
    expect([...clocks].sort()).toEqual(clocks);
    expect(new Set(clocks).size).toBe(5);
  });

  it('rolls the record back when the outbox entry cannot be written (the disk is full)', async () => {
    const db = freshDb();
    const alumnus = anAlumnus();
    await seedLocal(db, { alumni: [alumnus] });
    // The follow-up is written first, then the append fails inside the same transaction.
    vi.spyOn(db.outbox, 'bulkAdd').mockRejectedValueOnce(new Dexie.QuotaExceededError('disk full'));
    const args = logArgs(alumnus.id);

    const result = await mutate(db, officer, 'follow-up.log', args);

    expect(result).toEqual({ kind: 'storage-full' });
    expect(await db.followUps.get(args.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.meta.get('base:followUps/' + args.id)).toBeUndefined();
    expect(await mutate(db, officer, 'follow-up.log', args)).toEqual({ kind: 'ok', mid: 1 });
  });

  it('enrols a known NIK as the same person, and a new one as a new alumnus', async () => {
    const db = freshDb();
    const known = anAlumnus();
    const cohort = aCohort();
    await seedLocal(db, { alumni: [known], cohorts: [cohort] });
    const person = (nik: string) => ({ id: anId(), nik, name: 'Nama Lain', gender: 'female' as const, birthDate: '1999-08-05', education: 'sma' as const });

    const again = await mutate(db, officer, 'enrollment.create', { id: anId(), cohortId: cohort.id, alumnus: person(known.nik) });
    const newcomer = person('6471054508990999');
    const fresh = await mutate(db, officer, 'enrollment.create', { id: anId(), cohortId: cohort.id, alumnus: newcomer });
    const twice = await mutate(db, officer, 'enrollment.create', { id: anId(), cohortId: cohort.id, alumnus: person(known.nik) });

    expect([again.kind, fresh.kind]).toEqual(['ok', 'ok']);
    expect(twice).toEqual({ kind: 'invalid', issues: [{ path: 'alumnus.nik', code: 'conflict' }] });
    const enrolled = await db.enrollments.where('cohortId').equals(cohort.id).toArray();
    expect(enrolled.map((enrollment) => enrollment.alumnusId).sort()).toEqual([known.id, newcomer.id].sort());
    expect(await db.alumni.get(known.id)).toEqual(known);
    expect(await db.alumni.get(newcomer.id)).toMatchObject({ nik: newcomer.nik, name: 'Nama Lain', phone: null, deleted: false });
  });

  it('compares and sets: a field changed since the editor saw it is refused', async () => {
    const db = freshDb();
    const cohort = aCohort({ startDate: '2024-03-01', endDate: '2024-03-30' });
    await seedLocal(db, { cohorts: [cohort] });

    const stale = await mutate(db, officer, 'cohort.update', { id: cohort.id, patch: { endDate: '2024-04-15' }, base: { endDate: '2024-03-31' } });
    const backwards = await mutate(db, officer, 'cohort.update', { id: cohort.id, patch: { endDate: '2024-02-01' }, base: { endDate: '2024-03-30' } });
    const ok = await mutate(db, officer, 'cohort.update', { id: cohort.id, patch: { endDate: '2024-04-15' }, base: { endDate: '2024-03-30' } });

    expect(stale).toEqual({ kind: 'invalid', issues: [{ path: 'patch.endDate', code: 'conflict' }] });
    expect(backwards).toEqual({ kind: 'invalid', issues: [{ path: 'patch.endDate', code: 'dates-out-of-order' }] });
    expect(ok.kind).toBe('ok');
    expect((await db.cohorts.get(cohort.id))?.endDate).toBe('2024-04-15');
  });
});
