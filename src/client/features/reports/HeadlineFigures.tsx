import { useId } from 'preact/hooks';
import { ABSORPTION_COUNTS, type AbsorptionFigures, type SelfReportCoverage } from '../../../shared/api/reports.api';
import { useLanguage } from '../../i18n';
import { formatCount, formatLongDate, formatPercent } from './report-format';
import { useReportsWords, type ReportsWord } from './reports-words';

/**
 * The totals, each person once. Coverage (graduates reached at all) sits beside the
 * absorption rate, so a low rate is read against how many were actually asked; and
 * how much of it alumni told themselves through their personal links.
 */
export function HeadlineFigures({ figures, selfReport, asOf }: { figures: AbsorptionFigures; selfReport: SelfReportCoverage; asOf: string }) {
  const w = useReportsWords();
  const [lang] = useLanguage();
  const headingId = useId();
  const coverage = figures.graduated === 0 ? null : figures.reached / figures.graduated;
  const answeredShare = selfReport.linksSent === 0 ? null : selfReport.linksAnswered / selfReport.linksSent;
  return (
    <section class="report-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{w('headline.title', { date: formatLongDate(asOf, lang) })}</h2>
      <dl class="report-figures">
        {ABSORPTION_COUNTS.map((name) => (
          <Figure key={name} label={`figure.${name}`} value={formatCount(figures[name], lang)} />
        ))}
        <Figure label="figure.reached" value={formatCount(figures.reached, lang)} note={w('figure.ofGraduates', { percent: formatPercent(coverage, lang) })} />
        <Figure label="figure.absorptionRate" value={formatPercent(figures.absorptionRate, lang)} note={w('figure.rateHint')} strong />
        <Figure label="figure.selfReported" value={formatCount(selfReport.statuses, lang)} note={w('figure.selfReportedHint')} />
        <Figure label="figure.linksSent" value={formatCount(selfReport.linksSent, lang)} />
        <Figure label="figure.linksAnswered" value={formatCount(selfReport.linksAnswered, lang)} note={w('figure.ofLinks', { percent: formatPercent(answeredShare, lang) })} />
      </dl>
    </section>
  );
}

type FigureProps = { label: ReportsWord; value: string; note?: string; strong?: boolean };

function Figure({ label, value, note, strong = false }: FigureProps) {
  const w = useReportsWords();
  return (
    <div class={strong ? 'report-figure report-figure--strong' : 'report-figure'}>
      <dt>{w(label)}</dt>
      <dd>
        <span class="report-figure__value">{value}</span>
        {note !== undefined && <span class="report-figure__note">{note}</span>}
      </dd>
    </div>
  );
}
