import { Hono } from 'hono';
import { CreateUserSchema, ResetPasswordSchema, UpdateUserSchema } from '../../../shared/api/auth.api';
import { assertAllowed } from '../../access/scope';
import type { AppEnv } from '../../auth/context';
import { currentUser } from '../../auth/require-user';
import { parseBody } from '../../http/parse-body';
import { pathId } from '../../http/path-id';
import { listUsers, toUserSummary } from '../../users/users.repository';
import { createUser, resetPassword, updateUser } from '../../users/users.service';
import type { RouteDeps } from '../admin.routes';

/** User administration, admins only. Every change is audited by the service. */
export function usersRoutes({ db, clock }: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/users', async (c) => {
      assertAllowed(currentUser(c), 'manage-users');
      return c.json({ users: (await listUsers(db)).map(toUserSummary) });
    })
    .post('/users', async (c) => {
      const admin = currentUser(c);
      assertAllowed(admin, 'manage-users');
      const input = await parseBody(c, CreateUserSchema);
      return c.json({ user: await createUser(db, input, admin.id, clock()) }, 201);
    })
    .patch('/users/:id', async (c) => {
      const admin = currentUser(c);
      assertAllowed(admin, 'manage-users');
      const id = pathId(c, 'user');
      const patch = await parseBody(c, UpdateUserSchema);
      return c.json({ user: await updateUser(db, id, patch, admin.id, clock()) });
    })
    .post('/users/:id/password', async (c) => {
      const admin = currentUser(c);
      assertAllowed(admin, 'manage-users');
      const id = pathId(c, 'user');
      const { password } = await parseBody(c, ResetPasswordSchema);
      await resetPassword(db, id, password, admin.id, clock());
      return c.body(null, 204);
    });
}
