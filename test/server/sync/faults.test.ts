// @vitest-environment happy-dom
// The client engine runs here as in a browser (its runner listens to `online` and to
// page visibility), over fake-indexeddb; the server is the real `jejak serve` process.
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../../src/server/db/database';
import { migrateToLatest } from '../../../src/server/db/migrate';
import type { Database } from '../../../src/server/db/schema';
import { openDb, type JejakDb } from '../../../src/client/storage/db';
import { readMeta } from '../../../src/client/storage/meta.repository';
import type { Actor } from '../../../src/client/sync/local-appliers';
import { mutate, mutateBatch, type BatchItem } from '../../../src/client/sync/mutate';
import { runSyncCycle, type CycleOutcome } from '../../../src/client/sync/sync-cycle';
import { SyncRunner } from '../../../src/client/sync/sync-runner';
import type { World } from '../data/world';
import { serve, tmp } from '../jejak-bin';
import type { TestUser } from '../sign-in';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { seedSyncWorld } from './sync-api';
import { wireFetch } from './wire-fetch';

/*
 * Network and server faults against the real server process over a SQLite file: an answer
 * lost after the commit, the process killed in the middle of a batch and restarted, and
 * a transient 503. The client is the real engine (outbox, push, pull, runner); a proxy
 * in this process stands between them where the network would.
 */

type Server = Awaited<ReturnType<typeof serve>>;

let file = 0;
let databaseUrl: string;
let world: World;
let server: Server | null;
let proxy: FaultProxy;
/** The test's own connection to the server's database file, to see what it committed. */
let observer: DatabaseHandle;
let device: JejakDb;
const network = globalThis.fetch;

beforeEach(async () => {
  file += 1;
  const path = join(tmp, `faults-${file}.db`);
  databaseUrl = `sqlite:${path}`;
  observer = createDatabase({ kind: 'sqlite', path });
  await migrateToLatest(observer.db);
  world = await seedSyncWorld(observer.db);
  // The proxy stands in front as a reverse proxy would, so the server is told the origin
  // browsers reach it at: without PUBLIC_URL it accepts writes only from its own address.
  proxy = await startFaultProxy(0);
  server = await serve(serverEnv());
  proxy.target = server.port;
  device = openDb(`jejak-faults-${file}`);
});

function serverEnv(): Record<string, string> {
  return { DATABASE_URL: databaseUrl, PUBLIC_URL: `http://127.0.0.1:${proxy.port}` };
}

afterEach(async () => {
  globalThis.fetch = network;
  await device.delete();
  await proxy.close();
  await server?.stop();
  await observer.close();
});

/** The officer's phone, signed in, talking to the server through the proxy. */
function officerPhone() {
  const officer: TestUser = world.users.officer;
  globalThis.fetch = wireFetch(() => proxy.port, officer.cookie);
  const actor = { id: officer.id, role: officer.role, providerId: officer.providerId };
  return { actor, sync: () => runSyncCycle(device, actor) };
}

async function logFollowUps(actor: Actor, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => crypto.randomUUID());
  const items: BatchItem[] = ids.map((id, n) => ({
    name: 'follow-up.log',
    input: { id, alumnusId: world.aOnly.id, contactedAt: new Date(Date.UTC(2024, 7, 1) + n * 60_000).toISOString(), channel: 'phone', reached: true, status: 'seeking' },
  }));
  // Queued as an officer's day of work would be, a few hundred changes per transaction at most.
  for (let start = 0; start < items.length; start += 250) {
    expect(await mutateBatch(device, actor, items.slice(start, start + 250))).toMatchObject({ kind: 'ok' });
  }
  return ids;
}

const pushes = () => proxy.log.filter((line) => line.startsWith('POST /api/sync/push'));

