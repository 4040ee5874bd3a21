import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { AlumniListQuery } from '../../shared/api/alumni.api';
import type { Page } from '../../shared/api/page.api';
import type { Alumnus } from '../../shared/schema';
import { alumniOfProvider, type ProviderScope } from '../access/scope';
import { toPage } from './page';
import { BOOLEAN_FIELDS, fromRow, toRow } from './rows';
import type { Database } from './schema';

export const ALUMNUS_FIELDS = [
  'id', 'createdAt', 'updatedAt', 'deleted', 'nik', 'name', 'gender', 'birthDate', 'phone', 'whatsapp',
  'address', 'kelurahan', 'kecamatan', 'education', 'birthPlace', 'email', 'regency', 'province',
] as const;

/** Tombstones included. */
export async function findAlumnus(db: Kysely<Database>, id: string): Promise<Alumnus | undefined> {
  const row = await db.selectFrom('alumni').select(ALUMNUS_FIELDS).where('id', '=', id).executeTakeFirst();
  return row && fromRow(row, BOOLEAN_FIELDS.alumni);
}

/** NIK is unique over all alumni, tombstones included. */
export async function findAlumnusByNik(db: Kysely<Database>, nik: string): Promise<Alumnus | undefined> {
  const row = await db.selectFrom('alumni').select(ALUMNUS_FIELDS).where('nik', '=', nik).executeTakeFirst();
  return row && fromRow(row, BOOLEAN_FIELDS.alumni);
}

/** Live alumni within `scope`, by name. */
export async function listAlumni(db: Kysely<Database>, scope: ProviderScope, query: AlumniListQuery): Promise<{ items: Alumnus[]; page: Page }> {
  let select = db
    .selectFrom('alumni')
    .select(ALUMNUS_FIELDS)
    .where('deleted', '=', 0)
    .orderBy('name')
    .orderBy('id')
    .limit(query.limit + 1)
    .offset(query.offset);
  if (scope.kind === 'provider') select = select.where('id', 'in', alumniOfProvider(db, scope.providerId));
  if (query.cohortId !== undefined) {
    const enrolled = db.selectFrom('enrollments').select('alumnusId').where('cohortId', '=', query.cohortId).where('deleted', '=', 0);
    select = select.where('id', 'in', enrolled);
  }
  const q = query.q ?? '';
  if (q !== '') select = select.where((eb) => matching(eb, q));
  const rows = await select.execute();
  return toPage(rows.map((row) => fromRow(row, BOOLEAN_FIELDS.alumni)), query);
}

/**
 * A name fragment in any case; when the fragment is a number, also a NIK or phone
 * fragment. Phones are stored as `+62…`, so a typed leading 0 is dropped: `0812-34`
 * finds `+6281234…`. LIKE wildcards typed by the user match themselves.
 */
function matching(eb: ExpressionBuilder<Database, 'alumni'>, q: string): Expression<SqlBool> {
  const contains = (field: 'name' | 'nik' | 'phone' | 'whatsapp', fragment: string) =>
    sql<SqlBool>`${field === 'name' ? sql`lower(${eb.ref(field)})` : eb.ref(field)} like ${`%${escapeLike(fragment)}%`} escape '\\'`;
  const conditions = [contains('name', q.toLowerCase())];
  const digits = q.replace(/[\s().+-]/g, '');
  if (/^\d+$/.test(digits)) {
    conditions.push(contains('nik', digits));
    const national = digits.replace(/^0/, '');
    if (national !== '') conditions.push(contains('phone', national), contains('whatsapp', national));
  }
  return eb.or(conditions);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export async function insertAlumnus(db: Kysely<Database>, alumnus: Alumnus): Promise<void> {
  await db.insertInto('alumni').values(toRow(alumnus)).execute();
}

export async function updateAlumnusRow(db: Kysely<Database>, alumnus: Alumnus): Promise<void> {
  const { id, ...fields } = toRow(alumnus);
  await db.updateTable('alumni').set(fields).where('id', '=', id).execute();
}

/** Whether anything live hangs on this alumnus: an enrolment not withdrawn, or any follow-up. */
export async function hasRecordsAttached(db: Kysely<Database>, id: string): Promise<boolean> {
  const enrolment = await db.selectFrom('enrollments').select('id').where('alumnusId', '=', id).where('deleted', '=', 0).limit(1).executeTakeFirst();
  if (enrolment !== undefined) return true;
  const followUp = await db.selectFrom('followUps').select('id').where('alumnusId', '=', id).limit(1).executeTakeFirst();
  return followUp !== undefined;
}
