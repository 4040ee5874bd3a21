import { Hono } from 'hono';
import {
  AlumniListQuerySchema, AlumnusContactPatchSchema,
  type AlumniListResponse, type AlumnusDetailResponse, type AlumnusResponse,
} from '../../../shared/api/alumni.api';
import { followUpsAsSeenBy } from '../../access/follow-up-view';
import { assertAllowed, assertAlumnusInScope, assertCohortInScope, providerScope } from '../../access/scope';
import type { AppEnv } from '../../auth/context';
import { currentUser } from '../../auth/require-user';
import { apiActor } from '../../changes/actor';
import { runChange } from '../../changes/run-change';
import { updateAlumnusContact } from '../../changes/update-alumnus-contact';
import { findAlumnus, listAlumni } from '../../db/alumni.repository';
import { listAlumnusEnrollments } from '../../db/enrollments.repository';
import { listAlumnusFollowUps } from '../../db/follow-ups.repository';
import { DomainError } from '../../errors';
import { parseBody } from '../../http/parse-body';
import { parseQuery } from '../../http/parse-query';
import { pathId } from '../../http/path-id';
import type { RouteDeps } from '../data.routes';

export function alumniRoutes({ db, clock }: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/alumni', async (c) => {
      const user = currentUser(c);
      assertAllowed(user, 'read-data');
      const query = parseQuery(c, AlumniListQuerySchema);
      // Filtering by a cohort outside the scope would tell who of one's own alumni trained there too.
      if (query.cohortId !== undefined) await assertCohortInScope(db, user, query.cohortId);
      const { items, page } = await listAlumni(db, providerScope(user), query);
      return c.json({ alumni: items, page } satisfies AlumniListResponse);
    })
    .get('/alumni/:id', async (c) => {
      const user = currentUser(c);
      assertAllowed(user, 'read-data');
      const id = pathId(c, 'alumnus');
      await assertAlumnusInScope(db, user, id);
      const alumnus = await findAlumnus(db, id);
      if (alumnus === undefined || alumnus.deleted) throw new DomainError('not-found', 404, { message: 'no such alumnus' });
      const enrollments = await listAlumnusEnrollments(db, id, providerScope(user));
      const followUps = await followUpsAsSeenBy(db, user, await listAlumnusFollowUps(db, id));
      return c.json({ alumnus, enrollments, followUps } satisfies AlumnusDetailResponse);
    })
    .patch('/alumni/:id/contact', async (c) => {
      const actor = currentUser(c);
      assertAllowed(actor, 'write-alumnus-contact');
      const id = pathId(c, 'alumnus');
      const patch = await parseBody(c, AlumnusContactPatchSchema);
      const now = clock();
      const alumnus = await runChange(db, (trx) => updateAlumnusContact(trx, apiActor(actor), { id, patch }, now));
      return c.json({ alumnus } satisfies AlumnusResponse);
    });
}
