import { sql, type Kysely } from 'kysely';
import type { SessionUser } from '../../shared/api/auth.api';
import { describeError } from '../../shared/errors';
import type { Mutation, MutationResult, PushRequest, PushResponse, PushUnavailableResponse, PushUpdateRequiredResponse } from '../../shared/sync/protocol';
import type { Clock } from '../auth/context';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { applyMutation } from './apply-mutation';
import { logFollowUpsInBulk } from '../changes/log-follow-ups-in-bulk';
import type { MutationArgs } from '../../shared/sync/mutations';
import { checkMutation, updateRequiredFor, type CheckedMutation, type Rejection, type UpdateRequired } from './check-mutation';
import { claimClient, forgetSettledResults, lockClient, settleMutations, settledResults, type Settlement } from './clients.repository';
import { deferWrites, type Deferral } from '../db/deferred-writes';
import { isUniqueViolation } from '../db/unique-violation';
import { isPermanentDatabaseError, isTransientDatabaseError } from '../db/database-errors';
import { failedAttempts, forgetFailures, recordFailedAttempt } from './mutation-failures.repository';

export type PushHooks = {
  /**
   * Runs once for each mutation applied in a group's transaction, after all of the
   * group's writes (its change-feed versions taken and locked), just before the commit:
   * tests hold a transaction open or fail it here.
   */
  beforeCommit?: (trx: Kysely<Database>, mutation: Mutation) => Promise<void>;
};

export type PushOutcome =
  | { ok: true; response: PushResponse }
  | { ok: false; status: 503; response: PushUnavailableResponse }
  | { ok: false; status: 426; response: PushUpdateRequiredResponse };

/**
 * Mutations per transaction. Committing is the dominant cost of a push on SQLite (each
 * commit is a disk sync): one transaction per group of mutations, with a savepoint per
 * mutation, applies 5,000 queued changes several times faster than one transaction each.
 * The group's audit, change-feed and result rows are written together at its end
 * (db/deferred-writes.ts), so its scopes' version rows are locked only from then to the
 * commit, however large the group. Half the largest push: two disk syncs per full batch
 * rather than five, while a transient failure costs redoing at most one group and a
 * server killed mid-push keeps the groups it committed. SQLite's one writer is held for
 * one group, a few tens of milliseconds.
 */
export const MUTATIONS_PER_TRANSACTION = 250;

/**
 * Failed attempts after which a mutation that keeps failing the same way (a bug, a value
 * the database refuses in a way no check caught) is refused rather than tried again: the
 * device then sends what it queued after it. A few, so a fault that clears by itself
 * (a deploy, a lock) does not cost anyone a change.
 */
export const MAX_FAILED_ATTEMPTS = 5;

/**
 * Applies a device's queued mutations in `mid` order, each at most once.
 *
 * Each mutation runs in a savepoint of its group's transaction, which also advances the
 * device's `lastMid` and stores the result: a change and the record of it commit
 * together, so a push retried after a lost response skips exactly what was applied, and
 * answers the stored results for it. A permanent refusal (a DomainError: invalid, out of
 * scope, conflict…; a constraint the database enforces) rolls the change back to its
 * savepoint and is recorded as rejected — it also advances `lastMid`, so a refused change
 * never wedges the queue. Anything else rolls the group back and stops: the mutations
 * before the failing one are applied again and committed, and the rest is answered
 * `ok: false` for the client to retry with backoff. Only the database being away or busy
 * may fail for ever; any other failure is counted against its mutation, which is refused
 * as `failed-repeatedly` once it failed MAX_FAILED_ATTEMPTS times.
 */
