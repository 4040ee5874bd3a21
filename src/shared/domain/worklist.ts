import type { Alumnus } from '../schema/alumnus.schema';
import type { Cohort } from '../schema/cohort.schema';
import type { Enrollment } from '../schema/enrollment.schema';
import type { FollowUp } from '../schema/follow-up.schema';
import { OFFICE_TIME_ZONE, addDays, type IsoDate } from './dates';
import { nextDueDate } from './due-date';
import { compareContacts, statusAsOf, type StatusAsOf } from './status-as-of';

/** Overdue first, then due within the coming week (today included), then later. */
export const DUE_BUCKETS = ['overdue', 'this-week', 'later'] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

export type WorklistSource = {
  alumni: Iterable<Alumnus>;
  enrollments: Iterable<Enrollment>;
  cohorts: Iterable<Cohort>;
  followUps: Iterable<FollowUp>;
};

/**
 * What the worklist knows of one alumnus whatever the day: the device keeps one per
 * alumnus due (the client's due index), so the list opens without reading every table.
 */
export type WorklistEntry = {
  /** What the list shows of the person and filters by; the alumnus page has the rest. */
  alumnus: WorklistPerson;
  /** The cohort of the latest graduation (the one the due dates count from), else the latest enrolment's. */
  cohort: WorklistCohort | null;
  /** Every cohort and provider the person trained with, for the filters. */
  cohortIds: string[];
  providerIds: string[];
  graduationDate: IsoDate | null;
  /** The latest known status (a contact is never logged ahead of its day). */
  status: StatusAsOf;
  /** When the status was found: the latest reached contact, or null. */
  statusFoundAt: string | null;
  dueDate: IsoDate;
};

export type WorklistPerson = Pick<Alumnus, 'id' | 'name' | 'nik' | 'phone' | 'whatsapp' | 'kecamatan' | 'kelurahan'>;
export type WorklistCohort = Pick<Cohort, 'id' | 'title' | 'providerId'>;

/** An entry seen on a given day: how long since graduation and which heading it goes under. */
export type WorklistRow = WorklistEntry & {
  daysSinceGraduation: number | null;
  bucket: DueBucket;
};

/** Beyond any contact's day: the status as of it is the latest status known. */
const LATEST_DAY: IsoDate = '9999-12-31';

/**
 * The alumni due for a follow-up, computed on the device from local data with the shared
 * due-date rule: overdue first (the longest overdue leading), then this week, then later,
 * each by due date and name. Alumni with nothing due are left out. One pass over each
 * table, so 20,000 alumni and 40,000 follow-ups take tens of milliseconds.
 */
export function buildWorklist(source: WorklistSource, today: IsoDate, timeZone = OFFICE_TIME_ZONE): WorklistRow[] {
  const entryOf = worklistEntryMaker(source, timeZone);
  const rows: WorklistRow[] = [];
  for (const alumnus of source.alumni) {
    const entry = entryOf(alumnus);
    if (entry !== null) rows.push(worklistRow(entry, today));
  }
  return rows.sort(compareWorklistRows);
}

/**
 * Indexes the enrolments, follow-ups and live cohorts once, and answers any alumnus's
 * entry from them: the whole list (buildWorklist) and the device's stored index, when
 * rebuilt from its tables, compute entries the same way.
 */
export function worklistEntryMaker(source: Omit<WorklistSource, 'alumni'>, timeZone = OFFICE_TIME_ZONE): (alumnus: Alumnus) => WorklistEntry | null {
  const cohorts = new Map<string, Cohort>();
  for (const cohort of source.cohorts) if (!cohort.deleted) cohorts.set(cohort.id, cohort);
  const enrollmentsOf = groupBy(source.enrollments, (enrollment) => (enrollment.deleted ? null : enrollment.alumnusId));
  const followUpsOf = groupBy(source.followUps, (followUp) => followUp.alumnusId);
  return (alumnus) => worklistEntry(alumnus, enrollmentsOf.get(alumnus.id) ?? [], followUpsOf.get(alumnus.id) ?? [], cohorts, timeZone);
}

/**
 * One alumnus's entry from their own enrolments and follow-ups (in any order; deleted
 * enrolments and those of cohorts not in `cohorts` are ignored), or null when the person
 * is deleted or nothing is due.
 */
