import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../shared/api/audit.api';
import type { Database } from '../db/schema';

export type AuditFilter = { entity?: string | undefined; entityId?: string | undefined; limit: number };

/** Audit entries, newest first, with the acting user's name where the actor is a user. */
export async function readAudit(db: Kysely<Database>, filter: AuditFilter): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('auditLog')
    .leftJoin('users', 'users.id', 'auditLog.userId')
    .select([
      'auditLog.id',
      'auditLog.userId',
      'users.username',
      'auditLog.clientId',
      'auditLog.mutation',
      'auditLog.entity',
      'auditLog.entityId',
      'auditLog.beforeJson',
      'auditLog.afterJson',
      'auditLog.at',
    ])
    .orderBy('auditLog.at', 'desc')
    .orderBy('auditLog.id', 'desc')
    .limit(filter.limit);
  if (filter.entity !== undefined) query = query.where('auditLog.entity', '=', filter.entity);
  if (filter.entityId !== undefined) query = query.where('auditLog.entityId', '=', filter.entityId);
  const rows = await query.execute();
  return rows.map(({ beforeJson, afterJson, username, ...row }) => ({
    ...row,
    username: username ?? null,
    before: beforeJson === null ? null : (JSON.parse(beforeJson) as unknown),
    after: afterJson === null ? null : (JSON.parse(afterJson) as unknown),
  }));
}
