import { expect, it } from 'vitest';
import type { AlumnusDetailResponse } from '../../../src/shared/api/alumni.api';
import type { FollowUpListResponse, FollowUpResponse } from '../../../src/shared/api/follow-ups.api';
import type { NewSelfReportLinkResponse } from '../../../src/shared/api/self-report.api';
import { WITHHELD_ID, withheldFollowUp } from '../../../src/shared/domain/withheld-follow-up';
import type { FollowUp, SelfReportLink } from '../../../src/shared/schema';
import { describeEachDialect, useTestDatabase } from '../databases';
import { recordSnapshot } from '../../../src/server/sync/record-snapshot';
import { NOW, dataApi, seedFollowUp } from '../data/seed';
import type { World } from '../data/world';
import { aClientId, applyChanges, seedSyncWorld, syncApi } from '../sync/sync-api';

/** What another provider or an officer found that provider A's staff must never receive. */
const DETAILS = {
  employer: 'PT Rahasia Bravo', jobTitle: 'Kapster senior', sector: 'Jasa', incomeBand: '3m-5m', notes: 'juga dilatih di LPK Bravo',
  gpsLat: -0.5021, gpsLng: 117.1536, gpsAccuracy: 12, statusStartDate: '2024-06-01', nextFollowUpDate: '2024-12-01',
} as const;

/** The shared person's contacts: one by staff A, one by an officer, one by staff B (voided by B). */
async function seedContacts(world: World, db: Parameters<typeof seedFollowUp>[0]) {
  const byA = await seedFollowUp(db, { alumnusId: world.shared.id, officerId: world.users.staffA.id, contactedAt: '2024-07-10T02:00:00.000Z', employer: 'Salon Alfa', notes: 'catatan LPK Alfa', gpsLat: -1.25 });
  const byOfficer = await seedFollowUp(db, { alumnusId: world.shared.id, officerId: world.users.officer.id, contactedAt: '2024-07-11T02:00:00.000Z', ...DETAILS });
  const byB = await seedFollowUp(db, {
    alumnusId: world.shared.id, officerId: world.users.staffB.id, contactedAt: '2024-07-12T02:00:00.000Z', ...DETAILS,
    voidedAt: '2024-07-12T03:00:00.000Z', voidedBy: world.users.staffB.id, voidReason: 'salah orang, dia di Bravo',
  });
  return { byA, byOfficer, byB };
}

function expectNoSecrets(body: unknown): void {
  const text = JSON.stringify(body);
  for (const secret of [DETAILS.employer, DETAILS.jobTitle, DETAILS.notes, String(DETAILS.gpsLat), 'salah orang', 'Bravo secret note']) {
    expect(text).not.toContain(secret);
  }
}