export async function pushMutations(db: Kysely<Database>, user: SessionUser, request: PushRequest, clock: Clock, hooks: PushHooks = {}): Promise<PushOutcome> {
  const { clientId } = request;
  let lastMid = await claimClient(db, clientId, user.id, clock());
  await forgetSettledResults(db, clientId, request.settledMid, lastMid);
  const mutations = inMidOrder(request.mutations);
  const resent = await settledResults(db, clientId, mutations.filter(({ mid }) => mid <= lastMid).map(({ mid }) => mid));
  const results: MutationResult[] = [];
  for (const mutation of mutations) {
    const stored = mutation.mid <= lastMid ? resent.get(mutation.mid) : undefined;
    if (stored !== undefined) results.push(stored);
  }

  // A change this server cannot read stops the push before it, unsettled: what was
  // queued before it is applied, it and the rest wait on the device for the update.
  const waiting = mutations.filter(({ mid }) => mid > lastMid);
  let update: UpdateRequired | null = null;
  let unsettled = waiting;
  for (const [index, mutation] of waiting.entries()) {
    update = updateRequiredFor(mutation);
    if (update === null) continue;
    unsettled = waiting.slice(0, index);
    break;
  }
  const attempts = unsettled.length === 0 ? new Map<number, number>() : await failedAttempts(db, clientId, lastMid);
  const context: PushContext = { user, clientId, clock, hooks, attempts };
  for (let start = 0; start < unsettled.length; start += MUTATIONS_PER_TRANSACTION) {
    const group = unsettled.slice(start, start + MUTATIONS_PER_TRANSACTION);
    const settled = await settleGroup(db, context, group);
    results.push(...settled.results);
    if (settled.lastMid !== null) lastMid = Math.max(lastMid, settled.lastMid);
    if (settled.failure !== null) {
      const { mid, error } = settled.failure;
      if (isTransientDatabaseError(error)) {
        console.error(`sync push of client ${clientId} stopped at mid ${mid}, the database is unavailable:`, error instanceof Error ? error.message : error);
      } else {
        const count = await recordFailedAttempt(db, clientId, mid, error, clock()).catch(() => null);
        console.error(`sync push of client ${clientId} failed at mid ${mid} (attempt ${count ?? '?'} of ${MAX_FAILED_ATTEMPTS}):`, error);
      }
      return { ok: false, status: 503, response: { lastMid, results, error: { code: 'unavailable', message: describeError('unavailable') } } };
    }
  }
  if (attempts.size > 0) await forgetFailures(db, clientId, lastMid);
  if (update !== null) {
    const { message, ...details } = update;
    return { ok: false, status: 426, response: { lastMid, results, error: { code: 'update-required', message: `${describeError('update-required')}: ${message}`, details } } };
  }
  return { ok: true, response: { lastMid, results } };
}

/** What every mutation of one push shares. */
type PushContext = {
  user: SessionUser;
  clientId: string;
  clock: Clock;
  hooks: PushHooks;
  /** Failed attempts so far, by mid. */
  attempts: ReadonlyMap<number, number>;
};

/**
 * The time of each mutation of a device: the server's clock, but never before the
 * device's previous change, in this push or an earlier one. A device's changes are so
 * stamped in `mid` order (the audit log and change feed read by time), and never ahead of
 * the clock: several changes applied within one millisecond share it rather than borrow
 * later ones. Only a server clock stepped back would hold stamps at the last one until
 * it catches up.
 */
export function deviceStamps(clock: Clock, lastStamp: Date): () => Date {
  let last = Number.isNaN(lastStamp.getTime()) ? 0 : lastStamp.getTime();
  return () => {
    last = Math.max(clock().getTime(), last);
    return new Date(last);
  };
}

/** Sorted by mid, each mid once (a client bug that sends one twice gets it applied once). */
function inMidOrder(mutations: readonly Mutation[]): Mutation[] {
  const byMid = new Map<number, Mutation>();
  for (const mutation of mutations) if (!byMid.has(mutation.mid)) byMid.set(mutation.mid, mutation);
  return [...byMid.values()].sort((a, b) => a.mid - b.mid);
}

type GroupOutcome = { results: MutationResult[]; lastMid: number | null; failure: { mid: number; error: unknown } | null };

/**
 * Settles a group in one transaction. On a transient failure at some mutation, the ones
 * before it are settled again in a transaction of their own, so what could be applied
 * is not lost with the failing one.
 */
async function settleGroup(db: Kysely<Database>, context: PushContext, group: readonly Mutation[]): Promise<GroupOutcome> {
  let failedAt = -1;
  try {
    return { ...(await settleInOneTransaction(db, context, group, (index) => (failedAt = index))), failure: null };
  } catch (error) {
    const failing = group[failedAt];
    const failure = { mid: failing?.mid ?? group[0]?.mid ?? 0, error };
    if (failedAt <= 0) return { results: [], lastMid: null, failure };
    try {
      return { ...(await settleInOneTransaction(db, context, group.slice(0, failedAt), () => {})), failure };
    } catch {
      return { results: [], lastMid: null, failure };
    }
  }
}

