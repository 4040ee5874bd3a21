import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { unmappedRequiredFields } from '../../../shared/import/import-fields';
import { useUser } from '../../auth/SessionProvider';
import { useT } from '../../i18n';
import { ColumnMappingFields } from './ColumnMappingFields';
import { ImportDone } from './ImportDone';
import { ImportPreview } from './ImportPreview';
import { ImportProgress } from './ImportProgress';
import { useImportWords } from './import-words';
import { readSheetFile } from './read-sheet-file';
import { SourceFields, type FileState } from './SourceFields';
import { useEnrolledNiks, useProviderCohorts } from './use-import-data';
import { useImportReview } from './use-import-review';
import { useImportRun } from './use-import-run';
import './import.css';

/**
 * Participants from a spreadsheet into a cohort, entirely on this device (offline is
 * the normal case): choose the cohort (`/import?cohort=<id>` preselects it) and the
 * file, check the guessed columns, correct rows in the preview, import the valid ones.
 */
export function ImportScreen() {
  const t = useT();
  const w = useImportWords();
  const user = useUser();
  const { query } = useLocation();
  const cohorts = useProviderCohorts(user.providerId);
  const [cohortId, setCohortId] = useState(query.cohort ?? '');
  const [file, setFile] = useState<FileState>({ kind: 'none' });
  const run = useImportRun();
  // Not followed while importing: each chunk changes the cohort's enrolments, and the
  // review that would be checked against them again is no longer on screen.
  const idle = run.progress === null && run.finished === null;
  const { review, load, clear } = useImportReview(useEnrolledNiks(idle ? cohortId : ''));

  const choose = async (chosen: File) => {
    clear();
    setFile({ kind: 'reading', name: chosen.name });
    const reading = await readSheetFile(chosen);
    if (!reading.ok) return setFile({ kind: 'failed', problem: reading.problem });
    setFile({ kind: 'read', name: chosen.name, rows: reading.sheet.rows.length, headerRow: reading.sheet.headerRow });
    await load(chosen.name, reading.sheet);
  };
  const again = () => {
    run.reset();
    clear();
    setFile({ kind: 'none' });
  };

  const ready = review?.results.filter((result) => result.person !== null).length ?? 0;
  const cohortKnown = cohorts?.some((cohort) => cohort.id === cohortId) ?? false;
  const mappingComplete = review !== null && unmappedRequiredFields(review.mapping).length === 0;
  return (
    <section class="screen import-screen">
      <h1>{t('import.title')}</h1>
      {run.finished !== null ? (
        <ImportDone finished={run.finished} onAgain={again} />
      ) : run.progress !== null ? (
        <ImportProgress done={run.progress.done} total={run.progress.total} />
      ) : (
        <>
          <p class="muted">{w('intro')}</p>
          <SourceFields cohorts={cohorts} cohortId={cohortId} onCohort={setCohortId} file={file} onFile={(chosen) => void choose(chosen)} />
          {review !== null && (
            <>
              <ColumnMappingFields review={review} />
              {mappingComplete && <ImportPreview review={review} />}
              <div class="form__actions">
                {!cohortKnown && <p class="field__hint">{w('import.chooseCohort')}</p>}
                <button type="button" class="button" disabled={!cohortKnown || !mappingComplete || ready === 0} onClick={() => void run.start(review, cohortId)}>
                  {w('import', { count: ready })}
                </button>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