export function worklistEntry(
  alumnus: Alumnus,
  allEnrollments: readonly Enrollment[],
  followUps: readonly FollowUp[],
  cohorts: ReadonlyMap<string, Cohort>,
  timeZone = OFFICE_TIME_ZONE,
): WorklistEntry | null {
  if (alumnus.deleted) return null;
  const enrollments = allEnrollments.filter((enrollment) => !enrollment.deleted && cohorts.has(enrollment.cohortId));
  const graduated = latestBy(
    enrollments.filter((enrollment) => enrollment.outcome === 'graduated' && enrollment.graduationDate !== null),
    (enrollment) => enrollment.graduationDate ?? '',
  );
  const graduationDate = graduated?.graduationDate ?? null;
  const dueDate = nextDueDate(graduationDate, followUps, timeZone);
  if (dueDate === null) return null;
  const shown = graduated ?? latestBy(enrollments, (enrollment) => cohorts.get(enrollment.cohortId)?.startDate ?? '');
  const cohort = shown === undefined ? undefined : cohorts.get(shown.cohortId);
  const { id, name, nik, phone, whatsapp, kecamatan, kelurahan } = alumnus;
  return {
    // Copies of the few fields shown: the device stores one entry per person due, and
    // 20,000 whole records would cost seconds to write after a large pull.
    alumnus: { id, name, nik, phone, whatsapp, kecamatan, kelurahan },
    cohort: cohort === undefined ? null : { id: cohort.id, title: cohort.title, providerId: cohort.providerId },
    cohortIds: unique(enrollments.map((enrollment) => enrollment.cohortId)),
    providerIds: unique(enrollments.flatMap((enrollment) => cohorts.get(enrollment.cohortId)?.providerId ?? [])),
    graduationDate,
    status: statusAsOf(followUps, LATEST_DAY, timeZone),
    statusFoundAt: latestReached(followUps)?.contactedAt ?? null,
    dueDate,
  };
}

/** The entry as the list shows it on `today`. */
export function worklistRow(entry: WorklistEntry, today: IsoDate): WorklistRow {
  const { graduationDate, dueDate } = entry;
  return {
    ...entry,
    daysSinceGraduation: graduationDate === null ? null : daysBetween(graduationDate, today),
    bucket: dueBucket(dueDate, today),
  };
}

/** The heading a due date goes under on `today`. */
export function dueBucket(dueDate: IsoDate, today: IsoDate): DueBucket {
  return dueDate < today ? 'overdue' : dueDate <= addDays(today, 6) ? 'this-week' : 'later';
}

export type WorklistFilters = {
  kecamatan?: string;
  providerId?: string;
  cohortId?: string;
  status?: StatusAsOf;
};

/** Keeps the rows matching every filter that is set; "never contacted" is `status: 'never-contacted'`. */
export function filterWorklist(rows: readonly WorklistRow[], filters: WorklistFilters): WorklistRow[] {
  const { kecamatan, providerId, cohortId, status } = filters;
  return rows.filter(
    (row) =>
      (kecamatan === undefined || row.alumnus.kecamatan === kecamatan) &&
      (providerId === undefined || row.providerIds.includes(providerId)) &&
      (cohortId === undefined || row.cohortIds.includes(cohortId)) &&
      (status === undefined || row.status === status),
  );
}

/**
 * The list's order: bucket; within "overdue" the people nobody has tried yet first (a
 * first contact tells the most), then the milestone missed longest ago; then due date,
 * name (as Indonesian sorts it), id.
 */
export function compareWorklistRows(a: WorklistRow, b: WorklistRow): number {
  return (
    DUE_BUCKETS.indexOf(a.bucket) - DUE_BUCKETS.indexOf(b.bucket) ||
    (a.bucket === 'overdue' ? neverContactedFirst(a) - neverContactedFirst(b) : 0) ||
    compareText(a.dueDate, b.dueDate) ||
    a.alumnus.name.localeCompare(b.alumnus.name, 'id') ||
    compareText(a.alumnus.id, b.alumnus.id)
  );
}

function neverContactedFirst(row: WorklistRow): number {
  return row.status === 'never-contacted' ? 0 : 1;
}

/** One kecamatan's rows, in list order; people with no kecamatan recorded come last (`kecamatan` null). */
export type KecamatanGroup = { kecamatan: string | null; rows: WorklistRow[] };

/**
 * Rows grouped by kecamatan for planning visits: kecamatan by name, rows kept in the
 * order they come in (so each group keeps the list's order), the unknown area last.
 */
export function groupByKecamatan(rows: readonly WorklistRow[]): KecamatanGroup[] {
  const groups = new Map<string | null, WorklistRow[]>();
  for (const row of rows) {
    const key = row.alumnus.kecamatan.trim() || null;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups]
    .map(([kecamatan, grouped]) => ({ kecamatan, rows: grouped }))
    .sort((a, b) => (a.kecamatan === null ? 1 : b.kecamatan === null ? -1 : a.kecamatan.localeCompare(b.kecamatan, 'id')));
}

function latestReached(followUps: readonly FollowUp[]): FollowUp | undefined {
  let latest: FollowUp | undefined;
  for (const followUp of followUps) {
    if (followUp.voidedAt !== null || !followUp.reached) continue;
    if (latest === undefined || compareContacts(followUp, latest) > 0) latest = followUp;
  }
  return latest;
}

function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function latestBy<T>(items: readonly T[], keyOf: (item: T) => string): T | undefined {
  let latest: T | undefined;
  for (const item of items) if (latest === undefined || keyOf(item) > keyOf(latest)) latest = item;
  return latest;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const DAY_MS = 86_400_000;

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
