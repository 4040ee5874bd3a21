import { Hono } from 'hono';
import * as v from 'valibot';
import { AuditQuerySchema } from '../../../shared/api/audit.api';
import { toFieldIssues } from '../../../shared/schema';
import { assertAllowed } from '../../access/scope';
import type { AppEnv } from '../../auth/context';
import { currentUser } from '../../auth/require-user';
import { readAudit } from '../../audit/read-audit';
import { DomainError } from '../../errors';
import type { RouteDeps } from '../admin.routes';

/** `GET /api/audit?entity=…&entityId=…&limit=…`: supervisors and admins. */
export function auditRoutes({ db }: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/audit', async (c) => {
    assertAllowed(currentUser(c), 'read-audit');
    const query = v.safeParse(AuditQuerySchema, c.req.query());
    if (!query.success) {
      throw new DomainError('invalid-body', 400, { message: 'the query parameters are invalid', details: toFieldIssues(query.issues) });
    }
    return c.json({ entries: await readAudit(db, query.output) });
  });
}
