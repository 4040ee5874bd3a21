import type { OutboxEntry } from '../../storage/db';

/**
 * A change of this cohort or of one of its enrolments that the server refused because
 * someone else had changed the same fields first (compare-and-set): what this device
 * wanted (`mine`) beside what the server holds now (`theirs`), for the clerk to choose.
 */
export type Conflict = {
  mid: number;
  name: 'cohort.update' | 'enrollment.update';
  recordId: string;
  mine: Record<string, unknown>;
  theirs: Record<string, unknown>;
};

/**
 * The refused outbox rows that are conflicts about `cohortId` or its enrolments. Read
 * defensively: `args` and `rejection` come from IndexedDB rows.
 */
export function conflictsOf(entries: readonly OutboxEntry[], cohortId: string, enrollmentIds: ReadonlySet<string>): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const entry of entries) {
    if (entry.status !== 'rejected' || entry.rejection?.code !== 'conflict') continue;
    if (entry.name !== 'cohort.update' && entry.name !== 'enrollment.update') continue;
    const args = entry.args as { id?: unknown; patch?: unknown } | null;
    const recordId = args?.id;
    if (typeof recordId !== 'string' || !isRecord(args?.patch)) continue;
    const ours = entry.name === 'cohort.update' ? recordId === cohortId : enrollmentIds.has(recordId);
    if (!ours) continue;
    const current = entry.rejection.current;
    conflicts.push({ mid: entry.mid, name: entry.name, recordId, mine: args.patch, theirs: isRecord(current) ? current : {} });
  }
  return conflicts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
