import { PROTOCOL_VERSION, type PullCursor, type PullRequest } from '../../shared/sync/protocol';
import { apiRequest } from '../api/api-request';
import type { JejakDb } from '../storage/db';
import { readMeta } from '../storage/meta.repository';
import { applyPullPage, preparePullPage } from './apply-pull-page';
import { PulledCohorts } from './due-index';
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
 * the last page stored, not from the start. Three things overlap: the server answers
 * the next page, this tab checks the records of the page it has (preparePullPage), and
 * IndexedDB writes the one before — pages are still stored strictly in order, each only
 * after the one before it committed. If storing fails, the pages fetched meanwhile are
 * dropped and asked for again next time.
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
  let storing: Promise<void> = Promise.resolve();
  const cohorts = new PulledCohorts();
  for (;;) {
    // A page that fails to store ends the pull at once, not when the next answer comes.
    const result = await Promise.race([next, storing.then(() => next)]);
    if (result.kind !== 'ok') return storing.then(() => failureOf(result));
    const page = parsePullResponse(result.body);
    if (page === null) return storing.then(() => BAD_RESPONSE);
    // "More" with nothing new and the same cursor would loop for ever.
    const stuck = page.more && page.changes.length === 0 && sameCursor(cursor, page.cursor);
    if (page.more && !stuck) next = request(page.cursor);
    const prepared = preparePullPage(page);
    await storing;
    storing = applyPullPage(db, actor, prepared, cohorts).then(() => {
      progress.pages += 1;
      progress.changes += page.changes.length;
      onProgress({ ...progress });
    });
    if (!page.more) {
      await storing;
      performance.mark(PULL_END_MARK, { detail: { ...progress } });
      return null;
    }
    if (stuck) return storing.then(() => BAD_RESPONSE);
    cursor = page.cursor;
  }
}

function sameCursor(a: PullCursor | null, b: PullCursor): boolean {
  // Both were parsed from JSON, fields in the server's order: equal cursors serialise alike.
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
