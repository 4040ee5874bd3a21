import { useId, useState } from 'preact/hooks';
import { EXPORT_FORMATS, EXPORT_TABLES } from '../../../shared/api/export.api';
import type { ReportDimension } from '../../../shared/api/reports.api';
import { FUNDING_SOURCES } from '../../../shared/schema/cohort.schema';
import { useOnline } from '../../app/use-online';
import { useLanguage } from '../../i18n';
import { CheckboxField } from '../../ui/CheckboxField';
import { SelectField } from '../../ui/SelectField';
import { DownloadProgress } from './DownloadProgress';
import type { ExportFilters } from './download-export';
import { fundingLabel } from './group-label';
import { formatLongDate } from './report-format';
import { useReportsWords } from './reports-words';
import { useExportChoices } from './use-export-choices';
import { useExportDownload } from './use-export-download';

type Props = {
  /** The dashboard's as-of day; null while the typed date is not valid. */
  asOf: string | null;
  groupBy: readonly ReportDimension[];
  /** The report just fell back to this device's data: the server did not answer. */
  serverUnreachable: boolean;
};

const NO_FILTERS: ExportFilters = { provider: '', fundingSource: '', year: '' };

/**
 * Downloads of the server's exports: each table as XLSX or CSV, as of the dashboard's
 * day, optionally narrowed. Exports need the server (the device holds no spreadsheet
 * writer, and the office's file must come from synced data), so offline they are off.
 */
export function ExportSection({ asOf, groupBy, serverUnreachable }: Props) {
  const w = useReportsWords();
  const [lang] = useLanguage();
  const online = useOnline();
  const headingId = useId();
  const choices = useExportChoices();
  const download = useExportDownload();
  const [filters, setFilters] = useState<ExportFilters>(NO_FILTERS);
  const [semicolon, setSemicolon] = useState(false);
  const unavailable = !online || serverUnreachable;
  const busy = download.state.status === 'running';
  const all = { value: '', label: w('export.all') };

  return (
    <section class="report-section report-export" aria-labelledby={headingId}>
      <h2 id={headingId}>{w('export.title')}</h2>
      {asOf !== null && <p class="muted">{w('export.intro', { date: formatLongDate(asOf, lang) })}</p>}
      {unavailable && <p class="notice">{w('export.offline')}</p>}
      <fieldset class="report-export__filters">
        <legend>{w('export.filters')}</legend>
        <SelectField
          label={w('export.provider')}
          name="provider"
          value={filters.provider}
          options={[all, ...choices.providers.map((provider) => ({ value: provider.id, label: provider.name }))]}
          onValue={(provider) => setFilters({ ...filters, provider })}
        />
        <SelectField
          label={w('export.fundingSource')}
          name="fundingSource"
          value={filters.fundingSource}
          options={[all, ...FUNDING_SOURCES.map((source) => ({ value: source, label: fundingLabel(source, lang) }))]}
          onValue={(fundingSource) => setFilters({ ...filters, fundingSource: fundingSource as ExportFilters['fundingSource'] })}
        />
        <SelectField
          label={w('export.year')}
          name="year"
          value={filters.year}
          options={[all, ...choices.years.map((year) => ({ value: String(year), label: String(year) }))]}
          onValue={(year) => setFilters({ ...filters, year })}
        />
      </fieldset>
      <CheckboxField label={w('export.semicolon')} hint={w('export.semicolon.hint')} name="semicolon" checked={semicolon} onChecked={setSemicolon} />
      <ul class="report-export__tables">
        {EXPORT_TABLES.map((table) => (
          <li key={table}>
            <span class="report-export__name">{w(`export.table.${table}`)}</span>
            {EXPORT_FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                class="button button--secondary"
                aria-label={w('export.download', { table: w(`export.table.${table}`), format: format.toUpperCase() })}
                disabled={unavailable || busy || asOf === null}
                onClick={() => asOf !== null && download.start({ table, format, asOf, groupBy, filters, semicolon })}
              >
                {format.toUpperCase()}
              </button>
            ))}
          </li>
        ))}
      </ul>
      <DownloadProgress state={download.state} onCancel={download.cancel} />
    </section>
  );
}
