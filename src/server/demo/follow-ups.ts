import { addDays, type IsoDate } from '../../shared/domain/dates';
import type { FollowUp, UnreachedReason, User } from '../../shared/schema';
import { daysBetween, nextWorkday, officeTime, randomWorkday } from './clock';
import type { FollowUpWriter, Finding, Trainee } from './follow-up-writer';
import type { Rng } from './random';

/**
 * The follow-up story of the demo. Statuses of apbd-murni graduates at the August
 * update are planned first, exactly, so the report as of 31 August reproduces the 2024
 * example (53 employed, 36 in business, 5 of them barbers of one cohort); contacts are
 * then written to match, followed by the autumn contacts that make "as of" matter.
 */

export type AugustStatus = 'employed' | 'business' | 'seeking' | 'unreachable' | 'never';

export const AUGUST = { asOf: '2024-08-31', lastContact: '2024-08-30', employed: 53, business: 36, seeking: 170, unreachable: 75 } as const;
const BARBERS = { business: 5, employed: 3 } as const;
const AUTUMN = { from: '2024-09-02', to: '2024-11-29' } as const;
const YEAR_END = { from: '2024-11-04', to: '2024-12-20' } as const;

export function planAugust(rng: Rng, graduates: readonly Trainee[], barberCohortId: string): Map<string, AugustStatus> {
  const plan = new Map<string, AugustStatus>();
  const barbers = rng.shuffle(graduates.filter((t) => t.cohort.id === barberCohortId));
  if (barbers.length < BARBERS.business + BARBERS.employed) throw new Error('barbershop cohort too small');
  for (const t of barbers.slice(0, BARBERS.business)) plan.set(t.alumnus.id, 'business');
  for (const t of barbers.slice(BARBERS.business, BARBERS.business + BARBERS.employed)) plan.set(t.alumnus.id, 'employed');

  // The barbers' businesses are fixed above, so the rest of that cohort stays out of
  // the business and job draws; they may still be seeking, unreachable or not yet called.
  let pool = graduates.filter((t) => t.cohort.id !== barberCohortId);
  const take = (count: number, status: AugustStatus, weight: (t: Trainee) => number) => {
    const chosen = new Set(rng.sampleWeighted(pool, count, weight));
    if (chosen.size < count) throw new Error(`not enough graduates for ${count} ${status}`);
    for (const t of chosen) plan.set(t.alumnus.id, status);
    pool = pool.filter((t) => !chosen.has(t));
  };
  take(AUGUST.business - BARBERS.business, 'business', (t) => t.vocation.businessWeight);
  take(AUGUST.employed - BARBERS.employed, 'employed', (t) => t.vocation.jobWeight);
  pool = [...pool, ...barbers.slice(BARBERS.business + BARBERS.employed)];
  take(AUGUST.seeking, 'seeking', () => 1);
  // Without a phone number a person is harder to find.
  take(AUGUST.unreachable, 'unreachable', (t) => (t.alumnus.phone === null ? 3 : 1));
  for (const t of pool) plan.set(t.alumnus.id, 'never');
  return plan;
}

export type Scenario = {
  rng: Rng;
  /** Writes the records; it remembers each person's job and business for later contacts. */
  writer: FollowUpWriter;
  supervisor: User;
  murni: readonly Trainee[];
  plan: ReadonlyMap<string, AugustStatus>;
  perubahan: readonly Trainee[];
  barberCohortId: string;
  /** Murni graduates who went on to a perubahan course (busy training in the autumn). */
  repeaters: ReadonlySet<string>;
};

