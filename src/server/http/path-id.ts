import type { Context } from 'hono';
import * as v from 'valibot';
import { IdSchema } from '../../shared/schema';
import { DomainError } from '../errors';

/**
 * The `:id` of a route, which must be a UUID. Anything else names no record: 404 at once,
 * before a query (a PostgreSQL uuid comparison would otherwise fail with a 500).
 */
export function pathId(c: Context, what: string): string {
  const id = c.req.param('id') ?? '';
  if (!v.safeParse(IdSchema, id).success) throw new DomainError('not-found', 404, { message: `no ${what} ${id.slice(0, 60)}` });
  return id;
}
