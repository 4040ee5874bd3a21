import { useId } from 'preact/hooks';
import type { AbsorptionGroup, ReportDimension } from '../../../shared/api/reports.api';
import { useLanguage } from '../../i18n';
import { groupLabel } from './group-label';
import { formatCount } from './report-format';
import { useReportsWords } from './reports-words';

/** The five outcomes that split the graduates, in the order they stack, with their colours. */
const PARTS = [
  { figure: 'employed', colour: '#0f766e' },
  { figure: 'business', colour: '#2563eb' },
  { figure: 'seeking', colour: '#d97706' },
  { figure: 'unreachable', colour: '#94a3b8' },
  { figure: 'neverContacted', colour: '#e2e8f0' },
] as const;

/** More bars than this is a wall, not a chart: the largest groups are drawn, the table lists all. */
const MAX_BARS = 15;
const ROW = 44;
const BAR = 18;
/** Bars use at most this share of the width, leaving room for the count after the longest. */
const BAR_SPACE = 88;

type Props = { groups: readonly AbsorptionGroup[]; groupBy: readonly ReportDimension[] };

/**
 * A stacked bar per group: employed, business, seeking, not reached and never
 * contacted, which together are the group's graduates, so bar length compares group
 * sizes and the colours compare outcomes. Hand-made SVG (no chart library in the
 * bundle): widths in percent, so the bars fit any screen while the text keeps its size.
 * One image to assistive technology, named by its title and described in words; the
 * table below carries every figure.
 */
export function AbsorptionChart({ groups, groupBy }: Props) {
  const w = useReportsWords();
  const [lang] = useLanguage();
  const id = useId();
  const first = groupBy[0];
  if (first === undefined) return null;
  const dimension = groupBy.map((name) => w(`dimension.${name}`).toLowerCase()).join(' × ');
  const withGraduates = groups.filter((group) => group.graduated > 0);
  const drawn = largest(withGraduates, MAX_BARS);
  const most = Math.max(1, ...drawn.map((group) => group.graduated));
  const parts = PARTS.map((part) => w(`figure.${part.figure}`).toLowerCase()).join(', ');

  return (
    <figure class="report-chart">
      {drawn.length === 0 ? (
        <p class="muted">{w('chart.empty')}</p>
      ) : (
        <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} width="100%" height={drawn.length * ROW} class="report-chart__svg">
          <title id={`${id}-title`}>{w('chart.title', { dimension })}</title>
          <desc id={`${id}-desc`}>{w('chart.desc', { parts })}</desc>
          {drawn.map((group, index) => {
            const top = index * ROW;
            let start = 0;
            return (
              <g key={group.key}>
                <text x="0" y={top + 14} class="report-chart__label">
                  {groupLabel(group, groupBy, lang)}
                </text>
                {PARTS.map((part) => {
                  const width = (group[part.figure] / most) * BAR_SPACE;
                  const x = start;
                  start += width;
                  return width === 0 ? null : (
                    <rect key={part.figure} x={`${x}%`} y={top + 20} width={`${width}%`} height={BAR} fill={part.colour} stroke="#64748b" stroke-width="0.5" />
                  );
                })}
                <text x={`${start + 1}%`} y={top + 20 + BAR - 4} class="report-chart__count">
                  {formatCount(group.graduated, lang)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <figcaption>
        <ul class="report-legend">
          {PARTS.map((part) => (
            <li key={part.figure}>
              <span class="report-legend__swatch" style={{ background: part.colour }} aria-hidden="true" />
              {w(`figure.${part.figure}`)}
            </li>
          ))}
        </ul>
        {withGraduates.length > drawn.length && <p class="muted">{w('chart.more', { shown: drawn.length, count: withGraduates.length })}</p>}
      </figcaption>
    </figure>
  );
}

/** The `count` groups with most graduates, in their given order. */
function largest(groups: readonly AbsorptionGroup[], count: number): AbsorptionGroup[] {
  if (groups.length <= count) return [...groups];
  const kept = new Set([...groups].sort((a, b) => b.graduated - a.graduated).slice(0, count));
  return groups.filter((group) => kept.has(group));
}
