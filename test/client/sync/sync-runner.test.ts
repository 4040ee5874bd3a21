import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CycleOutcome } from '../../../src/client/sync/sync-cycle';
import { BACKOFF_FIRST_MS, PERIOD_MS, SyncRunner, WRITE_DELAY_MS } from '../../../src/client/sync/sync-runner';
import { setOnline } from '../network';
import { useRealServer } from '../real-server';
import { seedSyncWorld } from '../../server/sync/sync-api';
import { deviceOf } from './device';
import { logArgs, useLocalDbs } from './local-db';
import { openDb } from '../../../src/client/storage/db';
import { runSyncCycle } from '../../../src/client/sync/sync-cycle';

/**
 * A sync cycle the test ends by hand: records when cycles start and how many run at
 * once, and ends each with the outcome the test gives.
 */
const unfinished: ((outcome: CycleOutcome) => void)[][] = [];

function controlledCycles() {
  const waiting: ((outcome: CycleOutcome) => void)[] = [];
  unfinished.push(waiting);
  let running = 0;
  const stats = { started: 0, mostAtOnce: 0 };
  const cycle = () =>
    new Promise<CycleOutcome>((resolve) => {
      stats.started += 1;
      running += 1;
      stats.mostAtOnce = Math.max(stats.mostAtOnce, running);
      waiting.push((outcome) => {
        running -= 1;
        resolve(outcome);
      });
    });
  const finish = async (outcome: CycleOutcome = { kind: 'synced', at: new Date().toISOString() }) => {
    const next = waiting.shift();
    if (next === undefined) throw new Error('no cycle is running');
    next(outcome);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { cycle, stats, finish, get running() { return running; } };
}

const runners: SyncRunner[] = [];
function aRunner(options: ConstructorParameters<typeof SyncRunner>[0]): SyncRunner {
  const runner = new SyncRunner({ locks: null, random: () => 1, ...options });
  runners.push(runner);
  return runner;
}

describe('SyncRunner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) runner.stop();
    // A cycle left running would hold this tab's lock into the next test.
    for (const waiting of unfinished.splice(0)) for (const end of waiting.splice(0)) end({ kind: 'unreachable' });
    await vi.advanceTimersByTimeAsync(0);
    vi.useRealTimers();
  });

  it('runs no cycle while the browser knows it is offline, and one as soon as it is back online', async () => {
    const cycles = controlledCycles();
    setOnline(false);
    const runner = aRunner({ cycle: cycles.cycle });
    void runner.start();
    runner.localWrite();
    await vi.advanceTimersByTimeAsync(PERIOD_MS + WRITE_DELAY_MS);
    expect(cycles.stats.started).toBe(0);

    setOnline(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(cycles.stats.started).toBe(1);
  });

  it('never runs two cycles at once in a tab, even from two runners; requests meanwhile run right after', async () => {
    const cycles = controlledCycles();
    const first = aRunner({ cycle: cycles.cycle });
    const second = aRunner({ cycle: cycles.cycle });
    void first.start();
    void second.start();
    void first.runNow();
    void first.runNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(cycles.stats).toEqual({ started: 1, mostAtOnce: 1 });

    // The first runner's requests made while it ran: one more cycle, not two; the second
    // runner, which found the lock taken in this tab, goes as soon as it is free.
    await cycles.finish();
    expect(cycles.stats).toEqual({ started: 2, mostAtOnce: 1 });
    await cycles.finish();
    expect(cycles.stats).toEqual({ started: 3, mostAtOnce: 1 });
    await cycles.finish();
    expect(cycles.running).toBe(0);
    await vi.advanceTimersByTimeAsync(PERIOD_MS - 1);
    expect(cycles.stats).toEqual({ started: 3, mostAtOnce: 1 });
  });

  it('retries with exponential backoff after a failure, and every minute once synced', async () => {
    const cycles = controlledCycles();
    void aRunner({ cycle: cycles.cycle }).start();
    await vi.advanceTimersByTimeAsync(0);
    await cycles.finish({ kind: 'unreachable' });

    await vi.advanceTimersByTimeAsync(BACKOFF_FIRST_MS - 1);
    expect(cycles.stats.started).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(cycles.stats.started).toBe(2);
    await cycles.finish({ kind: 'server-error', status: 503, code: 'unavailable', retryAfterSeconds: null });

    await vi.advanceTimersByTimeAsync(2 * BACKOFF_FIRST_MS - 1);
    expect(cycles.stats.started).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(cycles.stats.started).toBe(3);
    await cycles.finish();

    await vi.advanceTimersByTimeAsync(PERIOD_MS - 1);
    expect(cycles.stats.started).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(cycles.stats.started).toBe(4);
  });

  it('spreads retries with jitter and honours Retry-After', async () => {
    const cycles = controlledCycles();
    void aRunner({ cycle: cycles.cycle, random: () => 0 }).start();
    await vi.advanceTimersByTimeAsync(0);
    await cycles.finish({ kind: 'unreachable' });
    // random() = 0: half the exponential delay.
    await vi.advanceTimersByTimeAsync(BACKOFF_FIRST_MS / 2);
    expect(cycles.stats.started).toBe(2);
    await cycles.finish({ kind: 'server-error', status: 503, code: 'unavailable', retryAfterSeconds: 30 });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(cycles.stats.started).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(cycles.stats.started).toBe(3);
  });

  it('syncs a few seconds after the last of a burst of local writes, and at once when back online', async () => {
    const cycles = controlledCycles();
    const runner = aRunner({ cycle: cycles.cycle });
    void runner.start();
    await vi.advanceTimersByTimeAsync(0);
    await cycles.finish();

    runner.localWrite();
    await vi.advanceTimersByTimeAsync(WRITE_DELAY_MS - 1);
    runner.localWrite();
    await vi.advanceTimersByTimeAsync(WRITE_DELAY_MS - 1);
    expect(cycles.stats.started).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(cycles.stats.started).toBe(2);
    await cycles.finish({ kind: 'unreachable' });

    dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(cycles.stats.started).toBe(3);
  });

  it('halts on update-required or a lost session, until started again', async () => {
    for (const kind of ['update-required', 'session-lost'] as const) {
      const cycles = controlledCycles();
      const runner = aRunner({ cycle: cycles.cycle });
      void runner.start();
      await vi.advanceTimersByTimeAsync(0);
      await cycles.finish({ kind });

      runner.localWrite();
      dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(10 * PERIOD_MS);
      expect(cycles.stats.started).toBe(1);

      runner.stop();
      void runner.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(cycles.stats.started).toBe(2);
      await cycles.finish();
      runner.stop();
    }
  });

  it('lets one tab sync at a time through the Web Locks API', async () => {
    const locks = new OneHolderLocks() as unknown as LockManager;
    const cycles = controlledCycles();
    // A second tab: its own copy of the runner module, sharing only the browser's locks.
    vi.resetModules();
    const otherTab = await import('../../../src/client/sync/sync-runner');
    const here = aRunner({ cycle: cycles.cycle, locks });
    const there = new otherTab.SyncRunner({ cycle: cycles.cycle, locks, random: () => 1 });

    void here.start();
    void there.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(cycles.stats).toEqual({ started: 1, mostAtOnce: 1 });
    await cycles.finish();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(cycles.stats).toEqual({ started: 2, mostAtOnce: 1 });
    await cycles.finish();
    there.stop();
  });
});

