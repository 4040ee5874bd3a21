import { useMemo } from 'preact/hooks';
import { IMPORT_FIELDS, isImportField, unmappedRequiredFields, unusedColumns } from '../../../shared/import/import-fields';
import { SelectField } from '../../ui/SelectField';
import { useImportWords } from './import-words';
import { useProblemWords } from './problem-text';
import type { ImportReview } from './use-import-review';

/**
 * One labelled select per column, preset to the guess from its header. Columns with
 * neither a header nor a value are left out: there is nothing in them to place.
 */
export function ColumnMappingFields({ review }: { review: ImportReview }) {
  const w = useImportWords();
  const words = useProblemWords();
  const { headers, rows, mapping, setColumn } = review;
  const columns = useMemo(
    () => headers.map((_, column) => column).filter((column) => headers[column] !== '' || rows.some((row) => row.cells[column] !== '')),
    [headers, rows],
  );
  const options = [{ value: '', label: w('mapping.ignore') }, ...IMPORT_FIELDS.map((field) => ({ value: field, label: words.field(field) }))];
  const missing = unmappedRequiredFields(mapping);
  const unused = useMemo(() => unusedColumns(headers, mapping, rows), [headers, mapping, rows]);
  const columnName = (column: number) => (headers[column] ? `“${headers[column]}”` : w('mapping.column.blank', { letter: columnLetter(column) }));
  return (
    <fieldset class="import-mapping">
      <legend>{w('mapping.title')}</legend>
      <p class="muted">{w('mapping.intro')}</p>
      <div class="import-mapping__grid">
        {columns.map((column) => (
          <SelectField
            key={column}
            name={`column-${column}`}
            label={headers[column] ? w('mapping.column', { header: headers[column] ?? '' }) : w('mapping.column.blank', { letter: columnLetter(column) })}
            value={mapping[column] ?? ''}
            options={options}
            onValue={(value) => setColumn(column, isImportField(value) ? value : null)}
          />
        ))}
      </div>
      {unused.length > 0 && <p class="notice">{w('mapping.unused', { count: unused.length, columns: unused.map(columnName).join(', ') })}</p>}
      {mapping.includes('birthPlaceDate') && <p class="muted">{w('mapping.birthPlace')}</p>}
      {missing.length > 0 && (
        <p class="field__error" role="alert">
          {w('mapping.missing', { fields: missing.map(words.field).join(', ') })}
        </p>
      )}
    </fieldset>
  );
}

/** A, B, …, Z, AA: the column as the spreadsheet names it. */
function columnLetter(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : columnLetter(Math.floor(index / 26) - 1) + letter;
}
