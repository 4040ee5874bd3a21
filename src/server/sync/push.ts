import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/api/auth.api';
import { describeError } from '../../shared/errors';
import type { Mutation, MutationResult, PushRequest, PushResponse, PushUnavailableResponse } from '../../shared/sync/protocol';
import type { Clock } from '../auth/context';
import { runChange } from '../changes/run-change';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { applyMutation } from './apply-mutation';
import { checkMutation, type Rejection } from './check-mutation';
import { claimClient, lockClient, settleMutation, settledResults } from './clients.repository';

export type PushHooks = {
  /** Runs in each mutation's transaction after its change, before the commit: tests hold a transaction open or fail it here. */
  beforeCommit?: (trx: Kysely<Database>, mutation: Mutation) => Promise<void>;
};

export type PushOutcome = { ok: true; response: PushResponse } | { ok: false; response: PushUnavailableResponse };

/**
 * Applies a device's queued mutations in `mid` order, each at most once.
 *
 * Each mutation runs in its own transaction, which also advances the device's `lastMid`
 * and stores the result: the change and the record of it commit together, so a push
 * retried after a lost response skips exactly what was applied, and answers the stored
 * results for it. A permanent refusal (a DomainError: invalid, out of scope, conflict…)
 * rolls the change back, then is recorded as rejected in a transaction of its own and
 * advances `lastMid` too — a refused change never wedges the queue. Anything else (the
 * database busy or gone) stops the batch: what was settled stands, the rest is answered
 * `ok: false` for the client to retry with backoff.
 */
export async function pushMutations(db: Kysely<Database>, user: SessionUser, request: PushRequest, clock: Clock, hooks: PushHooks = {}): Promise<PushOutcome> {
  const { clientId } = request;
  let lastMid = await claimClient(db, clientId, user.id, clock());
  const mutations = inMidOrder(request.mutations);
  const resent = await settledResults(db, clientId, mutations.filter(({ mid }) => mid <= lastMid).map(({ mid }) => mid));
  const results: MutationResult[] = [];

  for (const mutation of mutations) {
    if (mutation.mid <= lastMid) {
      const stored = resent.get(mutation.mid);
      if (stored !== undefined) results.push(stored);
      continue;
    }
    let result: MutationResult | null;
    try {
      result = await settle(db, user, clientId, mutation, clock(), hooks);
      // Null: another push of this device (a second tab) settled it meanwhile.
      result ??= (await settledResults(db, clientId, [mutation.mid])).get(mutation.mid) ?? null;
    } catch (error) {
      console.error(`sync push of client ${clientId} stopped at mid ${mutation.mid}:`, error);
      return { ok: false, response: { lastMid, results, error: { code: 'unavailable', message: describeError('unavailable') } } };
    }
    if (result !== null) results.push(result);
    lastMid = mutation.mid;
  }
  return { ok: true, response: { lastMid, results } };
}

/** Sorted by mid, each mid once (a client bug that sends one twice gets it applied once). */
function inMidOrder(mutations: readonly Mutation[]): Mutation[] {
  const byMid = new Map<number, Mutation>();
  for (const mutation of mutations) if (!byMid.has(mutation.mid)) byMid.set(mutation.mid, mutation);
  return [...byMid.values()].sort((a, b) => a.mid - b.mid);
}

/** Applies or refuses one mutation; null when it turned out to be settled already. Throws only transient errors. */
async function settle(db: Kysely<Database>, user: SessionUser, clientId: string, mutation: Mutation, now: Date, hooks: PushHooks): Promise<MutationResult | null> {
  const checked = checkMutation(mutation, now);
  if (!checked.ok) return reject(db, clientId, mutation.mid, checked.rejection, now);
  const { name, args, hlc } = checked.mutation;
  try {
    // runChange: a unique-key race with another writer is retried once, then refused as `conflict`.
    return await runChange(db, async (trx) => {
      if (mutation.mid <= (await lockClient(trx, clientId))) return null;
      await applyMutation(trx, { user, clientId, hlc }, name, args, now);
      await hooks.beforeCommit?.(trx, mutation);
      const applied: MutationResult = { mid: mutation.mid, status: 'applied' };
      await settleMutation(trx, clientId, applied, now);
      return applied;
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return reject(db, clientId, mutation.mid, rejectionOf(error), now);
  }
}

async function reject(db: Kysely<Database>, clientId: string, mid: number, rejection: Rejection, now: Date): Promise<MutationResult | null> {
  const result: MutationResult = { mid, status: 'rejected', ...rejection };
  return db.transaction().execute(async (trx) => {
    if (mid <= (await lockClient(trx, clientId))) return null;
    await settleMutation(trx, clientId, result, now);
    return result;
  });
}

/** A compare-and-set refusal carries the current values; other refusals their details (field issues…). */
function rejectionOf(error: DomainError): Rejection {
  const rejection: Rejection = { code: error.code, message: error.message };
  const { details } = error;
  if (error.code === 'conflict' && typeof details === 'object' && details !== null && 'current' in details) {
    rejection.current = details.current;
  } else if (details !== undefined) {
    rejection.details = details;
  }
  return rejection;
}
