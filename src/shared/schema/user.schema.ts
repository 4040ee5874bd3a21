import * as v from 'valibot';
import { ROLES } from '../domain/roles';
import { IdSchema, RecordFields, choice, requiredText } from './common.schema';

export { ROLES, type Role } from '../domain/roles';

/** A person who signs in. Users are deactivated, never deleted: follow-ups name them. */
export const UserSchema = v.pipe(
  v.object({
    ...RecordFields,
    username: v.pipe(
      v.string('invalid-type'),
      v.trim(),
      v.toLowerCase(),
      v.regex(/^[a-z0-9._-]{3,32}$/, 'username-format'),
    ),
    displayName: requiredText(120),
    role: choice(ROLES),
    providerId: v.nullable(IdSchema),
    active: v.boolean('invalid-type'),
  }),
  v.forward(
    v.check((user) => user.role !== 'provider-staff' || user.providerId !== null, 'provider-required'),
    ['providerId'],
  ),
  v.forward(
    v.check((user) => user.role === 'provider-staff' || user.providerId === null, 'provider-not-allowed'),
    ['providerId'],
  ),
);
export type User = v.InferOutput<typeof UserSchema>;

/**
 * Another user as devices hold them: who logged a contact is shown by name. The rest of
 * a user (username, role, provider, active) is for admins, through `/api/users`.
 */
export const UserNameSchema = v.object({ ...RecordFields, displayName: requiredText(120) });
export type UserName = v.InferOutput<typeof UserNameSchema>;
