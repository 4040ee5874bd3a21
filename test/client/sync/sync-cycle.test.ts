import { describe, expect, it } from 'vitest';
import { ensureClientId, readMeta, writeMeta } from '../../../src/client/storage/meta.repository';
import { pull } from '../../../src/client/sync/pull';
import { PROTOCOL_VERSION } from '../../../src/shared/sync/protocol';
import { useRealServer } from '../real-server';
import { seedSyncWorld } from '../../server/sync/sync-api';
import { deviceOf, loseNextAnswer, phoneBehindLaptop, speakProtocol } from './device';
import { anAlumnus, anId, logArgs, useLocalDbs } from './local-db';

const server = useRealServer();
const freshDb = useLocalDbs();

async function world() {
  return seedSyncWorld(server.current.db);
}

const serverFollowUps = (alumnusId: string) =>
  server.current.db.selectFrom('followUps').selectAll().where('alumnusId', '=', alumnusId).execute();

describe('the sync cycle against the real server', () => {
  it('pulls what the user may see, then pushes a change made here and clears it from the outbox', async () => {
    const { users, aOnly, bOnly, cohortA, cohortB } = await world();
    const staffA = deviceOf(server, freshDb(), users.staffA);

    expect(await staffA.sync()).toMatchObject({ kind: 'synced' });
    expect(await staffA.db.alumni.get(aOnly.id)).toEqual(aOnly);
    expect(await staffA.db.cohorts.get(cohortA.id)).toEqual(cohortA);
    // Another provider's trainee and cohort never reach this device.
    expect(await staffA.db.alumni.get(bOnly.id)).toBeUndefined();
    expect(await staffA.db.cohorts.get(cohortB.id)).toBeUndefined();

    const args = logArgs(aOnly.id, { notes: 'Bekerja di bengkel' });
    expect(await staffA.mutate('follow-up.log', args)).toMatchObject({ kind: 'ok' });
    const outcome = await staffA.sync();

    expect(outcome).toMatchObject({ kind: 'synced' });
    expect(await staffA.db.outbox.count()).toBe(0);
    const [stored] = (await serverFollowUps(aOnly.id)).filter((row) => row.id === args.id);
    expect(stored).toMatchObject({ officerId: users.staffA.id, notes: 'Bekerja di bengkel' });
    // After the pull the device holds the server's record (its timestamps), not its own guess.
    expect(await staffA.db.followUps.get(args.id)).toMatchObject({ id: args.id, notes: 'Bekerja di bengkel', createdAt: stored?.createdAt });
    expect(await readMeta(staffA.db, 'lastSyncedAt')).toBe(outcome.kind === 'synced' ? outcome.at : null);
    expect(await staffA.db.meta.where('key').startsWith('base:').count()).toBe(0);
  });

  it('applies a change once when the answer to its push was lost and the push is retried', async () => {
    const { users, aOnly } = await world();
    const officer = deviceOf(server, freshDb(), users.officer);
    await officer.sync();
    const before = (await serverFollowUps(aOnly.id)).length;
    const args = logArgs(aOnly.id);
    await officer.mutate('follow-up.log', args);

    const restore = loseNextAnswer('/api/sync/push');
    const lost = await officer.sync();
    restore();

    expect(lost).toEqual({ kind: 'unreachable' });
    // The server has it; the device cannot know, so it keeps it queued.
    expect((await serverFollowUps(aOnly.id)).length).toBe(before + 1);
    expect((await officer.db.outbox.toArray()).map((entry) => entry.status)).toEqual(['pending']);

    expect(await officer.sync()).toMatchObject({ kind: 'synced' });
    expect((await serverFollowUps(aOnly.id)).length).toBe(before + 1);
    expect(await officer.db.outbox.count()).toBe(0);
    expect(await officer.db.followUps.where('alumnusId').equals(aOnly.id).count()).toBe(before + 1);
  });

  it('clears the outbox from a pull alone when the push answer was lost', async () => {
    const { users, aOnly } = await world();
    const officer = deviceOf(server, freshDb(), users.officer);
    await officer.sync();
    await officer.mutate('follow-up.log', logArgs(aOnly.id));
    const restore = loseNextAnswer('/api/sync/push');
    await officer.sync();
    restore();

    officer.signIn();
    const clientId = await officer.db.transaction('rw', officer.db.meta, () => ensureClientId(officer.db));
    expect(await pull(officer.db, officer.actor, clientId, () => undefined)).toBeNull();

    expect(await officer.db.outbox.count()).toBe(0);
  });

  it('keeps a refused change as rejected with the current value, undoes it here, and sends the next one', async () => {
    const { phone, cohortA, aOnly, queueRefusedEdit } = await phoneBehindLaptop(server, freshDb);
    // The phone, offline, edits the same date from what it saw, then logs a contact.
    await queueRefusedEdit();
    const followUp = logArgs(aOnly.id);
    await phone.mutate('follow-up.log', followUp);
    expect((await phone.db.cohorts.get(cohortA.id))?.endDate).toBe('2024-04-10');

    expect(await phone.sync()).toMatchObject({ kind: 'synced' });

    const outbox = await phone.db.outbox.toArray();
    expect(outbox).toEqual([
      expect.objectContaining({ mid: 1, name: 'cohort.update', status: 'rejected', rejection: expect.objectContaining({ code: 'conflict', current: { endDate: '2024-04-05' } }) as unknown }),
    ]);
    expect((await serverFollowUps(aOnly.id)).map((row) => row.id)).toContain(followUp.id);
    expect((await phone.db.cohorts.get(cohortA.id))?.endDate).toBe('2024-04-05');
    expect(await phone.db.meta.where('key').startsWith('base:').count()).toBe(0);
    // The pull after the push told the server the device holds both answers: it keeps neither.
    const clientId = await readMeta(phone.db, 'clientId');
    expect(await server.current.db.selectFrom('mutationResults').select('mid').where('clientId', '=', clientId ?? '').execute()).toEqual([]);
  });

  it('re-applies a pending change on top of a pulled page, so the user keeps seeing it', async () => {
    const { users, aOnly } = await world();
    const officer = deviceOf(server, freshDb(), users.officer);
    const staffA = deviceOf(server, freshDb(), users.staffA);
    await officer.sync();
    await staffA.sync();

    await officer.mutate('alumnus.update-contact', { id: aOnly.id, patch: { phone: '0813-5555-0001' } });
    await staffA.mutate('alumnus.update-contact', { id: aOnly.id, patch: { address: 'Jl. Pramuka 9' } });
    await staffA.sync();

    // A pull while the officer's own change has not been sent yet.
    officer.signIn();
    const clientId = await officer.db.transaction('rw', officer.db.meta, () => ensureClientId(officer.db));
    expect(await pull(officer.db, officer.actor, clientId, () => undefined)).toBeNull();

    expect(await officer.db.alumni.get(aOnly.id)).toMatchObject({ address: 'Jl. Pramuka 9', phone: '+6281355550001' });
    expect((await officer.db.outbox.toArray()).map((entry) => entry.status)).toEqual(['pending']);

    expect(await officer.sync()).toMatchObject({ kind: 'synced' });
    const onServer = await server.current.db.selectFrom('alumni').select(['phone', 'address']).where('id', '=', aOnly.id).executeTakeFirstOrThrow();
    expect(onServer).toEqual({ phone: '+6281355550001', address: 'Jl. Pramuka 9' });
    expect(await officer.db.alumni.get(aOnly.id)).toMatchObject(onServer);
  });

  it('on reset wipes the synced data, never the outbox, and puts the pending change back on top', async () => {
    const { users, aOnly } = await world();
    const staffA = deviceOf(server, freshDb(), users.staffA);
    await staffA.sync();
    const stray = anAlumnus();
    await staffA.db.alumni.put(stray);
    await staffA.mutate('alumnus.update-contact', { id: aOnly.id, patch: { kecamatan: 'Palaran' } });
    // A cursor naming a scope this user may not read: the server starts over.
    await writeMeta(staffA.db, 'cursor', { [`p:${anId()}`]: 1 });

    staffA.signIn();
    const clientId = await staffA.db.transaction('rw', staffA.db.meta, () => ensureClientId(staffA.db));
    expect(await pull(staffA.db, staffA.actor, clientId, () => undefined)).toBeNull();

    expect(await staffA.db.alumni.get(stray.id)).toBeUndefined();
    expect(await staffA.db.alumni.get(aOnly.id)).toMatchObject({ kecamatan: 'Palaran' });
    expect(await staffA.db.outbox.count()).toBe(1);
    expect(await staffA.sync()).toMatchObject({ kind: 'synced' });
    expect(await staffA.db.outbox.count()).toBe(0);
  });

  it('enrols a NIK the server knew under another id as that person, and drops the local twin', async () => {
    const { users, cohortA, bOnly } = await world();
    const staffA = deviceOf(server, freshDb(), users.staffA);
    await staffA.sync();
    const madeHere = anId();
    const enrollmentId = anId();
    await staffA.mutate('enrollment.create', {
      id: enrollmentId, cohortId: cohortA.id,
      alumnus: { id: madeHere, nik: bOnly.nik, name: 'BAMBANG  BRAVO', gender: 'female', birthDate: bOnly.birthDate, education: 'smk' },
    });
    expect(await staffA.db.alumni.get(madeHere)).toBeDefined();

    expect(await staffA.sync()).toMatchObject({ kind: 'synced' });

    expect(await staffA.db.alumni.get(madeHere)).toBeUndefined();
    expect(await staffA.db.alumni.get(bOnly.id)).toMatchObject({ nik: bOnly.nik, name: bOnly.name });
    expect(await staffA.db.enrollments.get(enrollmentId)).toMatchObject({ alumnusId: bOnly.id, cohortId: cohortA.id });
  });

  it('stops with update-required when the server no longer speaks the app\'s protocol, keeping the outbox', async () => {
    const { users, aOnly } = await world();
    const officer = deviceOf(server, freshDb(), users.officer);
    await officer.sync();
    await officer.mutate('follow-up.log', logArgs(aOnly.id));

    const restore = speakProtocol(PROTOCOL_VERSION - 1);
    const outcome = await officer.sync();
    restore();

    expect(outcome).toEqual({ kind: 'update-required' });
    expect((await officer.db.outbox.toArray()).map((entry) => entry.status)).toEqual(['pending']);
  });

  it('keeps its queue and asks for an update when the server cannot read a queued change\'s version', async () => {
    const { users, aOnly } = await world();
    const officer = deviceOf(server, freshDb(), users.officer);
    await officer.sync();
    const [first, second, third] = [logArgs(aOnly.id), logArgs(aOnly.id), logArgs(aOnly.id)];
    for (const args of [first, second, third]) await officer.mutate('follow-up.log', args);
    // Queued by an app newer than the server (a server rolled back, or not yet upgraded).
    const [, newer] = await officer.db.outbox.toArray();
    await officer.db.outbox.update(newer?.mid ?? 0, { version: 99 });

    expect(await officer.sync()).toEqual({ kind: 'update-required' });

    expect((await officer.db.outbox.toArray()).map((entry) => entry.status)).toEqual(['pending', 'pending', 'pending']);
    expect((await serverFollowUps(aOnly.id)).map((row) => row.id).filter((id) => [first?.id, second?.id, third?.id].includes(id))).toEqual([first?.id]);

    // The updated app holds the change in a shape the server reads: all three arrive, once.
    await officer.db.outbox.update(newer?.mid ?? 0, { version: 1 });
    expect(await officer.sync()).toMatchObject({ kind: 'synced' });
    expect(await officer.db.outbox.count()).toBe(0);
    const ids = (await serverFollowUps(aOnly.id)).map((row) => row.id);
    for (const args of [first, second, third]) expect(ids.filter((id) => id === args?.id)).toHaveLength(1);
  });

  it('stops without touching the outbox when the session is gone', async () => {
    const { users, aOnly } = await world();
    const officer = deviceOf(server, freshDb(), users.officer);
    await officer.sync();
    await officer.mutate('follow-up.log', logArgs(aOnly.id));
    await server.current.db.deleteFrom('sessions').execute();

    expect(await officer.sync()).toEqual({ kind: 'session-lost' });
    expect((await officer.db.outbox.toArray()).map((entry) => entry.status)).toEqual(['pending']);
  });
});
