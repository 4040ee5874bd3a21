import { Hono } from 'hono';
import { AuditQuerySchema } from '../../../shared/api/audit.api';
import { assertAllowed } from '../../access/scope';
import type { AppEnv } from '../../auth/context';
import { currentUser } from '../../auth/require-user';
import { readAudit } from '../../audit/read-audit';
import { parseQuery } from '../../http/parse-query';
import type { RouteDeps } from '../admin.routes';

/** `GET /api/audit?entity=…&entityId=…&limit=…`: supervisors and admins. */
export function auditRoutes({ db }: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/audit', async (c) => {
    assertAllowed(currentUser(c), 'read-audit');
    return c.json({ entries: await readAudit(db, parseQuery(c, AuditQuerySchema)) });
  });
}
