import { PostgresAdapter, type Kysely } from 'kysely';
import type { SelfReportLink } from '../../shared/schema';
import type { Database } from './schema';

/** What a device or an API answer sees of a link: never its token hash. */
export const SELF_REPORT_LINK_FIELDS = [
  'id', 'createdAt', 'updatedAt', 'alumnusId', 'createdBy', 'expiresAt', 'status', 'answeredAt', 'followUpId',
  'withdrawnAt', 'withdrawnBy',
] as const satisfies readonly (keyof SelfReportLink)[];

export type StoredSelfReportLink = { link: SelfReportLink; tokenHash: string };

export async function insertSelfReportLink(db: Kysely<Database>, link: SelfReportLink, tokenHash: string): Promise<void> {
  await db.insertInto('selfReportLinks').values({ ...link, tokenHash }).execute();
}

export async function findSelfReportLink(db: Kysely<Database>, id: string): Promise<StoredSelfReportLink | undefined> {
  const row = await db.selectFrom('selfReportLinks').select([...SELF_REPORT_LINK_FIELDS, 'tokenHash']).where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  const { tokenHash, ...link } = row;
  return { link, tokenHash };
}

/**
 * The link a token opens. `lock` holds the row to the end of the transaction
 * (PostgreSQL): two answers sent at once through one link are taken one after the other,
 * and the second finds it answered.
 */
export async function findLinkByTokenHash(db: Kysely<Database>, tokenHash: string, { lock = false } = {}): Promise<SelfReportLink | undefined> {
  const select = db.selectFrom('selfReportLinks').select(SELF_REPORT_LINK_FIELDS).where('tokenHash', '=', tokenHash);
  const locked = lock && db.getExecutor().adapter instanceof PostgresAdapter ? select.forUpdate() : select;
  return locked.executeTakeFirst();
}

export async function updateSelfReportLink(db: Kysely<Database>, link: SelfReportLink): Promise<void> {
  const { id, ...fields } = link;
  await db.updateTable('selfReportLinks').set(fields).where('id', '=', id).execute();
}

/** A person's links, newest first. */
export async function listAlumnusSelfReportLinks(db: Kysely<Database>, alumnusId: string): Promise<SelfReportLink[]> {
  return db
    .selectFrom('selfReportLinks')
    .select(SELF_REPORT_LINK_FIELDS)
    .where('alumnusId', '=', alumnusId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
