import { isDeepStrictEqual } from 'node:util';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DEMO_AS_OF, DEMO_ENROLLMENTS, generateDemoData } from '../../src/server/demo/demo-data';
import type { ReportDimension } from '../../src/shared/api/reports.api';
import { absorptionFigures } from '../../src/shared/domain/absorption';
import { dateInZone } from '../../src/shared/domain/dates';
import { checkNik } from '../../src/shared/domain/nik';
import {
  AlumnusSchema,
  CohortSchema,
  EnrollmentSchema,
  FollowUpSchema,
  ProviderSchema,
  UserSchema,
  VocationSchema,
} from '../../src/shared/schema';

/** The day the demo is made: pinned, so the continuation after 2024 is fixed too. */
const TODAY = '2026-12-05';
const data = generateDemoData(TODAY);

function figures(groupBy: ReportDimension, asOf = DEMO_AS_OF, followUps = data.followUps) {
  return absorptionFigures({ cohorts: data.cohorts, enrollments: data.enrollments, followUps, asOf, groupBy: [groupBy] }).groups;
}

function rowFor(groupBy: ReportDimension, key: string, asOf = DEMO_AS_OF, followUps = data.followUps) {
  const row = figures(groupBy, asOf, followUps).find((r) => r.key === key);
  if (!row) throw new Error(`no ${groupBy} row ${key}`);
  return row;
}

const barberCohort = (() => {
  const barbershop = data.vocations.find((x) => x.name === 'Barbershop');
  const matches = data.cohorts.filter((c) => c.vocationId === barbershop?.id && c.fundingSource === 'apbd-murni');
  const [only, ...others] = matches;
  if (only === undefined || others.length > 0) throw new Error('expected one apbd-murni barbershop cohort');
  return only;
})();

