import * as v from 'valibot';
import { describeError } from '../../shared/errors';
import { toFieldIssues } from '../../shared/schema';
import { DomainError } from '../errors';

/**
 * The record a change is about to store, checked against its entity schema as a whole:
 * rules across fields (end after start, a reached contact has a status) hold for the
 * merged result of a patch too, not only for the fields the patch named. A failure is
 * the caller's input, so 400 `invalid-body` with the field issues.
 */
export function validRecord<const S extends v.GenericSchema>(schema: S, record: v.InferInput<S>): v.InferOutput<S> {
  const result = v.safeParse(schema, record);
  if (result.success) return result.output;
  const issues = toFieldIssues(result.issues);
  const message = issues.map(({ path, code }) => (path === '' ? describeError(code) : `${path}: ${describeError(code)}`)).join('; ');
  throw new DomainError('invalid-body', 400, { message, details: issues });
}
