import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { SelfReportAnswerSchema, type NewSelfReportLinkResponse, type SelfReportAnswerResponse } from '../../shared/api/self-report.api';
import { selfReportLinksAsSeenBy } from '../access/follow-up-view';
import { assertAllowed, assertAlumnusInScope } from '../access/scope';
import type { AppEnv, Clock } from '../auth/context';
import { currentUser } from '../auth/require-user';
import { apiActor } from '../changes/actor';
import { createSelfReportLink } from '../changes/create-self-report-link';
import { runChange } from '../changes/run-change';
import { withdrawSelfReportLink } from '../changes/withdraw-self-report-link';
import type { Database } from '../db/schema';
import { listAlumnusSelfReportLinks } from '../db/self-report-links.repository';
import { parseBody } from '../http/parse-body';
import { pathId } from '../http/path-id';
import { clientAddress, requestOrigin } from '../http/request-origin';
import { answerSelfReport, openLink } from '../self-report/answer-self-report';
import { newSelfReportToken } from '../self-report/token';
import { selfReportUrl } from '../../shared/domain/self-report';
import { newRecordId } from '../../shared/record-id';

type SelfReportDeps = { db: Kysely<Database>; clock: Clock; trustProxy: boolean; publicUrl: string | null };

/** The one public API path prefix: an alumnus answering has a token, not a session. */
export const SELF_REPORT_API_PREFIX = '/api/self-report/';

/**
 * Personal answer links over the API. Making and withdrawing one follow the rules of
 * logging a follow-up (officers; provider staff for their own alumni); the answer itself
 * is public and JSON, like the answer page's form (self-report-page.routes.ts).
 */
export function selfReportRoutes({ db, clock, trustProxy, publicUrl }: SelfReportDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/alumni/:id/self-report-links', async (c) => {
      const user = currentUser(c);
      assertAllowed(user, 'write-follow-up');
      const alumnusId = pathId(c, 'alumnus');
      const token = newSelfReportToken();
      const now = clock();
      const { link } = await runChange(db, (trx) => createSelfReportLink(trx, apiActor(user), { id: newRecordId(), alumnusId, token }, now));
      const url = selfReportUrl(publicUrl ?? requestOrigin(c, trustProxy), token);
      return c.json({ id: link.id, url, expiresAt: link.expiresAt } satisfies NewSelfReportLinkResponse, 201);
    })
    .get('/alumni/:id/self-report-links', async (c) => {
      const user = currentUser(c);
      assertAllowed(user, 'read-data');
      const alumnusId = pathId(c, 'alumnus');
      await assertAlumnusInScope(db, user, alumnusId);
      return c.json({ links: await selfReportLinksAsSeenBy(db, user, await listAlumnusSelfReportLinks(db, alumnusId)) });
    })
    .post('/self-report-links/:id/withdraw', async (c) => {
      const user = currentUser(c);
      assertAllowed(user, 'write-follow-up');
      const id = pathId(c, 'link');
      const now = clock();
      const link = await runChange(db, (trx) => withdrawSelfReportLink(trx, apiActor(user), { id }, now));
      const [seen] = await selfReportLinksAsSeenBy(db, user, [link]);
      return c.json({ link: seen ?? link });
    })
    .post('/self-report/:token', async (c) => {
      const now = clock();
      const open = await openLink(db, c.req.param('token'), clientAddress(c, trustProxy), now);
      const answer = await parseBody(c, SelfReportAnswerSchema);
      await answerSelfReport(db, open.tokenHash, answer, now);
      return c.json({ answered: true } satisfies SelfReportAnswerResponse, 201);
    });
}
