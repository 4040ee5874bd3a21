import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabase } from '../../../src/server/db/database';
import { idleCheckpointer } from '../../../src/server/db/idle-checkpoint';

/** Two megabytes the database file holds only once the log has been moved into it. */
const PAYLOAD_BYTES = 2 * 1024 * 1024;

describe('moving the write-ahead log into the database once writes pause', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jejak-checkpoint-'));
    path = join(dir, 'jejak.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fileBytes = () => statSync(path).size;

  it('leaves a write in the log, then moves it into the file after the pause', async () => {
    const database = new SqliteDatabase(path);
    database.pragma('journal_mode = WAL');
    // Only the checkpointer under test moves the log.
    database.pragma('wal_autocheckpoint = 0');
    const checkpointer = idleCheckpointer(database, 50);
    try {
      database.exec('create table blobs (body blob)');
      checkpointer.wrote();
      database.prepare('insert into blobs (body) values (?)').run(Buffer.alloc(PAYLOAD_BYTES, 7));
      expect(fileBytes()).toBeLessThan(PAYLOAD_BYTES);
      await vi.waitFor(() => expect(fileBytes()).toBeGreaterThan(PAYLOAD_BYTES), { timeout: 10_000, interval: 20 });
    } finally {
      checkpointer.stop();
      database.close();
    }
  });

  it('does so for the server database, whose commits leave a burst of writes in the log', async () => {
    const database = createDatabase({ kind: 'sqlite', path });
    try {
      await sql`create table blobs (body blob)`.execute(database.db);
      await database.db.transaction().execute(async (trx) => {
        for (let part = 0; part < 4; part += 1) await sql`insert into blobs (body) values (${Buffer.alloc(PAYLOAD_BYTES / 4, part)})`.execute(trx);
      });
      expect(fileBytes()).toBeLessThan(PAYLOAD_BYTES);
      await vi.waitFor(() => expect(fileBytes()).toBeGreaterThan(PAYLOAD_BYTES), { timeout: 15_000, interval: 50 });
    } finally {
      await database.close();
    }
  });
});