async function settleInOneTransaction(
  db: Kysely<Database>,
  context: PushContext,
  group: readonly Mutation[],
  onMutation: (index: number) => void,
): Promise<Omit<GroupOutcome, 'failure'>> {
  const { clientId, clock, hooks } = context;
  const settledBefore: number[] = [];
  const outcome = await db.transaction().execute(async (trx) => {
    // The device's row stays locked to the commit: a second tab's push of the same mids waits, then skips them.
    const locked = await lockClient(trx, clientId);
    let { lastMid } = locked;
    const now = deviceStamps(clock, locked.lastStamp);
    const deferral = deferWrites(trx);
    const settled: Settlement[] = [];
    const applied: number[] = [];
    for (let index = 0; index < group.length; ) {
      const mutation = group[index] as Mutation;
      onMutation(index);
      if (mutation.mid <= lastMid) {
        settledBefore.push(mutation.mid);
        index += 1;
        continue;
      }
      // Mids are sorted and unique: every mutation of a run is past lastMid as its first is.
      const run = followUpRunAt(group, index);
      const stamps = run.map(() => now());
      const results = (run.length > 1 ? await settleRunInBulk(trx, deferral, context, run, stamps) : null) ?? (await settleEach(trx, deferral, context, run, stamps, (offset) => onMutation(index + offset)));
      for (const [offset, result] of results.entries()) {
        settled.push({ result, at: stamps[offset] as Date });
        if (result.status === 'applied') applied.push(index + offset);
      }
      lastMid = (run.at(-1) as Mutation).mid;
      index += run.length;
    }
    // Not one mutation's doing: nothing of the group is kept.
    onMutation(0);
    await deferral.flush();
    await settleMutations(trx, clientId, settled);
    for (const index of applied) {
      onMutation(index);
      await hooks.beforeCommit?.(trx, group[index] as Mutation);
    }
    return { results: settled.map(({ result }) => result), lastMid };
  });
  // Settled by another push of this device (a second tab) meanwhile: its stored answers.
  const stored = await settledResults(db, clientId, settledBefore);
  const results = [...settledBefore.flatMap((mid) => stored.get(mid) ?? []), ...outcome.results].sort((a, b) => a.mid - b.mid);
  return { results, lastMid: outcome.lastMid };
}

/**
 * The mutations from `start` on that settle together: a run of follow-ups logged one
 * after another (what a phone back online mostly sends), else the one mutation.
 */
function followUpRunAt(group: readonly Mutation[], start: number): Mutation[] {
  let end = start + 1;
  if (group[start]?.name === 'follow-up.log') while (group[end]?.name === 'follow-up.log') end += 1;
  return group.slice(start, end);
}

async function settleEach(trx: Kysely<Database>, deferral: Deferral, context: PushContext, run: readonly Mutation[], stamps: readonly Date[], onMutation: (offset: number) => void): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const [offset, mutation] of run.entries()) {
    onMutation(offset);
    results.push(await settleOne(trx, deferral, context, mutation, stamps[offset] as Date));
  }
  return results;
}

/**
 * Settles a run of logged follow-ups with a few statements for all of them
 * (changes/log-follow-ups-in-bulk.ts), answering what `settleOne` would answer for each.
 * Null when a write of the run failed: it is rolled back to its savepoint and the
 * caller settles the run one by one, which finds the guilty mutation (or the database
 * gone). A run that cannot even roll back throws, like `settleOne`.
 */
