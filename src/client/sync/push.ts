import { MAX_MUTATIONS_PER_PUSH, PROTOCOL_VERSION, type MutationResult, type PushRequest, type PushResponse } from '../../shared/sync/protocol';
import { apiRequest } from '../api/api-request';
import type { JejakDb, OutboxEntry } from '../storage/db';
import { pendingAfter, pendingEntries } from '../storage/outbox.repository';
import type { Actor } from './local-appliers';
import { touchedKeys } from './local-appliers';
import { rebase } from './rebase';
import { BAD_RESPONSE, SYNC_TIMEOUT_MS, failureOf, type SyncFailure } from './sync-failure';
import { parsePushResponse } from './sync-responses';
import { refreshDueIndex } from './due-index';
import { refreshReportFacts } from './report-facts';
import { settledMid } from './settled-mid';

/**
 * Sends the pending outbox in `mid` order, a batch at a time, until it is empty or a
 * request fails. Nothing is deleted before the server says it is settled.
 *
 * The device's work overlaps the server's: the next batch is read while one is on the
 * wire, and a batch's answer is settled while the next is sent. Settling stays in
 * order (each one deletes up to its `lastMid` and marks its own refusals), and a batch
 * goes out only after the previous one was answered in full. A storage failure in
 * settling stops the push when the next answer arrives: at most one more batch is
 * applied on the server meanwhile, and stays queued here until a later push hears its
 * stored results, so nothing is lost or applied twice.
 */
export async function push(db: JejakDb, actor: Actor, clientId: string): Promise<SyncFailure | null> {
  const settling = new SettleQueue(db, actor);
  const settled = await settledMid(db);
  let batch = await pendingEntries(db, MAX_MUTATIONS_PER_PUSH);
  while (batch.length > 0) {
    const first = batch[0]?.mid ?? 0;
    const last = batch.at(-1)?.mid ?? 0;
    const answer = send(batch, clientId, settled);
    const next = pendingAfter(db, last, MAX_MUTATIONS_PER_PUSH);
    // Read on, whatever the answer: never a rejection left unhandled.
    const nextOrError = next.then((entries) => ({ entries }), (error: unknown) => ({ error }));
    const response = await answer;
    settling.throwIfFailed();
    if ('kind' in response) return settling.done(response);
    settling.add(response);
    // Nothing of this batch settled (the server stopped at a failure it will report next
    // time): try again later rather than at once.
    if (response.lastMid < first) return settling.done(BAD_RESPONSE);
    const read = await nextOrError;
    if ('error' in read) throw read.error;
    // Settled only in part: the rest of this batch goes again, once settling caught up.
    batch = response.lastMid >= last ? read.entries : await settling.afterSettled(() => pendingEntries(db, MAX_MUTATIONS_PER_PUSH));
  }
  return settling.done(null);
}

async function send(batch: readonly OutboxEntry[], clientId: string, settled: number): Promise<PushResponse | SyncFailure> {
  const body: PushRequest = {
    protocolVersion: PROTOCOL_VERSION,
    clientId,
    settledMid: settled,
    mutations: batch.map(({ mid, name, version, args, hlc }) => ({ mid, name, version, args, hlc })),
  };
  const result = await apiRequest('/api/sync/push', { method: 'POST', body, timeoutMs: SYNC_TIMEOUT_MS });
  if (result.kind !== 'ok') return failureOf(result);
  return parsePushResponse(result.body) ?? BAD_RESPONSE;
}

/**
 * Deletes every outbox row up to `lastMid` but the `kept` ones: a key range at a time
 * between kept rows (one request each, usually one in all) rather than a request per
 * row, which took a cheap phone's main thread 0.3 s for 5,000 settled changes.
 */
async function deleteUpTo(db: JejakDb, lastMid: number, kept: ReadonlySet<number>): Promise<void> {
  // Mids start at 1: nothing is below 0.
  let from = 0;
  for (const mid of [...kept].filter((mid) => mid <= lastMid).sort((a, b) => a - b)) {
    if (mid > from + 1) await db.outbox.where('mid').between(from, mid, false, false).delete();
    from = mid;
  }
  if (lastMid > from) await db.outbox.where('mid').between(from, lastMid, false, true).delete();
}

/** Settles answers one after another, in the order they came, while the push goes on. */
class SettleQueue {
  #tail: Promise<void> = Promise.resolve();
  #failure: { error: unknown } | null = null;

  constructor(
    private readonly db: JejakDb,
    private readonly actor: Actor,
  ) {}

  add(response: PushResponse): void {
    this.#tail = this.#tail.then(async () => {
      if (this.#failure === null) await settle(this.db, this.actor, response);
    }).catch((error: unknown) => {
      this.#failure ??= { error };
    });
  }

  /** Runs `next` once everything added so far is settled. */
  async afterSettled<T>(next: () => Promise<T>): Promise<T> {
    await this.#tail;
    this.throwIfFailed();
    return next();
  }

  /** A storage failure in settling ends the push as it would have ended it at once. */
  throwIfFailed(): void {
    if (this.#failure !== null) throw this.#failure.error;
  }

  /** Resolves with `outcome` once everything is settled. */
  done<T>(outcome: T): Promise<T> {
    return this.afterSettled(() => Promise.resolve(outcome));
  }
}

/**
 * Deletes the rows the server settled (up to `lastMid`) and marks the refused ones,
 * which stay until the user has seen them. A refused change is undone locally at once
 * (its records go back to the server's version), in the same transaction.
 */
export async function settle(db: JejakDb, actor: Actor, response: Pick<PushResponse, 'lastMid' | 'results'>): Promise<void> {
  const { lastMid } = response;
  const refusals = new Map(response.results.flatMap((result) => (result.status === 'rejected' && result.mid <= lastMid ? [[result.mid, result] as const] : [])));
  await db.transaction('rw', db.tables, async () => {
    const refused = (await db.outbox.bulkGet([...refusals.keys()])).filter((entry): entry is OutboxEntry => entry !== undefined && entry.status === 'pending');
    const keptBefore = await db.outbox.where('status').equals('rejected').primaryKeys();
    await deleteUpTo(db, lastMid, new Set([...refusals.keys(), ...keptBefore]));
    const undo = new Set<string>();
    for (const entry of refused) {
      const { code, message, details, current } = refusals.get(entry.mid) as MutationResult & { status: 'rejected' };
      await db.outbox.update(entry.mid, {
        status: 'rejected',
        rejection: { code, message, ...(details === undefined ? {} : { details }), ...(current === undefined ? {} : { current }) },
      });
      for (const key of touchedKeys(entry.name, entry.args)) undo.add(key);
    }
    if (undo.size > 0) await rebase(db, actor, undo);
    await refreshDueIndex(db);
    await refreshReportFacts(db, actor);
  });
}
