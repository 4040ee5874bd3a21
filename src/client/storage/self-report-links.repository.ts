import type { SelfReportLink } from '../../shared/schema';
import type { JejakDb } from './db';
import { selfReportToken } from './self-report-tokens.repository';

/**
 * A person's answer link as this device knows it: `token` only when it was made here
 * (the server never sends tokens back), `synced` once the server has it, so the link
 * works when opened. A link still queued cannot be sent yet: an alumnus who opened it
 * before the next sync would find no such link.
 */
export type LocalSelfReportLink = { link: SelfReportLink; token: string | undefined; synced: boolean };

const CREATE = 'self-report-link.create';

/** The person's links, newest first. */
export async function selfReportLinksOf(db: JejakDb, alumnusId: string): Promise<LocalSelfReportLink[]> {
  const links = await db.selfReportLinks.where('alumnusId').equals(alumnusId).toArray();
  if (links.length === 0) return [];
  const queued = new Set(
    (await db.outbox.where('status').equals('pending').toArray()).flatMap((entry) => (entry.name === CREATE ? [idOf(entry.args)] : [])),
  );
  const tokens = await Promise.all(links.map((link) => selfReportToken(db, link.id)));
  return links
    .map((link, index) => ({ link, token: tokens[index], synced: !queued.has(link.id) }))
    .sort((a, b) => b.link.createdAt.localeCompare(a.link.createdAt));
}

function idOf(args: unknown): string | undefined {
  if (typeof args !== 'object' || args === null || !('id' in args)) return undefined;
  return typeof args.id === 'string' ? args.id : undefined;
}
