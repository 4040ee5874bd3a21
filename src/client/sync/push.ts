import { MAX_MUTATIONS_PER_PUSH, PROTOCOL_VERSION, type PushRequest, type PushResponse } from '../../shared/sync/protocol';
import { apiRequest } from '../api/api-request';
import type { JejakDb } from '../storage/db';
import { pendingEntries } from '../storage/outbox.repository';
import type { Actor } from './local-appliers';
import { touchedKeys } from './local-appliers';
import { rebase } from './rebase';
import { BAD_RESPONSE, SYNC_TIMEOUT_MS, failureOf, type SyncFailure } from './sync-failure';
import { parsePushResponse } from './sync-responses';
import { refreshDueIndex } from './due-index';

/**
 * Sends the pending outbox in `mid` order, a batch at a time, until it is empty or a
 * request fails. Nothing is deleted before the server says it is settled.
 */
export async function push(db: JejakDb, actor: Actor, clientId: string): Promise<SyncFailure | null> {
  for (;;) {
    const batch = await pendingEntries(db, MAX_MUTATIONS_PER_PUSH);
    if (batch.length === 0) return null;
    const body: PushRequest = {
      protocolVersion: PROTOCOL_VERSION,
      clientId,
      mutations: batch.map(({ mid, name, version, args, hlc }) => ({ mid, name, version, args, hlc })),
    };
    const result = await apiRequest('/api/sync/push', { method: 'POST', body, timeoutMs: SYNC_TIMEOUT_MS });
    if (result.kind !== 'ok') return failureOf(result);
    const response = parsePushResponse(result.body);
    if (response === null) return BAD_RESPONSE;
    await settle(db, actor, response);
    // Nothing of this batch settled (the server stopped at a failure it will report next
    // time): try again later rather than at once.
    if (response.lastMid < (batch[0]?.mid ?? 0)) return BAD_RESPONSE;
  }
}

/**
 * Deletes the rows the server settled (up to `lastMid`) and marks the refused ones,
 * which stay until the user has seen them. A refused change is undone locally at once
 * (its records go back to the server's version), in the same transaction.
 */
export async function settle(db: JejakDb, actor: Actor, response: Pick<PushResponse, 'lastMid' | 'results'>): Promise<void> {
  const refusals = new Map(response.results.flatMap((result) => (result.status === 'rejected' ? [[result.mid, result] as const] : [])));
  await db.transaction('rw', db.tables, async () => {
    const settled = await db.outbox.where('mid').belowOrEqual(response.lastMid).filter((entry) => entry.status === 'pending').toArray();
    const undo = new Set<string>();
    // One request for the applied ones: a batch is up to 500 rows.
    await db.outbox.bulkDelete(settled.flatMap((entry) => (refusals.has(entry.mid) ? [] : [entry.mid])));
    for (const entry of settled) {
      const refusal = refusals.get(entry.mid);
      if (refusal === undefined) continue;
      const { code, message, details, current } = refusal;
      await db.outbox.update(entry.mid, {
        status: 'rejected',
        rejection: { code, message, ...(details === undefined ? {} : { details }), ...(current === undefined ? {} : { current }) },
      });
      for (const key of touchedKeys(entry.name, entry.args)) undo.add(key);
    }
    if (undo.size > 0) await rebase(db, actor, undo);
    await refreshDueIndex(db);
  });
}
