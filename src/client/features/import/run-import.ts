import type { ImportProblemCode } from '../../../shared/import/import-problem';
import type { ImportedPerson } from '../../../shared/import/validate-row';
import type { JejakDb } from '../../storage/db';
import type { BatchItem, BatchResult } from '../../sync/mutate';
import { newRecordId } from '../../../shared/record-id';

/** A row ready to import: its sheet row number and the person it describes. */
export type ReadyRow = { number: number; person: ImportedPerson };

/** Rows refused while importing (someone enrolled them meanwhile, the disk is full), with why. */
export type ImportOutcome = { imported: number; refused: { number: number; code: ImportProblemCode }[] };

/** A few hundred changes per transaction: long enough to be quick, short enough to show progress often. */
export const IMPORT_CHUNK = 200;

type Options = {
  db: JejakDb;
  cohortId: string;
  rows: readonly ReadyRow[];
  mutateBatch: (items: readonly BatchItem[]) => Promise<BatchResult>;
  onProgress: (done: number) => void;
};

/**
 * Enrols the rows as `enrollment.create` mutations, a chunk per transaction, handing the
 * page back to the browser between chunks so 2,000 rows never freeze it. NIK first: a
 * person this device already knows is enrolled under their own id, so someone trained
 * twice stays one alumnus. A row the device refuses (a conflict found only now) is set
 * aside and the rest of its chunk goes again; when the device cannot store anything,
 * every row not yet stored is reported. Nothing is dropped without a reason.
 */
export async function runImport({ db, cohortId, rows, mutateBatch, onProgress }: Options): Promise<ImportOutcome> {
  const known = new Map((await db.alumni.where('nik').anyOf(rows.map((row) => row.person.nik)).toArray()).map((alumnus) => [alumnus.nik, alumnus.id]));
  const refused: ImportOutcome['refused'] = [];
  let imported = 0;
  for (let start = 0; start < rows.length; start += IMPORT_CHUNK) {
    let chunk = rows.slice(start, start + IMPORT_CHUNK);
    while (chunk.length > 0) {
      const result = await mutateBatch(chunk.map((row) => enrolment(cohortId, row.person, known.get(row.person.nik))));
      if (result.kind === 'ok') break;
      if (result.kind !== 'invalid') {
        const unstored = [...chunk, ...rows.slice(start + IMPORT_CHUNK)];
        refused.push(...unstored.map((row) => ({ number: row.number, code: 'not-stored' as const })));
        onProgress(imported);
        return { imported, refused };
      }
      const bad = chunk[result.index];
      const issue = result.issues[0];
      if (bad === undefined) break;
      refused.push({ number: bad.number, code: issue?.path === 'alumnus.nik' && issue.code === 'conflict' ? 'already-enrolled' : (issue?.code ?? 'invalid-type') });
      chunk = chunk.filter((row) => row !== bad);
    }
    imported += chunk.length;
    onProgress(imported);
    await nextTask();
  }
  return { imported, refused };
}

function enrolment(cohortId: string, person: ImportedPerson, knownId: string | undefined): BatchItem {
  return {
    name: 'enrollment.create',
    input: { id: newRecordId(), cohortId, alumnus: { ...person, id: knownId ?? newRecordId() } },
  };
}

/** Lets the browser paint and handle input before the next chunk. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
