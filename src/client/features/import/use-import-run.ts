import { useEffect, useState } from 'preact/hooks';
import type { CellProblem } from '../../../shared/import/import-problem';
import { invalidRowsFile } from '../../../shared/import/invalid-rows-file';
import { useDb } from '../../storage/DbProvider';
import { useMutateBatch } from '../../sync/SyncProvider';
import type { Finished } from './ImportDone';
import { useImportWords } from './import-words';
import { useProblemWords } from './problem-text';
import { runImport, type ReadyRow } from './run-import';
import type { ImportReview } from './use-import-review';

/**
 * Runs an import of the reviewed file into a cohort and keeps what the user sees of it:
 * progress while it runs, then the counts and the file of rows not imported (every row
 * with a problem, and any row refused while importing, with why in words).
 */
export function useImportRun() {
  const db = useDb();
  const mutateBatch = useMutateBatch();
  const w = useImportWords();
  const words = useProblemWords();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [finished, setFinished] = useState<Finished | null>(null);

  const fileUrl = finished?.fileUrl ?? null;
  useEffect(() => () => {
    if (fileUrl !== null) URL.revokeObjectURL(fileUrl);
  }, [fileUrl]);

  const start = async (review: ImportReview, cohortId: string) => {
    const ready: ReadyRow[] = review.results.flatMap((result) => (result.person === null ? [] : [{ number: result.number, person: result.person }]));
    setProgress({ done: 0, total: ready.length });
    const outcome = await runImport({ db, cohortId, rows: ready, mutateBatch, onProgress: (done) => setProgress({ done, total: ready.length }) });
    const refused = new Map(outcome.refused.map((refusal) => [refusal.number, refusal.code]));
    const left = review.rows.flatMap((row, index) => {
      const result = review.results[index];
      const code = refused.get(row.number);
      const problems: CellProblem[] = code !== undefined ? [{ field: 'nik', code }] : result?.person === null ? result.problems : [];
      return problems.length === 0 ? [] : [{ number: row.number, cells: row.cells, error: words.row(problems) }];
    });
    const name = `${review.fileName.replace(/\.[^.]+$/, '')}-${w('invalidFile.suffix')}.csv`;
    const url = left.length === 0 ? null : URL.createObjectURL(new Blob([invalidRowsFile(review.headers, left)], { type: 'text/csv;charset=utf-8' }));
    setProgress(null);
    setFinished({ imported: outcome.imported, rejected: left.length, fileUrl: url, fileName: name });
  };

  return { progress, finished, start, reset: () => setFinished(null) };
}
