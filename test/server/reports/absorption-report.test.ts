import { expect, it } from 'vitest';
import type { AbsorptionFigures, AbsorptionReport } from '../../../src/shared/api/reports.api';
import { aFollowUp } from '../../fixtures/builders';
import { describeEachDialect } from '../databases';
import { insertFollowUp } from '../../../src/server/db/follow-ups.repository';
import { useDemoWorld } from './demo-world';

const AS_OF = '2024-08-31';
const FIGURES = ['trained', 'graduated', 'certified', 'employed', 'business', 'seeking', 'unreachable', 'neverContacted', 'reached'] as const;

describeEachDialect('GET /api/reports/absorption over the demo data', (kind) => {
  const world = useDemoWorld(kind);

  async function report(query: string): Promise<AbsorptionReport> {
    const res = await world.current.get(`/api/reports/absorption?${query}`, world.current.users.supervisor.cookie);
    expect(res.status).toBe(200);
    return (await res.json()) as AbsorptionReport;
  }

  it("reproduces the office's figures: 1,370 trained (748/622) by December, 53 employed and 36 businesses as of 31 August", async () => {
    const december = await report('asOf=2024-12-31&groupBy=funding-source');
    expect(december.groups.map((group) => [group.key, group.trained])).toEqual([['apbd-murni', 748], ['apbd-perubahan', 622]]);
    // 1,370 trainings; the total counts each person once, and a few murni graduates enrolled again in the autumn.
    expect(december.total.trained).toBeLessThan(1370);
    expect(december.total.trained).toBeGreaterThan(1300);

    const august = await report(`asOf=${AS_OF}&groupBy=funding-source`);
    const murni = august.groups.find((group) => group.key === 'apbd-murni')!;
    expect(murni).toMatchObject({ keys: { 'funding-source': 'apbd-murni' }, names: {}, trained: 748, employed: 53, business: 36 });
    expect(murni.absorptionRate).toBeCloseTo(89 / murni.graduated);
    expect(murni.employed + murni.business + murni.seeking + murni.unreachable + murni.neverContacted).toBe(murni.graduated);
    expect(murni.reached).toBe(murni.employed + murni.business + murni.seeking);
  });

  it('gives the barber LPK\'s barbershop class: 5 businesses of 20, with its names', async () => {
    const { barberCohort } = world.current;
    const byCohort = await report(`asOf=${AS_OF}&groupBy=cohort`);
    const barber = byCohort.groups.find((group) => group.key === barberCohort.id);
    // The cohort carries its provider: two providers' cohorts of one title stay two rows a reader can tell apart.
    expect(barber).toMatchObject({ trained: 20, business: 5, names: { cohort: `${barberCohort.title} — LPK Barber Nusantara Bontang` } });
    const byProvider = await report(`asOf=${AS_OF}&groupBy=provider`);
    expect(byProvider.groups.find((group) => group.key === barberCohort.providerId)?.names.provider).toBe('LPK Barber Nusantara Bontang');
  });

  it('splits by two dimensions into groups that add up to the one-dimension figures', async () => {
    const [both, byFunding] = await Promise.all([report(`asOf=${AS_OF}&groupBy=provider,funding-source`), report(`asOf=${AS_OF}&groupBy=funding-source`)]);
    expect(both.groupBy).toEqual(['provider', 'funding-source']);
    for (const funding of byFunding.groups) {
      const parts = both.groups.filter((group) => group.keys['funding-source'] === funding.key);
      expect(parts.every((group) => group.key === `${group.keys.provider},${funding.key}`)).toBe(true);
      for (const figure of FIGURES) expect(sum(parts, figure), `${funding.key} ${figure}`).toBe(funding[figure]);
    }
    expect(both.total).toEqual(byFunding.total);
    expect(both.groups.map((group) => group.key)).toEqual(both.groups.map((group) => group.key).sort());
  });

  it('counts only contacts up to the as-of day', async () => {
    const { database, data } = world.current;
    const later = await report('asOf=2024-12-31&groupBy=funding-source');
    const murniLater = later.groups.find((group) => group.key === 'apbd-murni')!;
    expect(murniLater.employed + murniLater.business).not.toBe(53 + 36);

    // A graduate employed on 1 September, Makassar time (still 31 August in UTC), stays out of August's figures.
    const before = (await report(`asOf=${AS_OF}`)).total;
    const officer = data.users.find((user) => user.role === 'officer')!;
    const murniCohorts = new Set(data.cohorts.filter((cohort) => cohort.fundingSource === 'apbd-murni').map((cohort) => cohort.id));
    const graduate = data.enrollments.find((enrollment) => murniCohorts.has(enrollment.cohortId) && enrollment.outcome === 'graduated')!;
    const followUp = aFollowUp({ alumnusId: graduate.alumnusId, officerId: officer.id, reached: true, status: 'employed', contactedAt: '2024-08-31T16:30:00.000Z' });
    await insertFollowUp(database.db, followUp);
    expect((await report(`asOf=${AS_OF}`)).total).toEqual(before);
    expect((await report('asOf=2024-09-01')).total.employed).toBeGreaterThan(0);
  });

  it('refuses officers and provider staff (403) and the signed out (401)', async () => {
    const { get, users } = world.current;
    const path = `/api/reports/absorption?asOf=${AS_OF}`;
    expect((await get(path, users.officer.cookie)).status).toBe(403);
    expect((await get(path, users.staff.cookie)).status).toBe(403);
    expect((await get(path, '')).status).toBe(401);
    expect((await get(path, users.admin.cookie)).status).toBe(200);
  });

  it.each([
    ['groupBy=provider', 'asOf'],
    ['asOf=2024-02-30', 'asOf'],
    ['asOf=31-08-2024', 'asOf'],
    [`asOf=${AS_OF}&groupBy=district`, 'groupBy'],
    [`asOf=${AS_OF}&groupBy=year,provider,cohort`, 'groupBy'],
    [`asOf=${AS_OF}&groupBy=year,year`, 'groupBy'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const res = await world.current.get(`/api/reports/absorption?${query}`, world.current.users.supervisor.cookie);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('invalid-body');
    expect(body.error.details.some((issue) => issue.path.split('.')[0] === field)).toBe(true);
  });
});

function sum(groups: readonly AbsorptionFigures[], figure: (typeof FIGURES)[number]): number {
  return groups.reduce((total, group) => total + group[figure], 0);
}
