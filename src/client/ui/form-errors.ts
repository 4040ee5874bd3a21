import type { ApiFailure } from '../api/api-request';

/** What went wrong with a form as a whole; turned into words by <FormProblemMessage>. */
export type FormProblem =
  | { kind: 'unreachable' }
  /** Some fields were refused; each says why beside it. */
  | { kind: 'fields' }
  | { kind: 'error'; code: string; retryAfterSeconds?: number | null };

export type FormErrors<F extends string> = { fields: Partial<Record<F, string>>; problem: FormProblem | null };

export const NO_ERRORS: FormErrors<never> = { fields: {}, problem: null };

function isFieldIssue(value: unknown): value is { path: string; code: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'path' in value &&
    'code' in value &&
    typeof value.path === 'string' &&
    typeof value.code === 'string'
  );
}

/**
 * Spreads a refused request over the form: each `invalid-body` issue goes beside the
 * field its `path` names (`providerId`, `alumni.3.nik` → `alumni`), a code listed in
 * `fieldOf` (e.g. `username-taken`) beside its field, anything else above the button.
 * Values are error codes; the form turns them into words.
 */
export function formErrorsFrom<F extends string>(
  failure: ApiFailure,
  fieldNames: readonly F[],
  fieldOf: Readonly<Record<string, F>> = {},
): FormErrors<F> {
  if (failure.kind === 'unreachable') return { fields: {}, problem: { kind: 'unreachable' } };
  const { error } = failure;
  const fieldForCode = Object.hasOwn(fieldOf, error.code) ? fieldOf[error.code] : undefined;
  if (fieldForCode !== undefined) return { fields: { [fieldForCode]: error.code } as Partial<Record<F, string>>, problem: { kind: 'fields' } };

  const issues = error.code === 'invalid-body' && Array.isArray(error.details) ? error.details.filter(isFieldIssue) : [];
  const fields: Partial<Record<F, string>> = {};
  let unplaced: string | null = null;
  for (const issue of issues) {
    const field = fieldNames.find((name) => name === issue.path.split('.')[0]);
    if (field === undefined) unplaced ??= issue.code;
    else fields[field] ??= issue.code;
  }
  if (issues.length > 0 && unplaced === null) return { fields, problem: { kind: 'fields' } };
  return { fields, problem: { kind: 'error', code: unplaced ?? error.code, retryAfterSeconds: failure.retryAfterSeconds } };
}
