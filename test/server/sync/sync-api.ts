import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PushHooks } from '../../../src/server/sync/push';
import { createApp } from '../../../src/server/app';
import type { DatabaseKind } from '../../../src/server/db/database';
import type { Database } from '../../../src/server/db/schema';
import { recordSnapshot } from '../../../src/server/sync/record-snapshot';
import { encodeHlc } from '../../../src/shared/sync/hlc';
import {
  PROTOCOL_VERSION, type Change, type Cursor, type Mutation, type PullCursor, type PullResponse, type PushResponse,
} from '../../../src/shared/sync/protocol';
import { NOW, seedAlumnus, seedEnrollment, seedFollowUp, type ErrorReply, type Reply } from '../data/seed';
import { seedWorld, type World } from '../data/world';
import type { TestUser } from '../sign-in';

/** A pull's answer to an app that pulls the feed only. */
export type FeedPullResponse = Omit<PullResponse, 'cursor'> & { cursor: Cursor };

/** The real app at a moving clock, with JSON helpers for push and pull. */
export function syncApi(db: Kysely<Database>, kind: DatabaseKind, options: { hooks?: PushHooks; now?: Date } = {}) {
  const clock = { now: options.now ?? NOW };
  const app = createApp({ db, dbKind: kind, version: 'test', clock: () => clock.now, ...(options.hooks ? { syncHooks: options.hooks } : {}) });

  async function post<T>(path: string, user: TestUser, body: unknown): Promise<Reply<T>> {
    const res = await app.request(path, {
      method: 'POST',
      headers: { cookie: user.cookie, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as T };
  }

  const push = (user: TestUser, clientId: string, mutations: Mutation[]) =>
    post<PushResponse & Partial<ErrorReply>>('/api/sync/push', user, { protocolVersion: PROTOCOL_VERSION, clientId, mutations });

  /** A pull of the feed, as an app that does not ask for a first pull by person: its cursor is always the feed's. */
  const pull = (user: TestUser, clientId: string, cursor: Cursor | null, limit?: number) =>
    post<FeedPullResponse & Partial<ErrorReply>>('/api/sync/pull', user, {
      protocolVersion: PROTOCOL_VERSION, clientId, cursor, ...(limit === undefined ? {} : { limit }),
    });

  /** A pull as the app asks for it: a pull that starts over goes person by person. */
  const pullByPerson = (user: TestUser, clientId: string, cursor: PullCursor | null, limit?: number) =>
    post<PullResponse & Partial<ErrorReply>>('/api/sync/pull', user, {
      protocolVersion: PROTOCOL_VERSION, clientId, cursor, byPerson: true, ...(limit === undefined ? {} : { limit }),
    });

  /** Pulls page after page until `more` is false; every page must answer 200. */
  async function pullAll(user: TestUser, clientId: string, cursor: Cursor | null, limit?: number) {
    const pages: FeedPullResponse[] = [];
    let next = cursor;
    for (;;) {
      const page = await pull(user, clientId, next, limit);
      if (page.status !== 200) throw new Error(`pull answered ${page.status}: ${JSON.stringify(page.body)}`);
      pages.push(page.body);
      next = page.body.cursor;
      if (!page.body.more) break;
      if (pages.length > 10_000) throw new Error('pull never ends');
    }
    return { pages, cursor: next ?? {}, changes: pages.flatMap((page) => page.changes) };
  }

  return { app, clock, post, push, pull, pullByPerson, pullAll };
}

/** A mutation as a device queues it, with a clock at `ms` (default: the test's NOW). */
export function mutation(mid: number, name: string, args: unknown, options: { version?: number; ms?: number; node?: string } = {}): Mutation {
  return {
    mid, name, version: options.version ?? 1, args,
    hlc: encodeHlc({ ms: options.ms ?? NOW.getTime(), counter: 0, node: options.node ?? 'device' }),
  };
}

export const aClientId = (): string => randomUUID();

/** The two-provider world of the data tests, with its records in the change feed as a backfill would put them. */
export async function seedSyncWorld(db: Kysely<Database>): Promise<World> {
  const world = await seedWorld(db);
  await recordSnapshot(db, NOW);
  return world;
}

/** The two-provider world and `people` more people trained at A or B, with one to three contacts each, all in the feed. */
export async function seedCrowdedWorld(db: Kysely<Database>, people = 12): Promise<World> {
  const world = await seedWorld(db);
  for (let n = 0; n < people; n += 1) {
    const person = await seedAlumnus(db, { name: `Orang ${n}` });
    await seedEnrollment(db, { cohortId: n % 2 === 0 ? world.cohortA.id : world.cohortB.id, alumnusId: person.id });
    for (let c = 0; c <= n % 3; c += 1) await seedFollowUp(db, { alumnusId: person.id, officerId: world.users.officer.id });
  }
  await recordSnapshot(db, NOW);
  return world;
}

/**
 * What a device holds after applying `changes` in order from `start`: entity → id → record.
 * Mirrors the client's rule: a put stores the record, a delete removes it.
 */
export function applyChanges(changes: readonly Change[], start: Map<string, Map<string, Record<string, unknown>>> = new Map()) {
  const state = start;
  for (const change of changes) {
    const table = state.get(change.entity) ?? new Map<string, Record<string, unknown>>();
    if (change.op === 'put') table.set(change.id, change.record);
    else table.delete(change.id);
    state.set(change.entity, table);
  }
  return state;
}

export const idsOf = (changes: readonly Change[], entity: string, op: 'put' | 'delete' = 'put') =>
  changes.filter((c) => c.entity === entity && c.op === op).map((c) => c.id).sort();

/** Arguments of a reached follow-up for `alumnusId`. */
export function followUpArgs(alumnusId: string, overrides: Record<string, unknown> = {}) {
  return { id: randomUUID(), alumnusId, contactedAt: '2024-08-30T02:00:00.000Z', channel: 'phone', reached: true, status: 'seeking', ...overrides };
}
