import { randomUUID } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import type { Alumnus, Cohort, Enrollment, FollowUp } from '../src/shared/schema';
import { createDatabase } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { toRow } from '../src/server/db/rows';
import { generateDemoData, type DemoData } from '../src/server/demo/demo-data';
import { seedDemo } from '../src/server/demo/seed-demo';
import { recordSnapshot } from '../src/server/sync/record-snapshot';
import { rebuildReportPeople } from '../src/server/db/report-people.repository';
import { rebuildStatusSteps } from '../src/server/db/status-steps.repository';

export type BenchCounts = { alumni: number; followUps: number; enrollments: number; cohorts: number; feedRows: number };

/**
 * A server database of the size the targets are set for: the demo data set (its
 * providers, vocations, accounts and password) grown to `alumni` people and `followUps`
 * contacts by copying its cohorts, people and enrolments with fresh ids and NIKs, and
 * its contacts onto the new people. Rows go in with plain prepared INSERTs in one transaction; the
 * change feed is then written by the app's own `recordSnapshot`, exactly as the demo seed
 * puts a data set in it (one row per record and scope, versions per scope).
 */
export async function createBenchDatabase(path: string, target: { alumni: number; followUps: number }): Promise<BenchCounts> {
  const data = generateDemoData('2026-12-05');
  const database = createDatabase({ kind: 'sqlite', path });
  try {
    await migrateToLatest(database.db);
    await seedDemo(database.db, data);
  } finally {
    await database.close();
  }

  const extra = grow(data, target);
  const raw = new SqliteDatabase(path);
  try {
    raw.pragma('journal_mode = WAL');
    raw.transaction(() => {
      insertRows(raw, 'cohorts', extra.cohorts);
      insertRows(raw, 'alumni', extra.alumni);
      insertRows(raw, 'enrollments', extra.enrollments);
      insertRows(raw, 'follow_ups', extra.followUps);
    })();
  } finally {
    raw.close();
  }

  const snapshot = createDatabase({ kind: 'sqlite', path });
  try {
    await snapshot.db.transaction().execute(async (trx) => {
      // The rows above bypassed the repositories: derive what the report keeps per person as a migration would.
      await rebuildStatusSteps(trx.withoutPlugins());
      await rebuildReportPeople(trx.withoutPlugins());
      await recordSnapshot(trx, new Date());
    });
  } finally {
    await snapshot.close();
  }

  const check = new SqliteDatabase(path);
  try {
    const count = (table: string) => (check.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const counts = { alumni: count('alumni'), followUps: count('follow_ups'), enrollments: count('enrollments'), cohorts: count('cohorts'), feedRows: count('change_log') };
    // One file to copy per run: everything in the main database, no WAL beside it.
    check.pragma('wal_checkpoint(TRUNCATE)');
    return counts;
  } finally {
    check.close();
  }
}

type Extra = { cohorts: Cohort[]; alumni: Alumnus[]; enrollments: Enrollment[]; followUps: FollowUp[] };

/** Copies of the demo's cohorts with their people, then contacts spread over the new people. */
function grow(data: DemoData, target: { alumni: number; followUps: number }): Extra {
  const extra: Extra = { cohorts: [], alumni: [], enrollments: [], followUps: [] };
  const niks = new Set(data.alumni.map((alumnus) => alumnus.nik));
  let alumni = data.alumni.length;
  for (let copy = 1; alumni < target.alumni; copy += 1) {
    const cohortIds = new Map(data.cohorts.map((cohort) => [cohort.id, randomUUID()]));
    const alumnusIds = new Map<string, string>();
    for (const alumnus of data.alumni) {
      if (alumni >= target.alumni) break;
      // Another district code per copy keeps the NIK well-formed and unique.
      const nik = `${alumnus.nik.slice(0, 4)}${String(50 + copy).padStart(2, '0')}${alumnus.nik.slice(6)}`;
      if (niks.has(nik)) continue;
      niks.add(nik);
      const id = randomUUID();
      alumnusIds.set(alumnus.id, id);
      extra.alumni.push({ ...alumnus, id, nik });
      alumni += 1;
    }
    const used = new Set<string>();
    for (const enrollment of data.enrollments) {
      const alumnusId = alumnusIds.get(enrollment.alumnusId);
      const cohortId = cohortIds.get(enrollment.cohortId);
      if (alumnusId === undefined || cohortId === undefined) continue;
      used.add(enrollment.cohortId);
      extra.enrollments.push({ ...enrollment, id: randomUUID(), alumnusId, cohortId });
    }
    for (const cohort of data.cohorts) {
      const id = cohortIds.get(cohort.id);
      if (id !== undefined && used.has(cohort.id)) extra.cohorts.push({ ...cohort, id, title: `${cohort.title} (${copy + 1})` });
    }
  }
  const templates = data.followUps;
  const people = extra.alumni.length > 0 ? extra.alumni : data.alumni;
  for (let i = 0; data.followUps.length + extra.followUps.length < target.followUps; i += 1) {
    const template = templates[i % templates.length];
    const person = people[i % people.length];
    if (template === undefined || person === undefined) throw new Error('the demo data set has no follow-ups or alumni to copy');
    extra.followUps.push({ ...template, id: randomUUID(), alumnusId: person.id });
  }
  return extra;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function insertRows(db: SqliteDatabase.Database, table: string, records: readonly object[]): void {
  const first = records[0];
  if (first === undefined) return;
  const keys = Object.keys(first);
  const statement = db.prepare(`insert into ${table} (${keys.map(snake).join(', ')}) values (${keys.map(() => '?').join(', ')})`);
  for (const record of records) {
    const row = toRow(record) as Record<string, unknown>;
    statement.run(keys.map((key) => row[key] ?? null));
  }
}
