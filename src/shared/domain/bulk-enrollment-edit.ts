import * as v from 'valibot';
import { EnrollmentPatchSchema, type EnrollmentPatch } from '../api/enrollments.api';
import type { ErrorCode } from '../errors';
import type { CertificationState, Enrollment, EnrollmentOutcome } from '../schema/enrollment.schema';
import { toFieldIssues } from '../schema/issues';
import { isCalendarDate } from './dates';

/** One row's change as `enrollment.update` carries it: `base` is what the clerk saw of each patched field. */
export type EnrollmentUpdate = { id: string; patch: EnrollmentPatch; base: EnrollmentPatch };

/** How it ended: set for everyone selected, with the day of graduation for graduates. */
export type OutcomeChange = { kind: 'outcome'; outcome: Exclude<EnrollmentOutcome, 'enrolled'>; graduationDate: string };

/**
 * Certification for everyone selected: the day it is (or was) scheduled, the day the
 * certificate was issued and, for those found competent, each one's certificate number
 * (`numbers[i]` belongs to the i-th selected row). Blank dates leave the stored ones.
 */
export type CertificationChange = {
  kind: 'certification';
  certification: Exclude<CertificationState, 'none'>;
  scheduledDate: string;
  issuedDate: string;
  numbers: readonly string[];
};

export type BulkField = 'selection' | 'graduationDate' | 'scheduledDate' | 'issuedDate' | 'numbers';
export type BulkCode = ErrorCode | 'none-selected' | 'count-mismatch';
/** `row` (0-based, in selection order) when the problem is one row's certificate number. */
export type BulkProblem = { field: BulkField; code: BulkCode; row?: number };

export type BulkPlan = { kind: 'ok'; updates: EnrollmentUpdate[] } | { kind: 'invalid'; problems: BulkProblem[] };

/**
 * The `enrollment.update`s that apply `change` to the `selected` rows, in their order,
 * or every reason it cannot: all problems at once, so the clerk fixes them in one go.
 * A row the change would leave as it is gets no update (nothing to sync, nothing to
 * conflict). `base` is taken from the rows as shown, which is what compare-and-set needs
 * to catch a date someone else changed since the page was read.
 */
export function planBulkEdit(selected: readonly Enrollment[], change: OutcomeChange | CertificationChange): BulkPlan {
  const problems: BulkProblem[] = [];
  if (selected.length === 0) problems.push({ field: 'selection', code: 'none-selected' });
  const patches = change.kind === 'outcome' ? outcomePatches(selected, change, problems) : certificationPatches(selected, change, problems);
  if (problems.length > 0) return { kind: 'invalid', problems };

  const updates: EnrollmentUpdate[] = [];
  for (const [index, enrollment] of selected.entries()) {
    const patch = patches[index] ?? {};
    const parsed = v.safeParse(EnrollmentPatchSchema, patch);
    if (!parsed.success) {
      for (const issue of toFieldIssues(parsed.issues)) problems.push({ field: fieldOf(issue.path), code: issue.code, row: index });
      continue;
    }
    const fields = (Object.keys(patch) as (keyof EnrollmentPatch)[]).filter((field) => patch[field] !== enrollment[field]);
    if (fields.length === 0) continue;
    updates.push({ id: enrollment.id, patch: pick(patch, fields), base: pick(enrollment, fields) });
  }
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'ok', updates };
}

function outcomePatches(selected: readonly Enrollment[], change: OutcomeChange, problems: BulkProblem[]): EnrollmentPatch[] {
  // Only a graduate has a graduation day; the others lose one recorded by mistake.
  const graduationDate = change.outcome === 'graduated' ? checkedDate(change.graduationDate, 'graduationDate', true, problems) : null;
  return selected.map(() => ({ outcome: change.outcome, graduationDate }));
}

function certificationPatches(selected: readonly Enrollment[], change: CertificationChange, problems: BulkProblem[]): EnrollmentPatch[] {
  const scheduledDate = checkedDate(change.scheduledDate, 'scheduledDate', change.certification === 'scheduled', problems);
  const competent = change.certification === 'competent';
  const issuedDate = competent ? checkedDate(change.issuedDate, 'issuedDate', false, problems) : null;
  const numbers = competent ? change.numbers.map((number) => number.trim()) : [];
  if (competent && numbers.length > 0 && numbers.length !== selected.length) problems.push({ field: 'numbers', code: 'count-mismatch' });
  return selected.map((_, index) => {
    const patch: EnrollmentPatch = { certification: change.certification };
    if (scheduledDate !== null) patch.certificationScheduledDate = scheduledDate;
    if (issuedDate !== null) patch.certificationIssuedDate = issuedDate;
    const number = numbers[index];
    if (number !== undefined && number !== '') patch.certificateNumber = number;
    return patch;
  });
}

/** A typed date, or null when blank and optional; a problem otherwise. */
function checkedDate(value: string, field: BulkField, required: boolean, problems: BulkProblem[]): string | null {
  const date = value.trim();
  if (date === '') {
    if (required) problems.push({ field, code: 'required' });
    return null;
  }
  if (!isCalendarDate(date)) problems.push({ field, code: 'invalid-date' });
  return date;
}

function fieldOf(path: string): BulkField {
  if (path === 'certificationScheduledDate') return 'scheduledDate';
  if (path === 'certificationIssuedDate') return 'issuedDate';
  if (path === 'graduationDate') return 'graduationDate';
  return 'numbers';
}

function pick<T extends object>(record: T, fields: readonly (keyof EnrollmentPatch)[]): EnrollmentPatch {
  const picked: Record<string, unknown> = {};
  for (const field of fields) picked[field] = (record as Record<string, unknown>)[field];
  return picked;
}

/**
 * A column pasted from a spreadsheet, one value a line: trimmed, the blank lines a
 * copied column ends with dropped (a blank line inside stays, as "no number for this
 * row"), and only the first cell of a line when more than one column came along.
 */
export function parsePastedColumn(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/).map((line) => (line.split('\t')[0] ?? '').trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  return lines;
}
