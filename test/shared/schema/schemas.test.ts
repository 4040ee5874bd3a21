import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  AlumnusSchema,
  CohortSchema,
  EnrollmentSchema,
  FollowUpSchema,
  ProviderSchema,
  UserSchema,
  VocationSchema,
  toFieldIssues,
} from '../../../src/shared/schema';
import { WithdrawEnrollmentSchema } from '../../../src/shared/api/enrollments.api';
import { VoidFollowUpSchema } from '../../../src/shared/api/follow-ups.api';

const stamp = { createdAt: '2024-08-01T01:00:00.000Z', updatedAt: '2024-08-01T01:00:00.000Z' };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const valid = {
  provider: { id: id(1), ...stamp, deleted: false, name: 'LPK Maju Jaya', kind: 'lpk', address: 'Jl. Ahmad Yani 5', phone: null },
  vocation: { id: id(2), ...stamp, deleted: false, name: 'Barbershop' },
  cohort: {
    id: id(3), ...stamp, deleted: false, providerId: id(1), vocationId: id(2), title: 'Barbershop angkatan I',
    fundingSource: 'apbd-murni', budgetYear: 2024, startDate: '2024-03-04', endDate: '2024-04-26',
    location: 'Bontang Utara', plannedCertificationDate: '2025-02-10', actualCertificationDate: null,
  },
  alumnus: {
    id: id(4), ...stamp, deleted: false, nik: '6474015203900002', name: 'Siti Rahmawati', gender: 'female',
    birthDate: '1990-03-12', phone: '0812-3456-7890', whatsapp: null, address: 'Jl. Cendana 3',
    kelurahan: 'Api-Api', kecamatan: 'Bontang Utara', education: 'smk',
  },
  enrollment: {
    id: id(5), ...stamp, deleted: false, cohortId: id(3), alumnusId: id(4), outcome: 'graduated',
    graduationDate: '2024-04-26', certification: 'scheduled', certificationScheduledDate: '2025-02-10',
    certificationIssuedDate: null, certificateNumber: '',
  },
  followUp: {
    id: id(6), ...stamp, alumnusId: id(4), officerId: id(7), contactedAt: '2024-08-01T01:00:00.000Z',
    channel: 'visit', reached: true, unreachedReason: null, status: 'business', statusStartDate: '2024-06-01',
    employer: '', jobTitle: '', sector: '', incomeBand: null, businessName: 'Siti Barber', businessKind: 'Barbershop',
    businessEmployees: 1, revenueBand: '3m-5m', notes: '', gpsLat: 0.1337, gpsLng: 117.4853, gpsAccuracy: 12,
    nextFollowUpDate: '2024-11-01', voidedAt: null, voidedBy: null, voidReason: '',
  },
  user: {
    id: id(7), ...stamp, username: 'Petugas.Andi', displayName: 'Andi Saputra', role: 'officer',
    providerId: null, active: true,
  },
};

const schemas = {
  provider: ProviderSchema,
  vocation: VocationSchema,
  cohort: CohortSchema,
  alumnus: AlumnusSchema,
  enrollment: EnrollmentSchema,
  followUp: FollowUpSchema,
  user: UserSchema,
} as const;
type Entity = keyof typeof schemas;

function issuesOf(entity: Entity, changes: Record<string, unknown>) {
  const result = v.safeParse(schemas[entity], { ...valid[entity], ...changes });
  return result.success ? [] : toFieldIssues(result.issues);
}

