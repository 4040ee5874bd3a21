import type { Context } from 'hono';
import * as v from 'valibot';
import { toFieldIssues } from '../../shared/schema/issues';
import { DomainError } from '../errors';
import { describeFieldIssues } from './parse-body';

/**
 * The request's query parameters, parsed by `schema` (the first value of a repeated
 * one). Bad ones are a 400 `invalid-body` with the FieldIssue[] of the parameters, like
 * a bad body: a query string is the body of a GET.
 */
export function parseQuery<const S extends v.GenericSchema>(c: Context, schema: S): v.InferOutput<S> {
  const result = v.safeParse(schema, c.req.query());
  if (result.success) return result.output;
  const issues = toFieldIssues(result.issues);
  const message = `the query parameters are invalid: ${describeFieldIssues(issues)}`;
  throw new DomainError('invalid-body', 400, { message, details: issues });
}
