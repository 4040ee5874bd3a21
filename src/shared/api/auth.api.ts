import * as v from 'valibot';
import { IdSchema, requiredText, storableText } from '../schema/common.schema';
import { ROLES, type Role } from '../schema/user.schema';

/**
 * The wire shapes of signing in and of user administration, shared by the server
 * routes and the client screens. Error bodies are `{ error: { code, message, details? } }`.
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const PasswordSchema = v.pipe(
  v.string('invalid-type'),
  v.minLength(PASSWORD_MIN_LENGTH, 'password-too-short'),
  v.maxLength(PASSWORD_MAX_LENGTH, 'password-too-long'),
);

/** Checked only for presence on login: an old short password must still be able to sign in. */
export const LoginRequestSchema = v.object({
  username: v.pipe(v.string('invalid-type'), storableText(), v.trim(), v.toLowerCase(), v.minLength(1, 'required'), v.maxLength(100, 'too-long')),
  password: v.pipe(v.string('invalid-type'), v.minLength(1, 'required'), v.maxLength(PASSWORD_MAX_LENGTH, 'password-too-long')),
});
export type LoginRequest = v.InferOutput<typeof LoginRequestSchema>;

/** Who is signed in: the body of `GET /api/auth/me` and of a successful login. */
export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Set for provider staff only. */
  providerId: string | null;
  providerName: string | null;
  /** Officers only: an admin let them create and edit cohorts. Absent: not granted. */
  managesCohorts?: boolean;
};

/**
 * The body of a successful login and of `GET /api/auth/me`. `mustChangePassword` is set
 * for a password someone else chose (the first admin's printed one, an admin's reset):
 * until it is changed the server answers every other request 403 `password-change-required`
 * and the app opens only the account screen.
 */
export type SessionResponse = { user: SessionUser; mustChangePassword: boolean };

/** `POST /api/auth/password`: a signed-in user changes their own password. */
export const ChangePasswordSchema = v.object({
  currentPassword: v.pipe(v.string('invalid-type'), v.minLength(1, 'required')),
  newPassword: PasswordSchema,
});

const UsernameSchema = v.pipe(
  v.string('invalid-type'),
  v.trim(),
  v.toLowerCase(),
  v.regex(/^[a-z0-9._-]{3,32}$/, 'username-format'),
);

/** `POST /api/users` (admins). */
export const CreateUserSchema = v.pipe(
  v.object({
    username: UsernameSchema,
    displayName: requiredText(120),
    role: v.picklist(ROLES, 'invalid-choice'),
    providerId: v.optional(v.nullable(IdSchema), null),
    /** Kept for officers only; ignored for the other roles. */
    managesCohorts: v.optional(v.boolean('invalid-type')),
    password: PasswordSchema,
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
export type CreateUserRequest = v.InferOutput<typeof CreateUserSchema>;

/** `PATCH /api/users/:id` (admins): any subset; `active: false` ends the user's sessions. */
export const UpdateUserSchema = v.object({
  displayName: v.optional(requiredText(120)),
  role: v.optional(v.picklist(ROLES, 'invalid-choice')),
  providerId: v.optional(v.nullable(IdSchema)),
  active: v.optional(v.boolean('invalid-type')),
  managesCohorts: v.optional(v.boolean('invalid-type')),
});
export type UpdateUserRequest = v.InferOutput<typeof UpdateUserSchema>;

/** `POST /api/users/:id/password` (admins): reset; the user's sessions end. */
export const ResetPasswordSchema = v.object({ password: PasswordSchema });

/** A user as admins see it in lists (never a password hash). */
export type UserSummary = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  providerId: string | null;
  active: boolean;
  managesCohorts: boolean;
  createdAt: string;
  updatedAt: string;
};
