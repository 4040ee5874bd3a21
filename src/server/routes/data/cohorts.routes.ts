import { Hono } from 'hono';
import {
  CohortListQuerySchema, CohortPatchSchema, NewCohortSchema,
  type CohortDetailResponse, type CohortListResponse, type CohortResponse,
} from '../../../shared/api/cohorts.api';
import { assertAllowed, assertCohortInScope, providerScope } from '../../access/scope';
import type { AppEnv } from '../../auth/context';
import { currentUser } from '../../auth/require-user';
import { apiActor } from '../../changes/actor';
import { createCohort } from '../../changes/create-cohort';
import { runChange } from '../../changes/run-change';
import { updateCohort } from '../../changes/update-cohort';
import { findCohort, listCohorts } from '../../db/cohorts.repository';
import { listCohortEnrollments } from '../../db/enrollments.repository';
import { DomainError } from '../../errors';
import { parseBody } from '../../http/parse-body';
import { parseQuery } from '../../http/parse-query';
import { pathId } from '../../http/path-id';
import type { RouteDeps } from '../data.routes';

export function cohortsRoutes({ db, clock }: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/cohorts', async (c) => {
      const user = currentUser(c);
      assertAllowed(user, 'read-data');
      const query = parseQuery(c, CohortListQuerySchema);
      const { items, page } = await listCohorts(db, providerScope(user), query);
      return c.json({ cohorts: items, page } satisfies CohortListResponse);
    })
    .get('/cohorts/:id', async (c) => {
      const user = currentUser(c);
      assertAllowed(user, 'read-data');
      const id = pathId(c, 'cohort');
      await assertCohortInScope(db, user, id);
      const cohort = await findCohort(db, id);
      if (cohort === undefined || cohort.deleted) throw new DomainError('not-found', 404, { message: 'no such cohort' });
      return c.json({ cohort, enrollments: await listCohortEnrollments(db, id) } satisfies CohortDetailResponse);
    })
    .post('/cohorts', async (c) => {
      const actor = currentUser(c);
      assertAllowed(actor, 'write-cohort');
      const input = await parseBody(c, NewCohortSchema);
      const now = clock();
      const cohort = await runChange(db, (trx) => createCohort(trx, apiActor(actor), input, now));
      return c.json({ cohort } satisfies CohortResponse, 201);
    })
    .patch('/cohorts/:id', async (c) => {
      const actor = currentUser(c);
      assertAllowed(actor, 'write-cohort');
      const id = pathId(c, 'cohort');
      const patch = await parseBody(c, CohortPatchSchema);
      const now = clock();
      const cohort = await runChange(db, (trx) => updateCohort(trx, apiActor(actor), { id, patch }, now));
      return c.json({ cohort } satisfies CohortResponse);
    });
}