describe('generateDemoData', () => {
  it('makes records that pass their schemas unchanged (already in stored form)', () => {
    const collections: [string, readonly unknown[], v.GenericSchema][] = [
      ['providers', data.providers, ProviderSchema],
      ['vocations', data.vocations, VocationSchema],
      ['cohorts', data.cohorts, CohortSchema],
      ['alumni', data.alumni, AlumnusSchema],
      ['enrollments', data.enrollments, EnrollmentSchema],
      ['followUps', data.followUps, FollowUpSchema],
      ['users', data.users, UserSchema],
    ];
    const problems: string[] = [];
    for (const [name, records, schema] of collections) {
      records.forEach((record, i) => {
        const result = v.safeParse(schema, record);
        if (!result.success) problems.push(`${name}[${i}]: ${result.issues.map((x) => x.message).join(', ')}`);
        else if (!isDeepStrictEqual(result.output, record)) problems.push(`${name}[${i}] changes when parsed`);
      });
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoData(TODAY, 2024)).toEqual(data);
    const other = generateDemoData(TODAY, 7);
    expect(other).not.toEqual(data);
    expect(other.alumni[0]?.id).not.toBe(data.alumni[0]?.id);
  });

  it('is fast enough to run on every demo start', () => {
    const started = performance.now();
    generateDemoData(TODAY, 99);
    // The target is < 500 ms on a quiet machine; the bound only catches a runaway loop
    // (this machine runs browser tests beside it).
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('gives every record a unique id', () => {
    const ids = Object.values(data).flatMap((records: { id: string }[]) => records.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives alumni unique NIKs of Bontang that match their sex, birth date and kecamatan', () => {
    const districts: Record<string, string> = { 'Bontang Utara': '01', 'Bontang Selatan': '02', 'Bontang Barat': '03' };
    expect(new Set(data.alumni.map((a) => a.nik)).size).toBe(data.alumni.length);
    for (const a of data.alumni) {
      const check = checkNik(a.nik);
      if (!check.ok) throw new Error(`${a.nik}: ${check.problem}`);
      const [year, month, day] = a.birthDate.split('-').map(Number) as [number, number, number];
      expect(check.facts).toEqual({ province: '64', gender: a.gender, birthDay: day, birthMonth: month, birthYear2: year % 100 });
      expect(a.nik.slice(0, 6)).toBe(`6474${districts[a.kecamatan] ?? '??'}`);
      expect(year).toBeGreaterThanOrEqual(1975);
      expect(year).toBeLessThanOrEqual(2006);
    }
  });

  it('enrols 1,370 people: 748 apbd-murni and 622 apbd-perubahan, in cohorts of 16–20', () => {
    const cohorts = new Map(data.cohorts.map((c) => [c.id, c]));
    const byFunding = new Map<string, number>();
    const bySize = new Map<string, number>();
    for (const e of data.enrollments) {
      const funding = cohorts.get(e.cohortId)?.fundingSource ?? 'missing';
      byFunding.set(funding, (byFunding.get(funding) ?? 0) + 1);
      bySize.set(e.cohortId, (bySize.get(e.cohortId) ?? 0) + 1);
    }
    expect(data.enrollments).toHaveLength(1370);
    expect(Object.fromEntries(byFunding)).toEqual(DEMO_ENROLLMENTS);
    expect(DEMO_ENROLLMENTS).toEqual({ 'apbd-murni': 748, 'apbd-perubahan': 622 });
    for (const size of bySize.values()) expect(size).toBeGreaterThanOrEqual(16);
    for (const size of bySize.values()) expect(size).toBeLessThanOrEqual(20);
  });

  it('reproduces the August update: 53 employed and 36 in business among apbd-murni graduates', () => {
    const murni = rowFor('funding-source', 'apbd-murni');
    expect(murni).toMatchObject({ trained: 748, employed: 53, business: 36 });
    expect(murni.seeking + murni.unreachable + murni.neverContacted).toBe(murni.graduated - 89);
  });

  it('has one LPK barbershop cohort of 20 with 5 barbershops, then and later', () => {
    expect(data.enrollments.filter((e) => e.cohortId === barberCohort.id)).toHaveLength(20);
    expect(data.providers.find((p) => p.id === barberCohort.providerId)?.kind).toBe('lpk');
    expect(rowFor('cohort', barberCohort.id)).toMatchObject({ trained: 20, business: 5 });
    expect(rowFor('cohort', barberCohort.id, '2024-12-31')).toMatchObject({ business: 5 });
  });

  it('changes the figures after August, so "as of" matters', () => {
    const later = rowFor('funding-source', 'apbd-murni', '2024-12-31');
    expect([later.employed, later.business]).not.toEqual([53, 36]);
    expect(rowFor('funding-source', 'apbd-perubahan', '2024-12-31').reached).toBeGreaterThan(0);
  });

  it('voids a few mistaken follow-ups that would otherwise change the August figures', () => {
    const voided = data.followUps.filter((f) => f.voidedAt !== null);
    expect(voided.length).toBeGreaterThanOrEqual(1);
    for (const f of voided) expect(f.voidedBy !== null && f.voidReason !== '').toBe(true);
    const unvoided = data.followUps.map((f) => ({ ...f, voidedAt: null, voidedBy: null, voidReason: '' }));
    const murni = rowFor('funding-source', 'apbd-murni', DEMO_AS_OF, unvoided);
    expect([murni.employed, murni.business]).not.toEqual([53, 36]);
  });

  it('has people trained twice, some at two providers', () => {
    const cohorts = new Map(data.cohorts.map((c) => [c.id, c]));
    const byPerson = new Map<string, string[]>();
    for (const e of data.enrollments) byPerson.set(e.alumnusId, [...(byPerson.get(e.alumnusId) ?? []), e.cohortId]);
    const twice = [...byPerson.values()].filter((list) => list.length === 2);
    expect(twice.length).toBeGreaterThanOrEqual(1);
    expect(twice.some(([a, b]) => cohorts.get(a ?? '')?.providerId !== cohorts.get(b ?? '')?.providerId)).toBe(true);
    expect(byPerson.size).toBe(data.alumni.length);
  });

  it('resolves every foreign key', () => {
    const ids = (records: { id: string }[]) => new Set(records.map((r) => r.id));
    const [providers, vocations, cohorts, alumni, users] = [ids(data.providers), ids(data.vocations), ids(data.cohorts), ids(data.alumni), ids(data.users)];
    const officers = new Set(data.users.filter((u) => u.role === 'officer').map((u) => u.id));
    const missing: string[] = [];
    const need = (ok: boolean, what: string) => ok || missing.push(what);
    for (const c of data.cohorts) need(providers.has(c.providerId) && vocations.has(c.vocationId), `cohort ${c.id}`);
    for (const e of data.enrollments) need(cohorts.has(e.cohortId) && alumni.has(e.alumnusId), `enrollment ${e.id}`);
    for (const f of data.followUps) need(alumni.has(f.alumnusId) && officers.has(f.officerId), `follow-up ${f.id}`);
    for (const f of data.followUps) need(f.voidedBy === null || users.has(f.voidedBy), `voider of ${f.id}`);
    for (const u of data.users) need(u.providerId === null || providers.has(u.providerId), `user ${u.username}`);
    expect(missing).toEqual([]);
  });

  it('logs contacts in office hours in Makassar, on weekdays, after the person graduated', () => {
    const cohorts = new Map(data.cohorts.map((c) => [c.id, c]));
    const firstGraduation = new Map<string, string>();
    for (const e of data.enrollments) {
      if (e.graduationDate === null) continue;
      const known = firstGraduation.get(e.alumnusId);
      if (known === undefined || e.graduationDate < known) firstGraduation.set(e.alumnusId, e.graduationDate);
      expect(e.graduationDate).toBe(cohorts.get(e.cohortId)?.endDate);
    }
    const wrong = data.followUps.filter((f) => {
      const localHour = (new Date(f.contactedAt).getUTCHours() + 8) % 24;
      const day = dateInZone(f.contactedAt);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      return localHour < 8 || localHour > 16 || weekday === 0 || weekday === 6 || day <= (firstGraduation.get(f.alumnusId) ?? '9999');
    });
    expect(wrong).toEqual([]);
  });

  it('staffs the office: 3–4 officers, one account per LPK/BLK, a supervisor and an admin', () => {
    const roles = (role: string) => data.users.filter((u) => u.role === role);
    expect(roles('officer').length).toBeGreaterThanOrEqual(3);
    expect(roles('officer').length).toBeLessThanOrEqual(4);
    const partners = data.providers.filter((p) => p.kind !== 'agency').map((p) => p.id).sort();
    expect(roles('provider-staff').map((u) => u.providerId).sort()).toEqual(partners);
    expect(roles('supervisor')).toHaveLength(1);
    expect(roles('admin')).toHaveLength(1);
  });
});
