import { Hono } from 'hono';
import {
  FollowUpListQuerySchema, NewFollowUpSchema, VoidFollowUpSchema,
  type FollowUpListResponse, type FollowUpResponse,
} from '../../../shared/api/follow-ups.api';
import { followUpsAsSeenBy } from '../../access/follow-up-view';
import { assertAllowed, assertAlumnusInScope, isAllowed, providerScope } from '../../access/scope';
import type { AppEnv } from '../../auth/context';
import { currentUser } from '../../auth/require-user';
import { apiActor } from '../../changes/actor';
import { logFollowUp } from '../../changes/log-follow-up';
import { runChange } from '../../changes/run-change';
import { voidFollowUp } from '../../changes/void-follow-up';
import { listFollowUps } from '../../db/follow-ups.repository';
import { parseBody } from '../../http/parse-body';
import { parseQuery } from '../../http/parse-query';
import { pathId } from '../../http/path-id';
import type { RouteDeps } from '../data.routes';

export function followUpsRoutes({ db, clock }: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/follow-ups', async (c) => {
      const user = currentUser(c);
      assertAllowed(user, 'read-data');
      const query = parseQuery(c, FollowUpListQuerySchema);
      if (query.alumnusId !== undefined) await assertAlumnusInScope(db, user, query.alumnusId);
      const { items, page } = await listFollowUps(db, providerScope(user), query);
      return c.json({ followUps: await followUpsAsSeenBy(db, user, items), page } satisfies FollowUpListResponse);
    })
    .post('/follow-ups', async (c) => {
      const actor = currentUser(c);
      assertAllowed(actor, 'write-follow-up');
      const input = await parseBody(c, NewFollowUpSchema);
      const now = clock();
      const { followUp, created } = await runChange(db, (trx) => logFollowUp(trx, apiActor(actor), input, now));
      return c.json({ followUp } satisfies FollowUpResponse, created ? 201 : 200);
    })
    .post('/follow-ups/:id/void', async (c) => {
      const actor = currentUser(c);
      // Authors and supervisors: voidFollowUp asks the shared rule once the record is read.
      if (!isAllowed(actor.role, 'void-any-follow-up')) assertAllowed(actor, 'write-follow-up');
      const id = pathId(c, 'follow-up');
      const { reason } = await parseBody(c, VoidFollowUpSchema);
      const now = clock();
      const voided = await runChange(db, (trx) => voidFollowUp(trx, apiActor(actor), { id, reason }, now));
      // Provider staff may void an alumnus's own answer that reached them through another's link.
      const [followUp = voided] = await followUpsAsSeenBy(db, actor, [voided]);
      return c.json({ followUp } satisfies FollowUpResponse);
    });
}
