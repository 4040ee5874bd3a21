import { describe, expect, it } from 'vitest';
import { DUE_INDEX_REBUILD, type JejakDb } from '../../../src/client/storage/db';
import { INLINE_REFRESH_LIMIT, rebuildStaleDueIndex, refreshDueIndex } from '../../../src/client/sync/due-index';
import { anEnrollment } from '../../fixtures/builders';
import { dueIndexAgainstScratch } from './due-index-oracle';
import { aCohort, aFollowUp, anAlumnus, useLocalDbs } from './local-db';

const freshDb = useLocalDbs();

/** `count` graduates of one cohort, written in one transaction that ends as every writer's does. */
async function writeGraduates(db: JejakDb, count: number) {
  const cohort = aCohort();
  const alumni = Array.from({ length: count }, () => anAlumnus());
  await db.transaction('rw', db.tables, async () => {
    await db.cohorts.put(cohort);
    await db.alumni.bulkPut(alumni);
    await db.enrollments.bulkPut(alumni.map((alumnus) => anEnrollment({ alumnusId: alumnus.id, cohortId: cohort.id, graduationDate: '2024-06-01' })));
    await refreshDueIndex(db);
  });
  return { cohort, alumni };
}

describe('the due index', () => {
  it('is brought up to date in the same transaction when few alumni were touched', async () => {
    const db = freshDb();
    const { alumni } = await writeGraduates(db, 3);
    expect(await db.dueIndex.count()).toBe(3);
    expect(await db.meta.get(DUE_INDEX_REBUILD)).toBeUndefined();

    // A reached contact through an alumnus's follow-up moves their due date; deleting it moves it back.
    const contact = aFollowUp({ alumnusId: alumni[0]?.id ?? '', contactedAt: '2024-09-02T02:00:00.000Z', status: 'employed', nextFollowUpDate: '2025-01-15' });
    await db.transaction('rw', db.tables, async () => {
      await db.followUps.put(contact);
      await refreshDueIndex(db);
    });
    expect((await db.dueIndex.get(alumni[0]?.id ?? ''))?.dueDate).toBe('2024-12-01');
    await db.transaction('rw', db.tables, async () => {
      await db.followUps.delete(contact.id);
      await refreshDueIndex(db);
    });
    expect((await db.dueIndex.get(alumni[0]?.id ?? ''))?.dueDate).toBe('2024-09-01');
    const { indexed, scratch } = await dueIndexAgainstScratch(db);
    expect(indexed).toEqual(scratch);
  });

  it('follows a renamed cohort into every entry that shows it', async () => {
    const db = freshDb();
    const { cohort } = await writeGraduates(db, 4);
    await db.transaction('rw', db.tables, async () => {
      await db.cohorts.put({ ...cohort, title: 'Barbershop Angkatan II' });
      await refreshDueIndex(db);
    });
    expect((await db.dueIndex.toArray()).map((row) => row.cohort?.title)).toEqual(Array(4).fill('Barbershop Angkatan II'));
  });

  it('is marked stale by a large write and computed whole once, afterwards', async () => {
    const db = freshDb();
    await writeGraduates(db, INLINE_REFRESH_LIMIT + 1);
    expect(await db.meta.get(DUE_INDEX_REBUILD)).toBeDefined();
    expect(await db.dueIndex.count()).toBe(0);

    // Small writes meanwhile leave it to the rebuild rather than patching a stale index.
    await writeGraduates(db, 2);
    expect(await db.dueIndex.count()).toBe(0);

    await Promise.all([rebuildStaleDueIndex(db), rebuildStaleDueIndex(db)]);
    expect(await db.meta.get(DUE_INDEX_REBUILD)).toBeUndefined();
    expect(await db.dueIndex.count()).toBe(INLINE_REFRESH_LIMIT + 3);
    const { indexed, scratch } = await dueIndexAgainstScratch(db);
    expect(indexed).toEqual(scratch);
  });
});