/** The part of a browser's LockManager the runner uses: exclusive locks, `ifAvailable`. */
class OneHolderLocks {
  readonly #held = new Set<string>();
  async request<T>(name: string, options: LockOptions, callback: (lock: Lock | null) => Promise<T> | T): Promise<T> {
    if (this.#held.has(name)) {
      if (options.ifAvailable) return callback(null);
      throw new Error('only ifAvailable is modelled here');
    }
    this.#held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      this.#held.delete(name);
    }
  }
  query(): Promise<LockManagerSnapshot> {
    return Promise.resolve({});
  }
}

describe('two runners over one database, against the real server', () => {
  const server = useRealServer();
  const freshDb = useLocalDbs();

  it('send each queued change once, however often both are asked to sync', async () => {
    const { users, aOnly } = await seedSyncWorld(server.current.db);
    const device = deviceOf(server, freshDb(), users.officer);
    await device.sync();
    for (let i = 0; i < 5; i += 1) expect(await device.mutate('follow-up.log', logArgs(aOnly.id))).toMatchObject({ kind: 'ok' });
    // Two handles of the same IndexedDB database, as two mounted providers would hold.
    const sameDb = openDb(device.db.name);
    const one = new SyncRunner({ cycle: () => runSyncCycle(device.db, device.actor), locks: null });
    const two = new SyncRunner({ cycle: () => runSyncCycle(sameDb, device.actor), locks: null });
    try {
      await Promise.all([one.start(), two.start(), one.runNow(), two.runNow()]);
    } finally {
      one.stop();
      two.stop();
      sameDb.close();
    }

    expect(await server.current.db.selectFrom('clients').select('lastMid').execute()).toEqual([{ lastMid: 5 }]);
    const audited = await server.current.db.selectFrom('auditLog').select('entityId').where('mutation', '=', 'follow-up.log').execute();
    expect(audited).toHaveLength(5);
    expect(await device.db.outbox.count()).toBe(0);
  });
});