describe('sync against the real server process, through faults', () => {
  it('applies a push whose answer was lost after the commit once, when the retry comes', async () => {
    const phone = officerPhone();
    expect(await phone.sync()).toMatchObject({ kind: 'synced' });
    const logged = await logFollowUps(phone.actor, 3);
    await mutate(device, phone.actor, 'follow-up.void', { id: world.followUps.aOnly.id, reason: 'salah orang' });
    await mutate(device, phone.actor, 'alumnus.update-contact', { id: world.aOnly.id, patch: { phone: '0813 5555 0001' } });

    proxy.failNextPush({ kind: 'lose-answer' });
    expect(await phone.sync()).toEqual({ kind: 'unreachable' });
    // The server committed all five; the phone cannot know and keeps them.
    const clientId = (await readMeta(device, 'clientId')) ?? '';
    expect(await settledOnServer(observer.db, clientId)).toEqual({ lastMid: 5, results: 5 });
    expect(await device.outbox.count()).toBe(5);

    expect(await phone.sync()).toMatchObject({ kind: 'synced' });
    expect(pushes()).toEqual(['POST /api/sync/push → cut', 'POST /api/sync/push → 200']);
    expect(await device.outbox.count()).toBe(0);
    expect(await settledOnServer(observer.db, clientId)).toEqual({ lastMid: 5, results: 0 });
    expect(await auditCounts(observer.db, clientId)).toEqual({ 'alumnus.contact': 1, 'follow-up.log': 3, 'follow-up.void': 1 });
    expect(await followUpCount(observer.db, logged)).toEqual({ rows: 3, distinct: 3 });
    expect((await device.alumni.get(world.aOnly.id))?.phone).toBe('+6281355550001');
  });

  it('drains a 2,000-change outbox once when the server is killed in the middle of a batch and restarted', async () => {
    const phone = officerPhone();
    expect(await phone.sync()).toMatchObject({ kind: 'synced' });
    const logged = await logFollowUps(phone.actor, 2000);
    const clientId = (await readMeta(device, 'clientId')) ?? '';

    const interrupted = phone.sync();
    // Killed once the second page of 500 is half applied: some of its mutations committed, the rest not.
    const killedAfter = await waitForLastMid(observer.db, clientId, 750);
    await server?.kill();
    server = null;
    expect(await interrupted).toEqual({ kind: 'unreachable' });
    const survived = await settledOnServer(observer.db, clientId);
    expect(survived.lastMid).toBeGreaterThanOrEqual(killedAfter);
    expect(survived.lastMid).toBeLessThan(1000);
    expect(survived.results).toBe(survived.lastMid);
    // The first page's answer arrived and cleared it; the rest waits.
    expect(await device.outbox.count()).toBe(1500);

    server = await serve(serverEnv());
    proxy.target = server.port;
    expect(await phone.sync()).toMatchObject({ kind: 'synced' });

    expect(await device.outbox.count()).toBe(0);
    expect(await settledOnServer(observer.db, clientId)).toEqual({ lastMid: 2000, results: 0 });
    expect(await followUpCount(observer.db, logged)).toEqual({ rows: 2000, distinct: 2000 });
    expect(await auditCounts(observer.db, clientId)).toEqual({ 'follow-up.log': 2000 });
    expect(await device.followUps.where('alumnusId').equals(world.aOnly.id).count()).toBe(2001);
  }, 90_000);

  it('backs off after a 503 for as long as Retry-After says, then syncs', async () => {
    const phone = officerPhone();
    expect(await phone.sync()).toMatchObject({ kind: 'synced' });
    const [logged = ''] = await logFollowUps(phone.actor, 1);
    proxy.failNextPush({ kind: 'unavailable', retryAfterSeconds: 30 });

    // Only the runner's clock is faked: requests, the database and the server run for real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const outcomes: CycleOutcome[] = [];
    let nextOutcome = () => undefined as void;
    const runner = new SyncRunner({
      cycle: phone.sync,
      onOutcome: (outcome) => {
        outcomes.push(outcome);
        nextOutcome();
      },
      locks: null,
      random: () => 0,
    });
    try {
      await runner.start();
      expect(outcomes).toEqual([{ kind: 'server-error', status: 503, code: 'unavailable', retryAfterSeconds: 30 }]);
      expect(await device.outbox.count()).toBe(1);

      // Not before the server said: nothing is sent in the first 30 seconds.
      await vi.advanceTimersByTimeAsync(29_999);
      expect(pushes()).toEqual(['POST /api/sync/push → 503']);

      const retried = new Promise<void>((resolve) => (nextOutcome = resolve));
      await vi.advanceTimersByTimeAsync(1);
      await retried;
      expect(outcomes[1]).toMatchObject({ kind: 'synced' });
    } finally {
      runner.stop();
      vi.useRealTimers();
    }
    expect(pushes()).toEqual(['POST /api/sync/push → 503', 'POST /api/sync/push → 200']);
    expect(await device.outbox.count()).toBe(0);
    expect(await followUpCount(observer.db, [logged])).toEqual({ rows: 1, distinct: 1 });
  });
});

async function settledOnServer(db: Kysely<Database>, clientId: string): Promise<{ lastMid: number; results: number }> {
  const client = await db.selectFrom('clients').select('lastMid').where('clientId', '=', clientId).executeTakeFirst();
  const results = await db.selectFrom('mutationResults').select((eb) => eb.fn.countAll<number>().as('n')).where('clientId', '=', clientId).executeTakeFirstOrThrow();
  return { lastMid: Number(client?.lastMid ?? 0), results: Number(results.n) };
}

/** Audit rows of the device by mutation: a change applied twice shows as a second row. */
async function auditCounts(db: Kysely<Database>, clientId: string): Promise<Record<string, number>> {
  const rows = await db.selectFrom('auditLog').select('mutation').where('clientId', '=', clientId).execute();
  const counts: Record<string, number> = {};
  for (const { mutation } of rows) counts[mutation] = (counts[mutation] ?? 0) + 1;
  return counts;
}

async function followUpCount(db: Kysely<Database>, ids: readonly string[]): Promise<{ rows: number; distinct: number }> {
  const rows: string[] = [];
  for (let start = 0; start < ids.length; start += 500) {
    const found = await db.selectFrom('followUps').select('id').where('id', 'in', ids.slice(start, start + 500)).execute();
    rows.push(...found.map((row) => row.id));
  }
  return { rows: rows.length, distinct: new Set(rows).size };
}

/** Polls the server's committed `lastMid` of a device until it reaches `mid`; returns what it saw. */
async function waitForLastMid(db: Kysely<Database>, clientId: string, mid: number): Promise<number> {
  for (let attempt = 0; attempt < 6000; attempt += 1) {
    const { lastMid } = await settledOnServer(db, clientId);
    if (lastMid >= mid) return lastMid;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`the server never settled mid ${mid}`);
}
