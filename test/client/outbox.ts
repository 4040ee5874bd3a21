import { openDb, userDbName, type OutboxEntry } from '../../src/client/storage/db';

/** `count` changes queued offline by the user, in their own database on this device. */
export async function queueChanges(userId: string, count: number): Promise<void> {
  const db = openDb(userDbName(userId));
  try {
    const from = (await db.outbox.count()) + 1;
    await db.outbox.bulkAdd(Array.from({ length: count }, (_, index) => anOutboxEntry(from + index)));
  } finally {
    db.close();
  }
}

/** What the user's database holds in its outbox, read as the app would. */
export async function outboxOf(userId: string): Promise<OutboxEntry[]> {
  const db = openDb(userDbName(userId));
  try {
    return await db.outbox.toArray();
  } finally {
    db.close();
  }
}

function anOutboxEntry(mid: number): OutboxEntry {
  return {
    mid,
    clientId: 'perangkat-uji',
    name: 'logFollowUp',
    version: 1,
    args: { note: `perubahan ${mid}` },
    hlc: `000000000000${mid}`,
    createdAt: '2024-08-31T01:00:00.000Z',
    status: 'pending',
    rejection: null,
  };
}
