import { PROTOCOL_VERSION, type PullCursor, type PullRequest } from '../../shared/sync/protocol';
import { apiRequest } from '../api/api-request';
import type { JejakDb } from '../storage/db';
import { readMeta } from '../storage/meta.repository';
import { applyPullPage } from './apply-pull-page';
import type { Actor } from './local-appliers';
import { BAD_RESPONSE, SYNC_TIMEOUT_MS, failureOf, type SyncFailure } from './sync-failure';
import { settledMid } from './settled-mid';
import { parsePullResponse } from './sync-responses';

export type PullProgress = { pages: number; changes: number };

/** Performance marks around a pull that reached the end (`npm run bench` times the first). */
export const PULL_START_MARK = 'jejak:pull-start';
export const PULL_END_MARK = 'jejak:pull-end';

/**
 * Pulls page after page from the stored cursor until the server has no more. Each page
 * is applied with its cursor in one transaction, so an interrupted pull resumes after
 * the last page stored, not from the start. The next page is asked for while this one
 * is stored: the server and IndexedDB work at once, not in turns. If storing fails, the
 * page fetched meanwhile is dropped and asked for again next time.
 */
export async function pull(db: JejakDb, actor: Actor, clientId: string, onProgress: (progress: PullProgress) => void): Promise<SyncFailure | null> {
  performance.mark(PULL_START_MARK);
  const settled = await settledMid(db);
  const request = (cursor: PullCursor | null) => {
    const body: PullRequest = { protocolVersion: PROTOCOL_VERSION, clientId, settledMid: settled, cursor, byPerson: true };
    return apiRequest('/api/sync/pull', { method: 'POST', body, timeoutMs: SYNC_TIMEOUT_MS });
  };
  let cursor: PullCursor | null = (await readMeta(db, 'cursor')) ?? null;
  let next = request(cursor);
  const progress: PullProgress = { pages: 0, changes: 0 };
  for (;;) {
    const result = await next;
    if (result.kind !== 'ok') return failureOf(result);
    const page = parsePullResponse(result.body);
    if (page === null) return BAD_RESPONSE;
    // "More" with nothing new and the same cursor would loop for ever.
    const stuck = page.more && page.changes.length === 0 && sameCursor(cursor, page.cursor);
    if (page.more && !stuck) next = request(page.cursor);
    await applyPullPage(db, actor, page);
    progress.pages += 1;
    progress.changes += page.changes.length;
    onProgress({ ...progress });
    if (!page.more) {
      performance.mark(PULL_END_MARK, { detail: { ...progress } });
      return null;
    }
    if (stuck) return BAD_RESPONSE;
    cursor = page.cursor;
  }
}

function sameCursor(a: PullCursor | null, b: PullCursor): boolean {
  // Both were parsed from JSON, fields in the server's order: equal cursors serialise alike.
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
