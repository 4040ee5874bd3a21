import { useId } from 'preact/hooks';
import { type AbsorptionFigures, type AbsorptionGroup, type ReportDimension } from '../../../shared/api/reports.api';
import { useLanguage, type Language } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { groupValueLabel } from './group-label';
import { formatCount, formatLongDate, formatPercent } from './report-format';
import { useReportsWords } from './reports-words';

/**
 * The columns in the order a reader looks for them: whom the office reached and how many
 * found work come first, so that they are in view beside the group's name on a laptop.
 */
const COLUMNS = ['reached', 'absorptionRate', 'graduated', 'employed', 'business', 'seeking', 'unreachable', 'neverContacted', 'trained', 'certified'] as const satisfies readonly (keyof AbsorptionFigures)[];

type Props = { groups: readonly AbsorptionGroup[]; groupBy: readonly ReportDimension[]; total: AbsorptionFigures; asOf: string };

/** Every group's figures, one row each (one header cell per dimension), and the total. */
export function AbsorptionTable({ groups, groupBy, total, asOf }: Props) {
  const w = useReportsWords();
  const [lang] = useLanguage();
  const captionId = useId();
  const dimension = groupBy.map((name) => w(`dimension.${name}`).toLowerCase()).join(' × ');

  return (
    <DataTable labelledBy={captionId}>
      <table>
        <caption id={captionId}>{w('table.caption', { dimension, date: formatLongDate(asOf, lang) })}</caption>
        <thead>
          <tr>
            {groupBy.map((name) => (
              <th key={name} scope="col">
                {w(`dimension.${name}`)}
              </th>
            ))}
            {COLUMNS.map((column) => (
              <th key={column} scope="col" class="data-table__number">
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
                  <td key={name} data-label={w(`dimension.${name}`)}>
                    {groupValueLabel(group, name, lang)}
                  </td>
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
      <p class="muted data-table__note">{w('table.totalNote')}</p>
    </DataTable>
  );
}

function FigureCells({ figures, lang }: { figures: AbsorptionFigures; lang: Language }) {
  const w = useReportsWords();
  return (
    <>
      {COLUMNS.map((column) => (
        <td key={column} class="data-table__number" data-label={w(`figure.${column}`)}>
          {column === 'absorptionRate' ? formatPercent(figures.absorptionRate, lang) : formatCount(figures[column], lang)}
        </td>
      ))}
    </>
  );
}
