import type { Context } from 'hono';
import * as v from 'valibot';
import { describeError } from '../../shared/errors';
import { toFieldIssues, type FieldIssue } from '../../shared/schema/issues';
import { DomainError } from '../errors';

/**
 * The request's JSON body, parsed by `schema`. Malformed input always ends here as a
 * 400 DomainError — 'malformed-json', or 'invalid-body' with FieldIssue[] details (a body
 * that is not a JSON object too) —
 * and never reaches the 500 handler.
 */
export async function parseBody<const S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const text = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DomainError('malformed-json', 400, { cause: error });
  }
  // Every body is an object of named fields; valibot would take an array for an empty one.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new DomainError('invalid-body', 400, { message: 'the request body must be a JSON object ({…})', details: [{ path: '', code: 'invalid-type' }] });
  }
  const result = v.safeParse(schema, json);
  if (result.success) return result.output;
  const issues = toFieldIssues(result.issues);
  throw new DomainError('invalid-body', 400, { message: describeFieldIssues(issues), details: issues });
}

/** e.g. "nik: NIK digits 1–2 (province code) cannot be 00; name: is required". */
export function describeFieldIssues(issues: readonly FieldIssue[]): string {
  const shown = issues.slice(0, 5).map(({ path, code }) => (path === '' ? describeError(code) : `${path}: ${describeError(code)}`));
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  return shown.length === 0 ? describeError('invalid-body') : shown.join('; ') + more;
}
