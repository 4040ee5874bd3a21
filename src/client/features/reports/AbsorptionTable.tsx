import { useId } from 'preact/hooks';
import { ABSORPTION_FIGURES, type AbsorptionFigures, type AbsorptionGroup, type ReportDimension } from '../../../shared/api/reports.api';
import { useLanguage, type Language } from '../../i18n';
import { groupValueLabel } from './group-label';
import { formatCount, formatLongDate, formatPercent } from './report-format';
import { useReportsWords } from './reports-words';

type Props = { groups: readonly AbsorptionGroup[]; groupBy: readonly ReportDimension[]; total: AbsorptionFigures; asOf: string };

/**
 * Every group's figures, one row each (one header cell per dimension), and the total.
 * Wide on a phone: the table scrolls inside a focusable region, so a keyboard can too.
 */
export function AbsorptionTable({ groups, groupBy, total, asOf }: Props) {
  const w = useReportsWords();
  const [lang] = useLanguage();
  const captionId = useId();
  const dimension = groupBy.map((name) => w(`dimension.${name}`).toLowerCase()).join(' × ');

  return (
    <div class="report-table" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId}>{w('table.caption', { dimension, date: formatLongDate(asOf, lang) })}</caption>
        <thead>
          <tr>
            {groupBy.map((name) => (
              <th key={name} scope="col">
                {w(`dimension.${name}`)}
              </th>
            ))}
            {ABSORPTION_FIGURES.map((column) => (
              <th key={column} scope="col" class="report-table__number">
                {w(`figure.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key}>
              {groupBy.map((name, index) =>
                index === 0 ? (
                  <th key={name} scope="row">
                    {groupValueLabel(group, name, lang)}
                  </th>
                ) : (
                  <td key={name}>{groupValueLabel(group, name, lang)}</td>
                ),
              )}
              <FigureCells figures={group} lang={lang} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={groupBy.length}>
              {w('table.total')}
            </th>
            <FigureCells figures={total} lang={lang} />
          </tr>
        </tfoot>
      </table>
      <p class="muted report-table__note">{w('table.totalNote')}</p>
    </div>
  );
}

function FigureCells({ figures, lang }: { figures: AbsorptionFigures; lang: Language }) {
  return (
    <>
      {ABSORPTION_FIGURES.map((column) => (
        <td key={column} class="report-table__number">
          {column === 'absorptionRate' ? formatPercent(figures.absorptionRate, lang) : formatCount(figures[column], lang)}
        </td>
      ))}
    </>
  );
}
