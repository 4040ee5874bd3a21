import * as v from 'valibot';
import { NewCohortSchema, type CohortPatch, type NewCohortRequest } from '../../../shared/api/cohorts.api';
import type { ErrorCode } from '../../../shared/errors';
import type { Cohort } from '../../../shared/schema';
import { toFieldIssues } from '../../../shared/schema/issues';

/** The form's fields, as typed (strings): nothing is converted until it is checked. */
export type CohortValues = {
  providerId: string;
  vocationId: string;
  title: string;
  fundingSource: string;
  budgetYear: string;
  startDate: string;
  endDate: string;
  location: string;
  seats: string;
  plannedCertificationDate: string;
  actualCertificationDate: string;
};
export type CohortField = keyof CohortValues;
export type CohortErrors = Partial<Record<CohortField, ErrorCode>>;

const FIELDS: readonly CohortField[] = [
  'providerId', 'vocationId', 'title', 'fundingSource', 'budgetYear', 'startDate', 'endDate', 'location', 'seats', 'plannedCertificationDate', 'actualCertificationDate',
];

export function emptyCohortValues(providerId: string | null, today: string): CohortValues {
  return {
    providerId: providerId ?? '', vocationId: '', title: '', fundingSource: '', budgetYear: today.slice(0, 4), startDate: '', endDate: '', location: '', seats: '',
    plannedCertificationDate: '', actualCertificationDate: '',
  };
}

export function cohortValuesOf(cohort: Cohort): CohortValues {
  return {
    providerId: cohort.providerId, vocationId: cohort.vocationId, title: cohort.title, fundingSource: cohort.fundingSource, budgetYear: String(cohort.budgetYear),
    startDate: cohort.startDate, endDate: cohort.endDate, location: cohort.location, seats: String(cohort.seats ?? ''),
    plannedCertificationDate: cohort.plannedCertificationDate ?? '', actualCertificationDate: cohort.actualCertificationDate ?? '',
  };
}

/** The cohort's editable fields, as `cohort.create` and `cohort.update` carry them. */
export type CohortFields = Omit<NewCohortRequest, 'id' | 'providerId'>;

/**
 * Checks the values with the shared schema the server uses, and answers the fields or
 * each field's error. A blank required field reads "required", not "wrong type".
 */
export function checkCohortValues(values: CohortValues): { kind: 'ok'; fields: CohortFields } | { kind: 'invalid'; errors: CohortErrors } {
  const blankIsAbsent = (value: string) => (value.trim() === '' ? undefined : value.trim());
  // Digits become a number for the schema to range-check; anything else stays text, to be refused as not a number.
  const wholeNumber = (value: string) => (/^\d+$/.test(value) ? Number(value) : value);
  const year = values.budgetYear.trim();
  const seats = values.seats.trim();
  const input = {
    vocationId: blankIsAbsent(values.vocationId),
    title: values.title,
    fundingSource: blankIsAbsent(values.fundingSource),
    budgetYear: year === '' ? undefined : wholeNumber(year),
    startDate: blankIsAbsent(values.startDate),
    endDate: blankIsAbsent(values.endDate),
    location: values.location,
    seats: seats === '' ? null : wholeNumber(seats),
    plannedCertificationDate: blankIsAbsent(values.plannedCertificationDate) ?? null,
    actualCertificationDate: blankIsAbsent(values.actualCertificationDate) ?? null,
  };
  const parsed = v.safeParse(NewCohortSchema, input);
  if (parsed.success) {
    const { id: _id, providerId: _providerId, ...fields } = parsed.output;
    return { kind: 'ok', fields };
  }
  const errors = errorsOf(toFieldIssues(parsed.issues));
  // A choice left at "Choose…" was not made, rather than made wrong.
  for (const field of ['vocationId', 'fundingSource'] as const) if (input[field] === undefined && errors[field] !== undefined) errors[field] = 'required';
  // The schema checks the order of the dates only once every field is valid; say it at once.
  const { startDate, endDate } = input;
  if (errors.startDate === undefined && errors.endDate === undefined && startDate !== undefined && endDate !== undefined && endDate < startDate) errors.endDate = 'dates-out-of-order';
  return { kind: 'invalid', errors };
}

/** Each issue beside its field (`patch.endDate` is the end date too); the first per field wins. */
export function errorsOf(issues: readonly { path: string; code: ErrorCode }[]): CohortErrors {
  const errors: CohortErrors = {};
  for (const { path, code } of issues) {
    const name = path.replace(/^patch\./, '').split('.')[0];
    const field = FIELDS.find((candidate) => candidate === name) ?? 'title';
    errors[field] ??= code;
  }
  return errors;
}

/**
 * What an edit changes, and the values the editor saw of those fields (`base`, for the
 * compare-and-set): only changed fields travel, so an edit never overwrites a field the
 * clerk did not touch.
 */
export function cohortChange(seen: Cohort, fields: CohortFields): { patch: CohortPatch; base: CohortPatch } {
  const patch: Record<string, unknown> = {};
  const base: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    const before = seen[field as keyof CohortFields];
    if (value !== before) {
      patch[field] = value;
      base[field] = before;
    }
  }
  return { patch: patch, base: base };
}
