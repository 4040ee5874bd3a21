import { Hono } from 'hono';
import {
  EnrollmentPatchSchema, NewEnrollmentSchema, WithdrawEnrollmentSchema, type EnrollmentResponse, type NewEnrollmentResponse,
} from '../../../shared/api/enrollments.api';
import { assertAllowed } from '../../access/scope';
import type { AppEnv } from '../../auth/context';
import { currentUser } from '../../auth/require-user';
import { apiActor } from '../../changes/actor';
import { createEnrollment } from '../../changes/create-enrollment';
import { runChange } from '../../changes/run-change';
import { updateEnrollment } from '../../changes/update-enrollment';
import { withdrawEnrollment } from '../../changes/withdraw-enrollment';
import { parseBody } from '../../http/parse-body';
import { pathId } from '../../http/path-id';
import type { RouteDeps } from '../data.routes';

/** Enrollments are read through their cohort or alumnus; here they are only written. */
export function enrollmentsRoutes({ db, clock }: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/enrollments', async (c) => {
      const actor = currentUser(c);
      assertAllowed(actor, 'write-enrollment');
      const input = await parseBody(c, NewEnrollmentSchema);
      const now = clock();
      const { enrollment, alumnus, alumnusCreated, created } = await runChange(db, (trx) => createEnrollment(trx, apiActor(actor), input, now));
      return c.json({ enrollment, alumnus, alumnusCreated } satisfies NewEnrollmentResponse, created ? 201 : 200);
    })
    .patch('/enrollments/:id', async (c) => {
      const actor = currentUser(c);
      assertAllowed(actor, 'write-enrollment');
      const id = pathId(c, 'enrollment');
      const patch = await parseBody(c, EnrollmentPatchSchema);
      const now = clock();
      const enrollment = await runChange(db, (trx) => updateEnrollment(trx, apiActor(actor), { id, patch }, now));
      return c.json({ enrollment } satisfies EnrollmentResponse);
    })
    .post('/enrollments/:id/withdraw', async (c) => {
      const actor = currentUser(c);
      assertAllowed(actor, 'withdraw-enrollment');
      const id = pathId(c, 'enrollment');
      const { reason } = await parseBody(c, WithdrawEnrollmentSchema);
      const now = clock();
      const enrollment = await runChange(db, (trx) => withdrawEnrollment(trx, apiActor(actor), { id, reason }, now));
      return c.json({ enrollment } satisfies EnrollmentResponse);
    });
}