async function settleRunInBulk(trx: Kysely<Database>, deferral: Deferral, context: PushContext, run: readonly Mutation[], stamps: readonly Date[]): Promise<MutationResult[] | null> {
  const results: (MutationResult | null)[] = [];
  const toLog: { index: number; input: MutationArgs<'follow-up.log'>; now: Date }[] = [];
  for (const [index, mutation] of run.entries()) {
    const now = stamps[index] as Date;
    const ready = readyToApply(context, mutation, now);
    if (!ready.ok) results.push(ready.result);
    else if (ready.mutation.name !== 'follow-up.log') throw new Error(`a run of logged follow-ups holds ${ready.mutation.name}`);
    else {
      results.push(null);
      toLog.push({ index, input: ready.mutation.args, now });
    }
  }
  const mark = deferral.mark();
  await sql`savepoint mutation`.execute(trx);
  let outcomes: Awaited<ReturnType<typeof logFollowUpsInBulk>>;
  try {
    outcomes = await logFollowUpsInBulk(trx, { user: context.user, clientId: context.clientId, hlc: null }, toLog);
    await sql`release savepoint mutation`.execute(trx);
  } catch (error) {
    await undoSavepoint(trx, error);
    deferral.rollbackTo(mark);
    return null;
  }
  for (const [position, { index }] of toLog.entries()) {
    const refusal = outcomes[position];
    const mid = (run[index] as Mutation).mid;
    results[index] = refusal === null || refusal === undefined ? { mid, status: 'applied' } : { mid, status: 'rejected', ...rejectionOf(refusal) };
  }
  return results as MutationResult[];
}

/**
 * A mutation read and ready to be tried, or refused before it is: its arguments do not
 * check, or it has failed too often.
 */
function readyToApply(context: PushContext, mutation: Mutation, now: Date): { ok: true; mutation: CheckedMutation } | { ok: false; result: MutationResult } {
  const checked = checkMutation(mutation, now);
  if (!checked.ok) return { ok: false, result: { mid: mutation.mid, status: 'rejected', ...checked.rejection } };
  const failures = context.attempts.get(mutation.mid) ?? 0;
  if (failures >= MAX_FAILED_ATTEMPTS) {
    return { ok: false, result: { mid: mutation.mid, status: 'rejected', code: 'failed-repeatedly', message: `${describeError('failed-repeatedly')} (${failures} attempts)` } };
  }
  return checked;
}

/**
 * Applies or refuses one mutation inside the group's transaction, in a savepoint so a
 * refusal leaves nothing of it behind — neither its writes nor the log rows it deferred.
 * A unique-key race with another writer is tried once more (its checks then see the
 * other's row), then refused as `conflict`. Throws only transient errors.
 */
async function settleOne(trx: Kysely<Database>, deferral: Deferral, context: PushContext, mutation: Mutation, now: Date): Promise<MutationResult> {
  const checked = readyToApply(context, mutation, now);
  if (!checked.ok) return checked.result;
  const actor = { user: context.user, clientId: context.clientId, hlc: checked.mutation.hlc };
  for (let attempt = 1; ; attempt += 1) {
    const mark = deferral.mark();
    await sql`savepoint mutation`.execute(trx);
    try {
      const superseded = await applyMutation(trx, actor, checked.mutation.name, checked.mutation.args, now);
      await sql`release savepoint mutation`.execute(trx);
      if (superseded === null) return { mid: mutation.mid, status: 'applied' };
      // Listed on the device like a refusal, with both values: what it sent, what stands.
      // The edit's other fields, if any, stand.
      return { mid: mutation.mid, status: 'rejected', code: 'superseded', message: describeError('superseded'), current: superseded.kept, details: { yours: superseded.yours } };
    } catch (error) {
      await undoSavepoint(trx, error);
      deferral.rollbackTo(mark);
      if (error instanceof DomainError) return { mid: mutation.mid, status: 'rejected', ...rejectionOf(error) };
      if (isUniqueViolation(error)) {
        if (attempt === 2) return { mid: mutation.mid, status: 'rejected', code: 'conflict', message: describeError('conflict') };
        continue;
      }
      if (isPermanentDatabaseError(error)) {
        console.error(`sync push of client ${context.clientId}: mid ${mutation.mid} (${mutation.name}) refused by the database:`, error);
        return { mid: mutation.mid, status: 'rejected', code: 'constraint-violation', message: describeError('constraint-violation') };
      }
      throw error;
    }
  }
}

/** Back to the mutation's savepoint; when even that fails (the connection is gone), the original error is what counts. */
async function undoSavepoint(trx: Kysely<Database>, original: unknown): Promise<void> {
  try {
    await sql`rollback to savepoint mutation`.execute(trx);
    await sql`release savepoint mutation`.execute(trx);
  } catch {
    throw original;
  }
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
