import { useId } from 'preact/hooks';
import type { Cohort } from '../../../shared/schema';
import { useLanguage, useT } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { SelectField } from '../../ui/SelectField';
import { useImportWords } from './import-words';
import type { SheetFileProblem } from './read-sheet-file';

export type FileState = { kind: 'none' } | { kind: 'reading'; name: string } | { kind: 'read'; name: string; rows: number; headerRow: number } | { kind: 'failed'; problem: SheetFileProblem };

type Props = {
  cohorts: readonly Cohort[] | undefined;
  cohortId: string;
  onCohort: (id: string) => void;
  file: FileState;
  onFile: (file: File) => void;
};

/** Where the participants go (one of the provider's cohorts on this device) and the file they come from. */
export function SourceFields({ cohorts, cohortId, onCohort, file, onFile }: Props) {
  const w = useImportWords();
  const t = useT();
  const [language] = useLanguage();
  const id = useId();
  if (cohorts === undefined) return <p class="muted">{t('common.loading')}</p>;
  const options = [
    { value: '', label: w('cohort.choose') },
    ...cohorts.map((cohort) => ({ value: cohort.id, label: `${cohort.title} (${formatDate(cohort.startDate, language)})` })),
  ];
  return (
    <div class="import-source">
      {cohorts.length === 0 ? <p class="notice">{w('cohort.none')}</p> : <SelectField label={w('cohort')} name="cohort" value={cohortId} options={options} onValue={onCohort} />}
      <div class={file.kind === 'failed' ? 'field field--invalid' : 'field'}>
        <label class="field__label" for={id}>
          {w('file')}
        </label>
        <input
          id={id}
          type="file"
          class="field__input"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${id}-hint ${id}-state`}
          aria-invalid={file.kind === 'failed' ? true : undefined}
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0];
            if (chosen !== undefined) onFile(chosen);
          }}
        />
        <p id={`${id}-hint`} class="field__hint">
          {w('file.hint')}
        </p>
        <p id={`${id}-state`} class={file.kind === 'failed' ? 'field__error' : 'field__hint'} role={file.kind === 'failed' ? 'alert' : 'status'}>
          {file.kind === 'reading' && w('file.reading', { name: file.name })}
          {file.kind === 'read' && w('file.read', { name: file.name, count: file.rows, header: file.headerRow })}
          {file.kind === 'failed' && w(`file.${file.problem}`)}
        </p>
      </div>
    </div>
  );
}
