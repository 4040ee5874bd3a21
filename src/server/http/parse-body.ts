import type { Context } from 'hono';
import * as v from 'valibot';
import { describeError } from '../../shared/errors';
import { toFieldIssues, type FieldIssue } from '../../shared/schema/issues';
import { DomainError } from '../errors';

/**
 * The request's JSON body, parsed by `schema`. Malformed input always ends here as a
 * 400 DomainError — 'malformed-json' or 'invalid-body' with FieldIssue[] details —
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
  const result = v.safeParse(schema, json);
  if (result.success) return result.output;
  const issues = toFieldIssues(result.issues);
  throw new DomainError('invalid-body', 400, { message: summarise(issues), details: issues });
}

/** e.g. "nik: NIK digits 1–2 (province code) cannot be 00; name: is required". */
function summarise(issues: readonly FieldIssue[]): string {
  const shown = issues.slice(0, 5).map(({ path, code }) => (path === '' ? describeError(code) : `${path}: ${describeError(code)}`));
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  return shown.length === 0 ? describeError('invalid-body') : shown.join('; ') + more;
}
