import * as v from 'valibot';
import { storableText } from '../schema/common.schema';

/** `GET /api/audit?entity=users&entityId=…` (supervisors and admins), newest first. */
export const AuditQuerySchema = v.object({
  entity: v.optional(v.pipe(v.string('invalid-type'), storableText(), v.maxLength(40, 'too-long'))),
  entityId: v.optional(v.pipe(v.string('invalid-type'), storableText(), v.maxLength(100, 'too-long'))),
  limit: v.optional(
    v.pipe(v.string('invalid-type'), v.regex(/^\d{1,4}$/, 'out-of-range'), v.transform(Number), v.minValue(1, 'out-of-range'), v.maxValue(1000, 'out-of-range')),
    '200',
  ),
});

export type AuditEntry = {
  id: string;
  /** A user id, or `cli` / `system` for changes made outside the app. */
  userId: string;
  /** Null when `userId` names no user. */
  username: string | null;
  clientId: string | null;
  mutation: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: string;
};
export type AuditResponse = { entries: AuditEntry[] };
