import type { Kysely } from 'kysely';
import type { SyncedEntity } from '../../shared/sync/protocol';
import { ALUMNUS_FIELDS } from '../db/alumni.repository';
import { COHORT_FIELDS } from '../db/cohorts.repository';
import { ENROLLMENT_FIELDS } from '../db/enrollments.repository';
import { FOLLOW_UP_FIELDS } from '../db/follow-ups.repository';
import { SELF_REPORT_LINK_FIELDS } from '../db/self-report-links.repository';
import { BOOLEAN_FIELDS, fromRow } from '../db/rows';
import type { Database } from '../db/schema';

/**
 * The fields a pull sends of each entity: the shared schemas' records, as the REST API
 * answers them. Users go as id and display name (their username, role and provider
 * would tell one provider where else its alumni trained); links without their token's hash.
 */
const FIELDS = {
  providers: ['id', 'createdAt', 'updatedAt', 'deleted', 'name', 'kind', 'address', 'phone'],
  vocations: ['id', 'createdAt', 'updatedAt', 'deleted', 'name'],
  cohorts: COHORT_FIELDS,
  alumni: ALUMNUS_FIELDS,
  enrollments: ENROLLMENT_FIELDS,
  followUps: FOLLOW_UP_FIELDS,
  // Devices show who logged a contact, nothing more; admins read the rest from /api/users.
  users: ['id', 'createdAt', 'updatedAt', 'displayName'],
  selfReportLinks: SELF_REPORT_LINK_FIELDS,
  areaPlaces: ['id', 'createdAt', 'updatedAt', 'deleted', 'kecamatan', 'kelurahan'],
} as const satisfies Record<SyncedEntity, readonly string[]>;

const BOOLEANS: Record<SyncedEntity, readonly string[]> = { ...BOOLEAN_FIELDS, users: [] };

/** Ids per query: under the 999 bound values of old SQLite builds. */
const IDS_PER_QUERY = 900;

/** The columns a pull reads of `entity`, to select its records in a query of one's own. */
export function recordFields(entity: SyncedEntity): readonly string[] {
  return FIELDS[entity];
}

/** A row selected with `recordFields(entity)` as the record a pull sends. */
export function recordOfRow(entity: SyncedEntity, row: Record<string, unknown>): Record<string, unknown> {
  return fromRow(row, BOOLEANS[entity]);
}

/** The records of `entity` with these ids, by id; one query per 900 ids, never one per record. */
export async function loadRecords(db: Kysely<Database>, entity: SyncedEntity, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  const records = new Map<string, Record<string, unknown>>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
    // The table and field lists are the constants above; Kysely cannot type a union of them.
    const rows = (await db
      .selectFrom(entity)
      .select(FIELDS[entity] as unknown as 'id'[])
      .where('id', 'in', unique.slice(start, start + IDS_PER_QUERY))
      .execute()) as Record<string, unknown>[];
    for (const row of rows) records.set(String(row['id']), recordOfRow(entity, row));
  }
  return records;
}
