import { addDays, type IsoDate } from '../../shared/domain/dates';
import type {
  Alumnus,
  Cohort,
  EducationLevel,
  Enrollment,
  FollowUp,
  FundingSource,
  Provider,
  User,
  Vocation,
} from '../../shared/schema';
import { COHORT_PLAN, OFFICERS, PROVIDERS, VOCATIONS, type ProviderSeed, type VocationSeed } from './catalog';
import { officeTime, workdayOnOrAfter, workdayOnOrBefore } from './clock';
import { certify, initials } from './certification';
import { FollowUpWriter, type Trainee } from './follow-up-writer';
import { AUGUST, byContactTime, planAugust, writeFollowUps } from './follow-ups';
import { writeLaterFollowUps } from './later-follow-ups';
import { KECAMATAN, landline, mobilePhone, personName, pickKecamatan, streetAddress, type Kecamatan } from './names';
import { Rng } from './random';

/**
 * The demo data set: one budget year of a manpower office in Bontang shaped like the
 * 2024 example in DESIGN.md — 1,370 enrollments (748 apbd-murni, 622 apbd-perubahan),
 * 53 employed and 36 in business among murni graduates as of 31 August, one LPK
 * barbershop cohort of 20 with 5 barbershops — carried on to `today`: the February 2025
 * competency assessments with their certificates, and the follow-ups since, so the
 * worklist on `today` holds overdue, this week's and later people as an office's would.
 * Deterministic for a seed and a day: ids come from the seeded stream and timestamps
 * from the data, so runs and tests see the same records. The 2024 records are drawn
 * first, so they are the same whatever `today` is.
 */
export type DemoData = {
  providers: Provider[];
  vocations: Vocation[];
  cohorts: Cohort[];
  alumni: Alumnus[];
  enrollments: Enrollment[];
  followUps: FollowUp[];
  users: User[];
};

/** The August update the example reports against. */
export const DEMO_AS_OF: IsoDate = AUGUST.asOf;
export const DEMO_ENROLLMENTS = { 'apbd-murni': 748, 'apbd-perubahan': 622 } as const;
const BARBER_COHORT = { size: 20, start: '2024-04-22', end: '2024-05-31' } as const;
/** Murni graduates still seeking work in August who enrolled again in the autumn. */
const REPEATERS = 18;
/** When the office started using the app, and when the fourth officer joined. */
const SETUP_DAY = '2024-01-08';
const EXTRA_OFFICER_FROM = '2024-09-02';

type Draft = { provider: ProviderSeed; vocation: VocationSeed; funding: FundingSource; size: number; start: IsoDate; end: IsoDate };

