import { useId, useMemo, useState } from 'preact/hooks';
import type { ReportDimension } from '../../../shared/api/reports.api';
import { dateInZone, isCalendarDate } from '../../../shared/domain/dates';
import { useLanguage, useT } from '../../i18n';
import { AbsorptionChart } from './AbsorptionChart';
import { AbsorptionTable } from './AbsorptionTable';
import { ExportSection } from './ExportSection';
import { sortGroups } from './group-label';
import { HeadlineFigures } from './HeadlineFigures';
import { pressSummary } from './press-summary';
import { ReportControls, type Grouping } from './ReportControls';
import { ReportSource } from './ReportSource';
import { useReportsWords } from './reports-words';
import { SummaryPanel } from './SummaryPanel';
import { useAbsorptionReport, type ReportResult } from './use-absorption-report';
import { useReportYears } from './use-report-years';
import './reports.css';

/**
 * `/reports`, the supervisor's home: absorption figures as of a day, by one or two
 * dimensions — headline totals, a chart and a table per group, a press summary to copy —
 * and the exports. Figures come from the server, or from this device when it cannot answer.
 */
export function ReportsScreen() {
  const t = useT();
  // Today as the office counts days, not as the device's zone does.
  const [asOfText, setAsOfText] = useState(() => dateInZone(new Date()));
  const [grouping, setGrouping] = useState<Grouping>({ first: 'year', second: null });
  const asOf = isCalendarDate(asOfText) ? asOfText : null;
  const groupBy = useMemo<ReportDimension[]>(() => (grouping.second === null ? [grouping.first] : [grouping.first, grouping.second]), [grouping]);
  const state = useAbsorptionReport(asOf, groupBy);

  return (
    <section class="screen screen--wide reports">
      <h1>{t('reports.title')}</h1>
      <ReportControls asOf={asOfText} asOfValid={asOf !== null} onAsOf={setAsOfText} grouping={grouping} onGrouping={setGrouping} />
      <ReportSource state={state} />
      {state.result !== null && <ReportBody result={state.result} />}
      <ExportSection asOf={asOf} groupBy={groupBy} serverUnreachable={state.result?.source === 'device'} />
    </section>
  );
}

function ReportBody({ result }: { result: ReportResult }) {
  const [lang] = useLanguage();
  const w = useReportsWords();
  const headingId = useId();
  const { report } = result;
  const years = useReportYears(report.asOf);
  const groups = useMemo(() => sortGroups(report.groups, report.groupBy, lang), [report, lang]);
  const summary = useMemo(() => pressSummary({ report, years }), [report, years]);
  return (
    <>
      <HeadlineFigures figures={report.total} selfReport={report.selfReport} asOf={report.asOf} />
      {report.groupBy.length > 0 && (
        <section class="report-section" aria-labelledby={headingId}>
          <h2 id={headingId}>{w('chart.title', { dimension: report.groupBy.map((name) => w(`dimension.${name}`).toLowerCase()).join(' × ') })}</h2>
          <AbsorptionChart groups={groups} groupBy={report.groupBy} />
          <AbsorptionTable groups={groups} groupBy={report.groupBy} total={report.total} asOf={report.asOf} />
        </section>
      )}
      <SummaryPanel text={summary} />
    </>
  );
}
