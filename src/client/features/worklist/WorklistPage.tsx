import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { DUE_BUCKETS, filterWorklist, type DueBucket, type WorklistRow } from '../../../shared/domain/worklist';
import { useT } from '../../i18n';
import { useDb } from '../../storage/DbProvider';
import { useAreaChoices } from '../../storage/use-area-choices';
import { WORKLIST_FIRST_ROWS_MARK, useWorklist, type FirstPullProgress, type Worklist } from './use-worklist';
import { FILTER_KEYS, effectiveFilters, filterChoices, rememberFilters, rememberGrouping, rememberedFilters, rememberedGrouping, type FilterValues } from './worklist-filters';
import { useWorklistWords, type WorklistTranslate } from './worklist-words';
import { WorklistFilterBar } from './WorklistFilterBar';
import { WorklistGroup } from './WorklistGroup';
import './worklist.css';

/** `/`, the officer's home: who is due for a follow-up, overdue first, from this device's data. */
export function WorklistPage() {
  const t = useT();
  const w = useWorklistWords();
  const db = useDb();
  const worklist = useWorklist();
  const [values, setValues] = useState(() => rememberedFilters(db.name));
  const [grouped, setGrouped] = useState(() => rememberedGrouping(db.name));
  const title = t('worklist.title');
  const anyRows = worklist !== undefined && worklist.rows.length > 0;
  useEffect(() => {
    // Rows on screen, whoever is still loading (`npm run bench` times sign-in to this).
    if (anyRows && performance.getEntriesByName(WORKLIST_FIRST_ROWS_MARK).length === 0) performance.mark(WORKLIST_FIRST_ROWS_MARK);
  }, [anyRows]);

  const change = (next: FilterValues) => {
    setValues(next);
    rememberFilters(db.name, next);
  };
  const group = (next: boolean) => {
    setGrouped(next);
    rememberGrouping(db.name, next);
  };

  return (
    <section class="screen worklist">
      {worklist === undefined || (!worklist.complete && FILTER_KEYS.some((key) => values[key] !== '')) ? (
        <>
          <h1>{title}</h1>
          <p role="status">{worklist?.loading ? pullingWords(w, worklist.loading) : w('loading')}</p>
        </>
      ) : worklist.complete ? (
        <WorklistBody worklist={worklist} values={values} onChange={change} grouped={grouped} onGrouped={group} heading={<h1>{title}</h1>} />
      ) : (
        <>
          <h1>{title}</h1>
          <FirstRows worklist={worklist} />
        </>
      )}
    </section>
  );
}

/**
 * The first rows of each heading, read by index while the rest loads: what an officer
 * sees within a moment of opening the app. The filters come with the whole list.
 */
function FirstRows({ worklist }: { worklist: Worklist }) {
  const w = useWorklistWords();
  const groups = groupByBucket(worklist.rows);
  return (
    <>
      <p role="status" class={worklist.loading ? 'worklist__summary worklist__summary--pulling' : 'worklist__summary'}>
        {worklist.loading ? pullingWords(w, worklist.loading) : worklist.rows.length === 0 ? w('loading') : w('summary.counting')}
      </p>
      {DUE_BUCKETS.map((bucket) =>
        groups[bucket].length === 0 ? null : <WorklistGroup key={bucket} bucket={bucket} rows={groups[bucket]} total={null} />,
      )}
    </>
  );
}

/** "Memuat data: 4.000 dari 20.000 orang": the first pull is still storing people. */
function pullingWords(w: WorklistTranslate, loading: FirstPullProgress): string {
  return loading.total === null ? w('pulling.starting') : w('pulling', { count: loading.sent, total: loading.total });
}

type BodyProps = {
  worklist: Worklist;
  values: FilterValues;
  onChange: (values: FilterValues) => void;
  grouped: boolean;
  onGrouped: (grouped: boolean) => void;
  heading: ComponentChildren;
};

function WorklistBody({ worklist, values, onChange, grouped, onGrouped, heading }: BodyProps) {
  const w = useWorklistWords();
  const areaKecamatan = useAreaChoices().kecamatan;
  const choices = useMemo(() => filterChoices(worklist, values.providerId, areaKecamatan), [worklist, values.providerId, areaKecamatan]);
  const effective = effectiveFilters(values, choices);
  // One string for "the same filters" (a fresh object each render): the memo below and
  // the groups' "show more" reset follow it.
  const filterKey = JSON.stringify(effective.values);
  const rows = useMemo(() => filterWorklist(worklist.rows, effective.filters), [worklist, filterKey]);
  const groups = useMemo(() => groupByBucket(rows), [rows]);
  const filtered = rows.length !== worklist.rows.length;

  return (
    <>
      <WorklistFilterBar values={effective.values} choices={choices} onChange={onChange} grouped={grouped} onGrouped={onGrouped} heading={heading}>
        <p role="status" class="worklist__summary">
          {rows.length === 0
            ? w(filtered ? 'empty.filtered' : 'empty')
            : filtered
              ? w('summary.filtered', { count: rows.length, all: worklist.rows.length })
              : w('summary', { count: rows.length })}
        </p>
      </WorklistFilterBar>
      {DUE_BUCKETS.map((bucket) =>
        groups[bucket].length === 0 ? null : <WorklistGroup key={`${bucket}|${filterKey}`} bucket={bucket} rows={groups[bucket]} byKecamatan={grouped} />,
      )}
    </>
  );
}

/** Rows arrive sorted bucket by bucket (see buildWorklist), so each group keeps that order. */
function groupByBucket(rows: readonly WorklistRow[]): Record<DueBucket, WorklistRow[]> {
  const groups: Record<DueBucket, WorklistRow[]> = { overdue: [], 'this-week': [], later: [] };
  for (const row of rows) groups[row.bucket].push(row);
  return groups;
}