export function generateDemoData(today: IsoDate, seed = 2024): DemoData {
  const rng = new Rng(seed);
  const setup = { createdAt: officeTime(SETUP_DAY, 9), updatedAt: officeTime(SETUP_DAY, 9) };

  const providers = PROVIDERS.map((p): Provider => ({
    id: rng.uuid(), ...setup, deleted: false, name: p.name, kind: p.kind, address: p.address,
    phone: p.kind === 'lpk' && rng.chance(0.5) ? mobilePhone(rng) : landline(rng),
  }));
  const vocations = VOCATIONS.map((v): Vocation => ({ id: rng.uuid(), ...setup, deleted: false, name: v.name }));
  const providerId = new Map(PROVIDERS.map((p, i) => [p, must(providers[i]).id]));
  const vocationId = new Map(VOCATIONS.map((v, i) => [v, must(vocations[i]).id]));

  const user = (username: string, displayName: string, role: User['role'], provider: string | null, since = SETUP_DAY): User => ({
    id: rng.uuid(), createdAt: officeTime(since, 9), updatedAt: officeTime(since, 9),
    username, displayName, role, providerId: provider, active: true,
  });
  const officers = OFFICERS.map((o, i) => user(o.username, o.displayName, 'officer', null, i === 3 ? EXTRA_OFFICER_FROM : SETUP_DAY));
  const supervisor = user('kabid.penta', 'Hj. Sitti Rahmah, S.E., M.M.', 'supervisor', null);
  const users = [
    ...officers,
    ...PROVIDERS.flatMap((p) => (p.staff ? [user(p.staff.username, p.staff.displayName, 'provider-staff', must(providerId.get(p)))] : [])),
    supervisor,
    user('admin.disnaker', 'Admin Disnaker Bontang', 'admin', null),
  ];

  // Cohorts: murni in March–July, perubahan from September once the revised budget passes.
  const drafts = planCohorts(rng);
  const cohortOf = new Map<Draft, Cohort>();
  const numbering = new Map<string, number>();
  const cohorts = [...drafts].sort((a, b) => a.start.localeCompare(b.start)).map((d): Cohort => {
    const key = `${d.provider.key}/${d.vocation.key}`;
    const n = (numbering.get(key) ?? 0) + 1;
    numbering.set(key, n);
    const planned = `2025-02-${String(rng.pick([4, 6, 11, 13, 18, 20, 25])).padStart(2, '0')}`;
    const mobileUnit = d.provider.kind === 'agency' && rng.chance(0.4);
    const cohort: Cohort = {
      id: rng.uuid(), createdAt: officeTime(addDays(d.start, -21), 10), updatedAt: officeTime(addDays(d.end, 3), 10), deleted: false,
      providerId: must(providerId.get(d.provider)), vocationId: must(vocationId.get(d.vocation)),
      title: `Pelatihan ${d.vocation.name} Angkatan ${ROMAN[n - 1] ?? n} Tahun 2024`,
      fundingSource: d.funding, budgetYear: 2024, startDate: d.start, endDate: d.end,
      // The agency also trains with its mobile training unit (MTU) in kelurahan halls.
      location: mobileUnit ? `Aula Kantor Kelurahan ${rng.pick(rng.pick(KECAMATAN).kelurahan)} (MTU)` : d.provider.name,
      // Every place taken (the planned class size); no draw from rng, so the demo's people stay the same.
      seats: d.size,
      plannedCertificationDate: planned, actualCertificationDate: null,
    };
    cohortOf.set(d, cohort);
    return cohort;
  });
  const barberDraft = must(drafts.find((d) => d.vocation.key === 'barbershop' && d.funding === 'apbd-murni'));
  const barberCohort = must(cohortOf.get(barberDraft));

  // People and enrollments, murni first: who repeats in the autumn depends on August.
  const alumni: Alumnus[] = [];
  const enrollments: Enrollment[] = [];
  const trainees = { murni: [] as Trainee[], perubahan: [] as Trainee[] };
  const people = new People(rng);
  const enrol = (d: Draft, person: { alumnus: Alumnus; kecamatan: Kecamatan }) => {
    const cohort = must(cohortOf.get(d));
    const outcome = d === barberDraft ? 'graduated' : rng.weighted([['graduated', 963], ['dropped-out', 25], ['not-graduated', 12]] as const);
    const graduated = outcome === 'graduated';
    const scheduled = graduated && rng.chance(0.92);
    enrollments.push({
      id: rng.uuid(), createdAt: officeTime(addDays(d.start, -7), 10), updatedAt: officeTime(addDays(d.end, 2), 11), deleted: false,
      cohortId: cohort.id, alumnusId: person.alumnus.id, outcome, graduationDate: graduated ? d.end : null,
      certification: scheduled ? 'scheduled' : 'none',
      certificationScheduledDate: scheduled ? cohort.plannedCertificationDate : null,
      certificationIssuedDate: null, certificateNumber: '',
    });
    if (graduated) {
      const list = d.funding === 'apbd-murni' ? trainees.murni : trainees.perubahan;
      list.push({ ...person, cohort, vocation: d.vocation, graduationDate: d.end });
    }
  };
  const newcomer = (d: Draft) => {
    const person = people.make(d.vocation, addDays(d.start, -rng.int(8, 20)));
    alumni.push(person.alumnus);
    return person;
  };
  const murniDrafts = drafts.filter((d) => d.funding === 'apbd-murni');
  for (const d of murniDrafts) for (let i = 0; i < d.size; i += 1) enrol(d, newcomer(d));

  const plan = planAugust(rng, trainees.murni, barberCohort.id);
  const repeaters = rng.shuffle(trainees.murni.filter((t) => plan.get(t.alumnus.id) === 'seeking' && t.cohort.id !== barberCohort.id)).slice(0, REPEATERS);
  const perubahanDrafts = drafts.filter((d) => d.funding === 'apbd-perubahan');
  const seats = new Map<Draft, Trainee[]>();
  for (const t of repeaters) {
    // A second course in another trade, often at another provider; at most two a cohort.
    const options = perubahanDrafts.filter((d) => d.vocation !== t.vocation && (seats.get(d)?.length ?? 0) < 2);
    const d = rng.pick(options);
    seats.set(d, [...(seats.get(d) ?? []), t]);
  }
  for (const d of perubahanDrafts) {
    const returning = seats.get(d) ?? [];
    for (const t of returning) enrol(d, t);
    for (let i = returning.length; i < d.size; i += 1) enrol(d, newcomer(d));
  }

  const writer = new FollowUpWriter(rng, officers, EXTRA_OFFICER_FROM);
  const story2024 = writeFollowUps({
    rng, writer, supervisor, plan, barberCohortId: barberCohort.id,
    murni: trainees.murni, perubahan: trainees.perubahan, repeaters: new Set(repeaters.map((t) => t.alumnus.id)),
  });

  // From here on the records depend on `today`; everything above is the 2024 story.
  const codes = {
    provider: new Map(providers.map((p) => [p.id, initials(p.name)])),
    vocation: new Map(vocations.map((v) => [v.id, v.name.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase()])),
  };
  const certified = certify(rng, cohorts, enrollments, codes, today);
  // One entry per person, their latest graduation: the one the due dates count from.
  const latest = new Map<string, Trainee>();
  for (const t of [...trainees.murni, ...trainees.perubahan]) latest.set(t.alumnus.id, t);
  const later = writeLaterFollowUps(rng, writer, [...latest.values()], story2024, today);
  const followUps = [...story2024, ...later.sort(byContactTime)];
  return { providers, vocations, cohorts: certified.cohorts, alumni, enrollments: certified.enrollments, followUps, users };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/**
 * Courses start on a Monday (or the next working day), not in the Lebaran week; the
 * latest starts still finish by the end of July (murni) and of November (perubahan).
 */
const MURNI_STARTS = mondays('2024-03-04', '2024-06-17').filter((d) => d !== '2024-04-08');
const PERUBAHAN_STARTS = mondays('2024-09-02', '2024-10-21');

function planCohorts(rng: Rng): Draft[] {
  const drafts: Draft[] = [];
  for (const funding of ['apbd-murni', 'apbd-perubahan'] as const) {
    const entries = COHORT_PLAN.flatMap(([p, v, murni, perubahan]) =>
      Array.from({ length: funding === 'apbd-murni' ? murni : perubahan }, () => ({
        provider: must(PROVIDERS.find((x) => x.key === p)), vocation: must(VOCATIONS.find((x) => x.key === v)),
      })));
    const barber = funding === 'apbd-murni' ? entries.findIndex((e) => e.vocation.key === 'barbershop') : -1;
    const others = entries.length - (barber >= 0 ? 1 : 0);
    const sizes = spread(rng, others, DEMO_ENROLLMENTS[funding] - (barber >= 0 ? BARBER_COHORT.size : 0), 16, 20);
    entries.forEach((e, i) => {
      if (i === barber) {
        drafts.push({ ...e, funding, size: BARBER_COHORT.size, start: BARBER_COHORT.start, end: BARBER_COHORT.end });
        return;
      }
      const start = workdayOnOrAfter(rng.pick(funding === 'apbd-murni' ? MURNI_STARTS : PERUBAHAN_STARTS));
      const end = workdayOnOrBefore(addDays(start, rng.int(e.vocation.days[0], e.vocation.days[1])));
      drafts.push({ ...e, funding, size: must(sizes.pop()), start, end });
    });
  }
  return drafts;
}

/** `count` sizes in [min, max] summing exactly to `total`. */
function spread(rng: Rng, count: number, total: number, min: number, max: number): number[] {
  if (total < count * min || total > count * max) throw new Error(`cannot split ${total} into ${count} cohorts`);
  const sizes = Array.from({ length: count }, () => min);
  for (let left = total - count * min; left > 0; ) {
    const i = rng.int(0, count - 1);
    if ((sizes[i] ?? max) < max) {
      sizes[i] = (sizes[i] ?? 0) + 1;
      left -= 1;
    }
  }
  return sizes;
}

function mondays(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 7)) out.push(d);
  return out;
}