describeEachDialect('what one provider sees of another\'s work on a shared person', (kind) => {
  const database = useTestDatabase(kind);

  it('answers provider staff the status history of contacts written outside their provider, and their own contacts whole', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { byA, byOfficer, byB } = await seedContacts(world, db);
    const { send } = dataApi(db, kind);

    const asA = await send<AlumnusDetailResponse>('GET', `/api/alumni/${world.shared.id}`, world.users.staffA.cookie);
    expect(asA.status).toBe(200);
    const seen = new Map(asA.body.followUps.map((followUp) => [followUp.id, followUp]));
    expect(seen.get(byA.id)).toEqual(byA);
    expect(seen.get(byOfficer.id)).toEqual({
      ...byOfficer, officerId: WITHHELD_ID, employer: '', jobTitle: '', sector: '', incomeBand: null, notes: '',
      gpsLat: null, gpsLng: null, gpsAccuracy: null,
    });
    // The status history stays: when, how, reached, the status found, since when, the next date; and that it was voided.
    expect(seen.get(byB.id)).toMatchObject({
      contactedAt: byB.contactedAt, channel: 'phone', reached: true, status: byB.status, statusStartDate: '2024-06-01',
      nextFollowUpDate: '2024-12-01', voidedAt: byB.voidedAt, voidedBy: WITHHELD_ID, officerId: WITHHELD_ID,
    });
    expect(seen.get(world.followUps.sharedByStaffB.id)?.officerId).toBe(WITHHELD_ID);
    expect(JSON.stringify(asA.body)).not.toContain(world.users.staffB.id);
    expect(JSON.stringify(asA.body)).not.toContain(world.users.officer.id);
    expectNoSecrets(asA.body);

    const list = await send<FollowUpListResponse>('GET', `/api/follow-ups?alumnusId=${world.shared.id}`, world.users.staffA.cookie);
    expect(list.body.followUps).toEqual(asA.body.followUps);
    const all = await send<FollowUpListResponse>('GET', '/api/follow-ups?limit=100', world.users.staffA.cookie);
    expect(all.body.followUps.find((followUp) => followUp.id === byOfficer.id)).toEqual(seen.get(byOfficer.id));
    expectNoSecrets(all.body);

    // B sees its own contact whole and A's withheld; officers and supervisors see everything.
    const asB = await send<AlumnusDetailResponse>('GET', `/api/alumni/${world.shared.id}`, world.users.staffB.cookie);
    const seenByB = new Map(asB.body.followUps.map((followUp) => [followUp.id, followUp]));
    expect(seenByB.get(byB.id)).toEqual(byB);
    expect(seenByB.get(byA.id)).toEqual(withheldFollowUp(byA));
    for (const who of ['officer', 'supervisor', 'admin'] as const) {
      const whole = await send<AlumnusDetailResponse>('GET', `/api/alumni/${world.shared.id}`, world.users[who].cookie);
      expect(new Map(whole.body.followUps.map((followUp) => [followUp.id, followUp])).get(byB.id)).toEqual(byB);
    }
  });

  it('pulls the same to provider staff: their own contacts whole, the rest withheld, also when a person joins their scope', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { send } = dataApi(db, kind);
    const { pullAll } = syncApi(db, kind);
    const client = aClientId();
    const first = await pullAll(world.users.staffA, client, null);

    const { byA, byOfficer, byB } = await seedContacts(world, db);
    // Seeded rows reach the feed as a backfill puts them.
    await recordSnapshot(db, NOW);
    const next = await pullAll(world.users.staffA, client, first.cursor);
    const state = applyChanges(next.changes, applyChanges(first.changes));
    const followUps = state.get('followUps') as Map<string, FollowUp>;
    expect(followUps.get(byA.id)).toEqual(byA);
    expect(followUps.get(byOfficer.id)).toEqual(withheldFollowUp(byOfficer));
    expect(followUps.get(byB.id)).toEqual(withheldFollowUp(byB));
    expect(followUps.get(world.followUps.sharedByStaffB.id)).toEqual(withheldFollowUp(world.followUps.sharedByStaffB));
    expectNoSecrets([...followUps.values()]);

    // Enrolling B's trainee at A (the right name and birth date) brings the person's history, withheld.
    const attached = await send('POST', '/api/enrollments', world.users.staffA.cookie, {
      cohortId: world.cohortA.id, alumnus: { nik: world.bOnly.nik, name: world.bOnly.name, gender: world.bOnly.gender, birthDate: world.bOnly.birthDate, education: world.bOnly.education },
    });
    expect(attached.status).toBe(201);
    const joined = await pullAll(world.users.staffA, client, next.cursor);
    const bOnlyHistory = joined.changes.filter((change) => change.entity === 'followUps' && change.op === 'put');
    expect(bOnlyHistory.map((change) => change.op === 'put' && change.record)).toEqual([withheldFollowUp(world.followUps.bOnly)]);
    expectNoSecrets(joined.changes);

    // The officer's pull is whole.
    const officer = await pullAll(world.users.officer, aClientId(), null);
    expect(applyChanges(officer.changes).get('followUps')?.get(byB.id)).toEqual(byB);
  });

  it('shows provider staff an alumnus\'s answer through their own link whole, and one through another\'s link without its maker', async () => {
    const { db } = database.current;
    const world = await seedSyncWorld(db);
    const { send } = dataApi(db, kind);
    const answer = { status: 'employed', employer: 'Salon Citra', jobTitle: 'Kapster', sector: 'Jasa', incomeBand: '1m-3m', notes: 'lewat tautan' };
    const answerThrough = async (who: 'staffA' | 'officer') => {
      const made = await send<NewSelfReportLinkResponse>('POST', `/api/alumni/${world.shared.id}/self-report-links`, world.users[who].cookie);
      expect((await send('POST', `/api/self-report/${made.body.url.split('/r/')[1]!}`, '', answer)).status).toBe(201);
      const link = await db.selectFrom('selfReportLinks').select(['id', 'followUpId']).where('id', '=', made.body.id).executeTakeFirstOrThrow();
      return { linkId: link.id, followUpId: link.followUpId! };
    };
    const ours = await answerThrough('staffA');
    const theirs = await answerThrough('officer');

    const asA = await send<AlumnusDetailResponse>('GET', `/api/alumni/${world.shared.id}`, world.users.staffA.cookie);
    const seen = new Map(asA.body.followUps.map((followUp) => [followUp.id, followUp]));
    expect(seen.get(ours.followUpId)).toMatchObject({ officerId: world.shared.id, employer: 'Salon Citra', notes: 'lewat tautan' });
    expect(seen.get(theirs.followUpId)).toMatchObject({ officerId: WITHHELD_ID, employer: '', notes: '', status: 'employed' });

    const links = await send<{ links: SelfReportLink[] }>('GET', `/api/alumni/${world.shared.id}/self-report-links`, world.users.staffA.cookie);
    const byId = new Map(links.body.links.map((link) => [link.id, link]));
    expect(byId.get(ours.linkId)?.createdBy).toBe(world.users.staffA.id);
    expect(byId.get(theirs.linkId)).toMatchObject({ createdBy: WITHHELD_ID, status: 'answered' });

    // Voiding the alumnus's answer (allowed to anyone who follows the person up) answers it withheld too.
    const voided = await send<FollowUpResponse>('POST', `/api/follow-ups/${theirs.followUpId}/void`, world.users.staffA.cookie, { reason: 'bukan dia' });
    expect(voided.status).toBe(200);
    expect(voided.body.followUp).toMatchObject({ officerId: WITHHELD_ID, notes: '', voidReason: '-' });
  });
});