describe('entity schemas', () => {
  it.each(Object.keys(schemas) as Entity[])('accept a valid %s', (entity) => {
    expect(issuesOf(entity, {})).toEqual([]);
  });

  it.each(Object.keys(schemas) as Entity[])('report a missing field of %s as required', (entity) => {
    const result = v.safeParse(schemas[entity], { ...valid[entity], id: undefined });
    expect(result.success ? [] : toFieldIssues(result.issues)).toContainEqual({ path: 'id', code: 'required' });
  });

  it('normalise what people type: trimmed names, NIK without separators, +62 phones, lowercase usernames', () => {
    const alumnus = v.parse(AlumnusSchema, { ...valid.alumnus, name: '  Siti  ', nik: '6474 0152 0390 0002' });
    expect(alumnus).toMatchObject({ name: 'Siti', nik: '6474015203900002', phone: '+6281234567890' });
    expect(v.parse(UserSchema, valid.user).username).toBe('petugas.andi');
  });

  it('drop control characters from every text at the boundary, so none can hide a formula start', () => {
    const alumnus = v.parse(AlumnusSchema, { ...valid.alumnus, name: '\u0001=HYPERLINK("http://evil.example")', address: 'Jl.\u200B Mawar\u0007 3' });
    expect(alumnus).toMatchObject({ name: '=HYPERLINK("http://evil.example")', address: 'Jl. Mawar 3' });
    const followUp = v.parse(FollowUpSchema, { ...valid.followUp, notes: ' \u0001\u001F+62 catatan\nbaris dua ' });
    expect(followUp.notes).toBe('+62 catatan\nbaris dua');
  });

  it('parse a stored row again to the same row (IndexedDB rows and the wire use the same schema)', () => {
    const once = v.parse(AlumnusSchema, valid.alumnus);
    expect(v.parse(AlumnusSchema, once)).toEqual(once);
  });

  it.each<[string, Entity, Record<string, unknown>, { path: string; code: string }]>([
    ['a non-UUID id', 'provider', { id: '42' }, { path: 'id', code: 'invalid-id' }],
    ['a blank name', 'provider', { name: '   ' }, { path: 'name', code: 'required' }],
    ['an unknown provider kind', 'provider', { kind: 'school' }, { path: 'kind', code: 'invalid-choice' }],
    ['a foreign phone', 'provider', { phone: '+60123456789' }, { path: 'phone', code: 'phone-invalid' }],
    ['a name over 120 characters', 'vocation', { name: 'x'.repeat(121) }, { path: 'name', code: 'too-long' }],
    ['a timestamp that is not ISO', 'vocation', { updatedAt: 'yesterday' }, { path: 'updatedAt', code: 'invalid-datetime' }],
    ['an offset without minutes, which Date.parse cannot read', 'vocation', { updatedAt: '2024-08-31T10:00:00+08' }, { path: 'updatedAt', code: 'invalid-datetime' }],
    ['a 30th of February in a timestamp, which Date.parse would roll over to March', 'vocation', { createdAt: '2026-02-30T10:00:00Z' }, { path: 'createdAt', code: 'invalid-datetime' }],
    ['a timestamp with a space for the T, which would not sort with the others', 'vocation', { createdAt: '2026-02-28 10:00:00Z' }, { path: 'createdAt', code: 'invalid-datetime' }],
    ['a 29th of February outside a leap year', 'vocation', { createdAt: '2100-02-29T10:00:00Z' }, { path: 'createdAt', code: 'invalid-datetime' }],
    ['an id in upper case, which would be a second record beside the lower-case one', 'provider', { id: '3FCFA923-0000-4000-8000-000000000001' }, { path: 'id', code: 'invalid-id' }],
    ['a 31st of April', 'cohort', { startDate: '2024-04-31' }, { path: 'startDate', code: 'invalid-date' }],
    ['a date written the Indonesian way', 'cohort', { endDate: '26/04/2024' }, { path: 'endDate', code: 'invalid-date' }],
    ['an end before the start', 'cohort', { endDate: '2024-03-01' }, { path: 'endDate', code: 'dates-out-of-order' }],
    ['an unknown funding source', 'cohort', { fundingSource: 'apbd' }, { path: 'fundingSource', code: 'invalid-choice' }],
    ['a budget year of 24', 'cohort', { budgetYear: 24 }, { path: 'budgetYear', code: 'out-of-range' }],
    ['a budget year as text', 'cohort', { budgetYear: '2024' }, { path: 'budgetYear', code: 'invalid-type' }],
    ['a NIK of 15 digits', 'alumnus', { nik: '647401520390000' }, { path: 'nik', code: 'nik-length' }],
    ['a NIK with a letter', 'alumnus', { nik: '64740152039O0002' }, { path: 'nik', code: 'nik-format' }],
    ['a NIK with province 00', 'alumnus', { nik: '0074015203900002' }, { path: 'nik', code: 'nik-province' }],
    ['a NIK born on day 45 of… 32 → 72', 'alumnus', { nik: '6474017203900002' }, { path: 'nik', code: 'nik-birth-date' }],
    ['a NIK as a number', 'alumnus', { nik: 6474015203900002 }, { path: 'nik', code: 'invalid-type' }],
    ['an unknown gender', 'alumnus', { gender: 'x' }, { path: 'gender', code: 'invalid-choice' }],
    ['an unknown education', 'alumnus', { education: 'sma-plus' }, { path: 'education', code: 'invalid-choice' }],
    ['a WhatsApp that is too short', 'alumnus', { whatsapp: '0812' }, { path: 'whatsapp', code: 'phone-invalid' }],
    ['an unknown outcome', 'enrollment', { outcome: 'passed' }, { path: 'outcome', code: 'invalid-choice' }],
    ['an unknown certification', 'enrollment', { certification: 'yes' }, { path: 'certification', code: 'invalid-choice' }],
    ['a reached contact without status', 'followUp', { status: null }, { path: 'status', code: 'status-required' }],
    ['an unreached contact with a status', 'followUp', { reached: false, unreachedReason: 'no-answer' }, { path: 'status', code: 'status-not-allowed' }],
    ['an unreached contact without reason', 'followUp', { reached: false, status: null }, { path: 'unreachedReason', code: 'reason-required' }],
    ['a void without reason', 'followUp', { voidedAt: '2024-08-02T01:00:00.000Z', voidedBy: id(7) }, { path: 'voidReason', code: 'reason-required' }],
    ['an unknown channel', 'followUp', { channel: 'sms' }, { path: 'channel', code: 'invalid-choice' }],
    ['a latitude of 91', 'followUp', { gpsLat: 91 }, { path: 'gpsLat', code: 'out-of-range' }],
    ['a negative number of workers', 'followUp', { businessEmployees: -1 }, { path: 'businessEmployees', code: 'out-of-range' }],
    ['a fractional number of workers', 'followUp', { businessEmployees: 1.5 }, { path: 'businessEmployees', code: 'invalid-type' }],
    ['a username with spaces', 'user', { username: 'andi saputra' }, { path: 'username', code: 'username-format' }],
    ['a two-letter username', 'user', { username: 'ab' }, { path: 'username', code: 'username-format' }],
    ['an unknown role', 'user', { role: 'root' }, { path: 'role', code: 'invalid-choice' }],
    ['provider staff without a provider', 'user', { role: 'provider-staff' }, { path: 'providerId', code: 'provider-required' }],
    ['an officer with a provider', 'user', { providerId: id(1) }, { path: 'providerId', code: 'provider-not-allowed' }],
    ['active as a string', 'user', { active: 'yes' }, { path: 'active', code: 'invalid-type' }],
  ])('refuse %s, naming the field', (_label, entity, changes, issue) => {
    expect(issuesOf(entity, changes)).toContainEqual(issue);
  });

  it.each([['voiding a follow-up', VoidFollowUpSchema], ['withdrawing an enrolment', WithdrawEnrollmentSchema]])('take the reason for %s as other free text: no NUL, no control characters, trimmed', (_label, schema) => {
    const refused = v.safeParse(schema, { reason: 'salah\u0000orang' });
    expect(refused.success ? [] : toFieldIssues(refused.issues)).toEqual([{ path: 'reason', code: 'invalid-character' }]);
    expect(v.parse(schema, { reason: ' \u0007salah orang ' })).toEqual({ reason: 'salah orang' });
  });

  it('accept the 29th of February of a leap year and the last day of every month in a timestamp', () => {
    const days = ['2024-02-29', '2000-02-29', '2026-01-31', '2026-04-30', '2026-12-31'];
    expect(days.map((day) => issuesOf('vocation', { createdAt: `${day}T23:59:59.999Z` }))).toEqual(days.map(() => []));
  });

  it('report a wrong start date alone, not also an end date before it', () => {
    expect(issuesOf('cohort', { startDate: '2024-13-01' })).toEqual([{ path: 'startDate', code: 'invalid-date' }]);
  });

  it('name a field once however many of its checks fail alike', () => {
    expect(issuesOf('vocation', { updatedAt: '2024-13-45 99:00' })).toEqual([{ path: 'updatedAt', code: 'invalid-datetime' }]);
  });

  it('report every wrong field at once, so a form can mark them all', () => {
    const issues = issuesOf('alumnus', { nik: '123', phone: 'x', gender: '?' });
    expect(issues.map((issue) => issue.path).sort()).toEqual(['gender', 'nik', 'phone']);
  });

  it('accept provider staff with a provider', () => {
    expect(issuesOf('user', { role: 'provider-staff', providerId: id(1) })).toEqual([]);
  });
});