/** Makes residents of Bontang with valid, unique NIKs that match their sex and birth date. */
class People {
  private readonly niks = new Set<string>();
  constructor(private readonly rng: Rng) {}

  make(vocation: VocationSeed, registeredOn: IsoDate): { alumnus: Alumnus; kecamatan: Kecamatan } {
    const { rng } = this;
    const gender = rng.chance(vocation.femaleShare) ? 'female' : 'male';
    // Mostly school leavers and young adults, some older people changing trade.
    const year = rng.weighted([[[1996, 2006], 62], [[1985, 1995], 28], [[1975, 1984], 10]] as const);
    const birthYear = rng.int(year[0], year[1]);
    const month = rng.int(1, 12);
    const day = rng.int(1, new Date(Date.UTC(birthYear, month, 0)).getUTCDate());
    const birthDate = `${birthYear}-${pad(month)}-${pad(day)}`;
    const kecamatan = pickKecamatan(rng);
    const born = `${pad(gender === 'female' ? day + 40 : day)}${pad(month)}${pad(birthYear % 100)}`;
    let nik: string;
    do nik = `6474${kecamatan.code}${born}${pad(rng.int(1, 2999), 4)}`;
    while (this.niks.has(nik));
    this.niks.add(nik);
    const phone = rng.chance(0.88) ? mobilePhone(rng) : null;
    const whatsapp = phone !== null && rng.chance(0.8) ? phone : rng.chance(0.3) ? mobilePhone(rng) : null;
    const stamp = officeTime(registeredOn, rng.int(8, 15), rng.int(0, 59));
    return {
      kecamatan,
      alumnus: {
        id: rng.uuid(), createdAt: stamp, updatedAt: stamp, deleted: false,
        nik, name: personName(rng, gender), gender, birthDate, phone, whatsapp,
        address: rng.chance(0.95) ? streetAddress(rng, kecamatan) : '',
        kelurahan: rng.pick(kecamatan.kelurahan), kecamatan: kecamatan.name,
        education: education(rng, birthYear),
        birthPlace: '', email: '', regency: '', province: '',
      },
    };
  }
}

function education(rng: Rng, birthYear: number): EducationLevel {
  const levels: (readonly [EducationLevel, number])[] = [['smk', 40], ['sma', 32], ['smp', 12], ['sd', 3]];
  // Nobody born after 2002 can hold a diploma or degree by 2024.
  if (birthYear <= 2002) levels.push(['d1', 1], ['d3', 5], ['s1', 7]);
  return rng.weighted(levels);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('demo data: missing value');
  return value;
}
