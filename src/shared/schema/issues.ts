import type * as v from 'valibot';
import { isErrorCode, type ErrorCode } from '../errors';

/** A failed field: its dotted path (`alumni.3.nik`, '' for the whole value) and its code. */
export type FieldIssue = { path: string; code: ErrorCode };

/**
 * Flattens valibot issues to path + code, the shape forms, imports and the API share.
 * Our schemas put codes in messages; valibot's own messages (a missing key, a wrong
 * container type) become 'required' or 'invalid-type'.
 */
export function toFieldIssues(issues: readonly v.BaseIssue<unknown>[]): FieldIssue[] {
  const seen = new Set<string>();
  const fieldIssues: FieldIssue[] = [];
  for (const issue of issues) {
    const fieldIssue = { path: (issue.path ?? []).map((item) => String(item.key)).join('.'), code: codeOf(issue) };
    // Two checks of one value that fail alike ("not a date-time") say it once.
    const key = `${fieldIssue.path}\u0000${fieldIssue.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fieldIssues.push(fieldIssue);
  }
  return fieldIssues;
}

function codeOf(issue: v.BaseIssue<unknown>): ErrorCode {
  // An absent or null value where one is needed is "required", whatever type was expected.
  if (issue.input === undefined || (issue.input === null && issue.kind === 'schema')) {
    if (!isErrorCode(issue.message) || issue.message === 'invalid-type') return 'required';
  }
  return isErrorCode(issue.message) ? issue.message : 'invalid-type';
}
