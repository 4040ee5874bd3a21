import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../src/server/db/database';
import { createTestDatabase, describePostgres, type TestDatabase } from './databases';
import { jejak, serve, tmp } from './jejak-bin';
import { aClientId, followUpArgs, mutation, seedSyncWorld, syncApi } from './sync/sync-api';
import type { World } from './data/world';
import type { Cursor } from '../../src/shared/sync/protocol';

/**
 * Backup, restore and copy through the real `jejak` command, each judged by what a
 * server over the result answers: the same records to a fresh pull, and to a device
 * that synced before the move, nothing new to pull, its settled mutations recognised and
 * the next one applied — phones carry on without a reset.
 */

type Office = { source: TestDatabase; world: World; client: string; cursor: Cursor; changes: number };

/** A SQLite office whose officer's phone has pushed one follow-up and pulled everything. */
async function anOffice(): Promise<Office> {
  const source = await createTestDatabase('sqlite', { migrated: true });
  const world = await seedSyncWorld(source.db);
  const api = syncApi(source.db, 'sqlite');
  const client = aClientId();
  const pushed = await api.push(world.users.officer, client, [mutation(1, 'follow-up.log', followUpArgs(world.aOnly.id))]);
  expect(pushed.body.lastMid).toBe(1);
  const pulled = await api.pullAll(world.users.officer, client, null);
  return { source, world, client, cursor: pulled.cursor, changes: pulled.changes.length };
}

/** The phone of `anOffice`, now talking to a server over `moved`. */
async function expectPhoneCarriesOn(office: Office, moved: DatabaseHandle): Promise<void> {
  const api = syncApi(moved.db, moved.kind);
  const { officer } = office.world.users;
  const fresh = await api.pullAll(officer, aClientId(), null);
  expect(fresh.changes).toHaveLength(office.changes);

  const again = await api.pullAll(officer, office.client, office.cursor);
  expect(again.changes).toEqual([]);
  expect(again.pages[0]).toMatchObject({ lastMid: 1, reset: false });

  // A retried push of the settled mutation is recognised; the next one is applied and pulled.
  const retried = await api.push(officer, office.client, [mutation(1, 'follow-up.log', followUpArgs(office.world.aOnly.id))]);
  expect(retried.body).toEqual({ lastMid: 1, results: [{ mid: 1, status: 'applied' }] });
  const next = mutation(2, 'follow-up.log', followUpArgs(office.world.aOnly.id, { status: 'employed', employer: 'PT Pupuk' }));
  expect((await api.push(officer, office.client, [next])).body).toEqual({ lastMid: 2, results: [{ mid: 2, status: 'applied' }] });
  const after = await api.pullAll(officer, office.client, again.cursor);
  expect(after.changes.map((change) => change.id)).toEqual([(next.args as { id: string }).id]);
}

describe('jejak backup and restore on SQLite', () => {
  it('backs up the database while a server serves it, and a restore into an empty database serves the same data', async () => {
    const office = await anOffice();
    if (office.source.config.kind !== 'sqlite') throw new Error('sqlite expected');
    const databaseUrl = `sqlite:${office.source.config.path}`;
    const backupFile = join(tmp, 'backup.db');
    const restoredFile = join(tmp, 'restored.db');
    const server = await serve({ DATABASE_URL: databaseUrl });
    try {
      const backup = await jejak(['backup', backupFile], { DATABASE_URL: databaseUrl });
      expect(backup.stderr).toBe('');
      expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining(`to ${backupFile}`) as unknown });
      // Still serving: the backup took nothing away from it.
      expect((await fetch(`http://127.0.0.1:${server.port}/api/health`)).status).toBe(200);
      const refused = await jejak(['backup', backupFile], { DATABASE_URL: databaseUrl });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('never overwrites');
    } finally {
      await server.stop();
    }
    expect(existsSync(`${backupFile}-wal`)).toBe(false);

    const restored = await jejak(['restore', backupFile], { DATABASE_URL: `sqlite:${restoredFile}` });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^Restored .*: 5 users, 2 providers, 2 cohorts, 3 alumni, 5 follow_ups/);

    const handle = createDatabase({ kind: 'sqlite', path: restoredFile });
    try {
      await expectPhoneCarriesOn(office, handle);
    } finally {
      await handle.close();
      await office.source.drop();
    }

    // Into a database with rows in it: refused, and nothing changed.
    const again = await jejak(['restore', backupFile], { DATABASE_URL: `sqlite:${restoredFile}` });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Error: The target database is not empty \(rows: .*\)\. Copy or restore only into a new, empty database/);
    expect(again.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses what is not a backup, and a backup of PostgreSQL, pointing at pg_dump', async () => {
    const notJejak = await jejak(['restore', join(tmp, 'missing.db')], { DATABASE_URL: `sqlite:${join(tmp, 'empty.db')}` });
    expect(notJejak).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no file') as unknown });
    const postgres = await jejak(['backup', join(tmp, 'pg.db')], { DATABASE_URL: 'postgres://127.0.0.1:5432/jejak' });
    expect(postgres).toMatchObject({ code: 1, stderr: expect.stringContaining('pg_dump') as unknown });
    const usage = await jejak(['copy', '--from', 'sqlite:a.db']);
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringContaining('copy needs --from URL and --to URL.') as unknown });
  });
});

describePostgres('jejak copy from SQLite', () => {
  it('moves every row and the sync state into an empty PostgreSQL database, and phones keep syncing', async () => {
    const office = await anOffice();
    const target = await createTestDatabase('postgres');
    try {
      if (office.source.config.kind !== 'sqlite' || target.config.kind !== 'postgres') throw new Error('sqlite to postgres expected');
      const copied = await jejak(['copy', '--from', `sqlite:${office.source.config.path}`, '--to', target.config.url]);
      expect(copied.stderr).toBe('');
      expect(copied.code).toBe(0);
      expect(copied.stdout).toMatch(/^Copied 5 users, 2 providers, 2 cohorts, 3 alumni, 5 follow_ups, \d+ change_log \(\d+ rows in \d+ tables\)\.\n$/);
      await expectPhoneCarriesOn(office, target);

      const twice = await jejak(['copy', '--from', `sqlite:${office.source.config.path}`, '--to', target.config.url]);
      expect(twice.code).toBe(1);
      expect(twice.stderr).toContain('The target database is not empty');
    } finally {
      await target.drop();
      await office.source.drop();
    }
  });
});