export function writeFollowUps(s: Scenario): FollowUp[] {
  const { rng, writer } = s;
  const lastContact = new Map<string, IsoDate>();
  const log = (t: Trainee, date: IsoDate, finding: Finding) => {
    lastContact.set(t.alumnus.id, date);
    return writer.log(t, date, finding);
  };
  const statusOf = (t: Trainee) => s.plan.get(t.alumnus.id) ?? 'never';

  // 1. Contacts up to the August update.
  for (const t of s.murni) {
    const status = statusOf(t);
    if (status === 'never') continue;
    const attempts = status === 'unreachable' ? rng.int(1, 3) : rng.chance(0.35) ? 2 : 1;
    const dates = workdays(rng, addDays(t.graduationDate, 14), AUGUST.lastContact, attempts);
    const final = dates.pop();
    if (final === undefined) throw new Error(`no day to contact ${t.alumnus.id} before the August update`);
    const reason = unreachedReason(rng);
    let since = addDays(t.graduationDate, 1);
    for (const date of dates) {
      const heard = status !== 'unreachable' && status !== 'seeking' && rng.chance(0.5);
      log(t, date, heard ? { status: 'seeking' } : { status: 'unreached', reason: rng.chance(0.7) ? 'no-answer' : reason });
      if (heard) since = addDays(date, 1);
    }
    log(t, final, findingFor(rng, status, since, final, reason));
  }

  // 2. Mistakes voided before the report: each would change the 31 August figures.
  const eligible = (status: AugustStatus) =>
    rng.shuffle(s.murni.filter((t) => statusOf(t) === status && t.cohort.id !== s.barberCohortId && !s.repeaters.has(t.alumnus.id)));
  const mistakes: [AugustStatus, Finding['status'], string, 'officer' | 'supervisor'][] = [
    ['seeking', 'employed', 'Tercatat pada alumni yang salah (nama mirip). Alumni ini masih mencari kerja; data yang benar dicatat ulang.', 'officer'],
    ['business', 'seeking', 'Salah pilih status saat input: alumni masih menjalankan usahanya.', 'supervisor'],
    ['never', 'business', 'Entri latihan saat bimtek aplikasi Jejak, bukan kontak sebenarnya.', 'supervisor'],
  ];
  const voided = new Set<string>();
  for (const [status, wrong, reason, voider] of mistakes) {
    for (const t of eligible(status)) {
      const from = lastContact.get(t.alumnus.id) ?? addDays(t.graduationDate, 13);
      const date = randomWorkday(rng, addDays(from, 1), '2024-08-28');
      if (date === null) continue;
      const finding: Finding = wrong === 'employed' || wrong === 'business' ? { status: wrong, since: addDays(date, -rng.int(3, 20)) } : { status: 'seeking' };
      const record = writer.log(t, date, finding);
      const by = voider === 'officer' ? record.officerId : s.supervisor.id;
      writer.void(record, by, officeTime(nextWorkday(date), rng.int(8, 11), rng.int(0, 59)), reason);
      voided.add(t.alumnus.id);
      break;
    }
  }

  // 3. The autumn round for murni graduates: some find work, some lose it.
  const autumn = (t: Trainee, make: (since: IsoDate, date: IsoDate) => Finding) => {
    const last = lastContact.get(t.alumnus.id) ?? addDays(t.graduationDate, 13);
    const from = last < AUTUMN.from ? AUTUMN.from : addDays(last, 1);
    const date = randomWorkday(rng, from, AUTUMN.to);
    if (date !== null) log(t, date, make(addDays(last, rng.int(1, Math.max(1, daysBetween(last, date)))), date));
  };
  const people = (status: AugustStatus) =>
    rng.shuffle(s.murni.filter((t) => statusOf(t) === status && !s.repeaters.has(t.alumnus.id) && !voided.has(t.alumnus.id)));
  const barber = (t: Trainee) => t.cohort.id === s.barberCohortId;
  // A barbershop graduate never opens a business after August: the cohort's 5 stay 5.
  const business = (t: Trainee, since: IsoDate): Finding => (barber(t) ? { status: 'seeking' } : { status: 'business', since });

  people('seeking').slice(0, 43).forEach((t, i) =>
    autumn(t, (since) => (i < 14 ? { status: 'employed', since } : i < 18 ? business(t, since) : { status: 'seeking' })));
  people('employed').slice(0, 13).forEach((t, i) =>
    autumn(t, (since) => (i < 2 ? { status: 'seeking' } : i < 3 && !barber(t) ? { status: 'business', since } : { status: 'employed', since })));
  const owners = people('business');
  [...owners.filter(barber).slice(0, 2), ...owners.filter((t) => !barber(t)).slice(0, 6)].forEach((t) =>
    autumn(t, (since) => ({ status: 'business', since })));
  people('never').slice(0, 30).forEach((t) =>
    autumn(t, (since) => pickFinding(rng, t, since, business)));
  people('unreachable').slice(0, 10).forEach((t, i) =>
    autumn(t, (since) => (i < 4 ? { status: 'seeking' } : i < 6 ? { status: 'employed', since } : { status: 'unreached', reason: unreachedReason(rng) })));

  // 4. Perubahan graduates, first called in November and December.
  for (const t of s.perubahan) {
    if (!rng.chance(0.45)) continue;
    const from = addDays(t.graduationDate, 14) > YEAR_END.from ? addDays(t.graduationDate, 14) : YEAR_END.from;
    const dates = workdays(rng, from, YEAR_END.to, rng.chance(0.15) ? 2 : 1);
    const final = dates.pop();
    if (final === undefined) continue;
    for (const date of dates) log(t, date, { status: 'unreached', reason: 'no-answer' });
    const since = addDays(t.graduationDate, rng.int(1, Math.max(1, daysBetween(t.graduationDate, final))));
    log(t, final, pickFinding(rng, t, since, business));
  }

  return [...writer.records].sort(byContactTime);
}

/** Contact time, then id: the order records are stored and listed in. */
export function byContactTime(a: FollowUp, b: FollowUp): number {
  return a.contactedAt < b.contactedAt ? -1 : a.contactedAt > b.contactedAt ? 1 : a.id < b.id ? -1 : 1;
}

function findingFor(rng: Rng, status: AugustStatus, since: IsoDate, final: IsoDate, reason: UnreachedReason): Finding {
  const start = addDays(since, rng.int(0, Math.max(0, daysBetween(since, final))));
  switch (status) {
    case 'employed':
      return { status: 'employed', since: start };
    case 'business':
      return { status: 'business', since: start };
    case 'seeking':
      return { status: 'seeking' };
    default:
      return { status: 'unreached', reason };
  }
}

function pickFinding(rng: Rng, t: Trainee, since: IsoDate, business: (t: Trainee, since: IsoDate) => Finding): Finding {
  const kind = rng.weighted([['seeking', 52], ['employed', 16], ['business', 9], ['unreached', 23]] as const);
  if (kind === 'business') return business(t, since);
  if (kind === 'unreached') return { status: 'unreached', reason: unreachedReason(rng) };
  return kind === 'employed' ? { status: 'employed', since } : { status: 'seeking' };
}

export function unreachedReason(rng: Rng): UnreachedReason {
  return rng.weighted([['no-answer', 50], ['wrong-number', 18], ['moved', 15], ['refused', 5], ['other', 12]] as const);
}

/** Up to `count` distinct working days in [from, to], in order. */
function workdays(rng: Rng, from: IsoDate, to: IsoDate, count: number): IsoDate[] {
  const days = new Set<IsoDate>();
  for (let i = 0; i < count; i += 1) {
    const day = randomWorkday(rng, from, to);
    if (day !== null) days.add(day);
  }
  return [...days].sort();
}
