import { useMemo, useState } from 'preact/hooks';
import { pageOf } from '../../../shared/domain/list-query';
import { isAllowed, userMay } from '../../../shared/domain/permissions';
import { useUser } from '../../auth/SessionProvider';
import { ListPager } from '../../ui/ListPager';
import { useListWords } from '../../ui/list-words';
import { CohortList } from './CohortList';
import { CohortListFilters } from './CohortListFilters';
import { NO_COHORT_FILTERS, cohortFilterChoices, filterCohortRows } from './cohort-list-filter';
import { useCohortsWords } from './cohorts-words';
import { Reminders } from './Reminders';
import { useCohortList } from './use-cohort-list';
import './cohorts.css';

/** `/cohorts`: the provider staff's home; supervisors, admins and officers read it too. */
export function CohortsScreen() {
  const w = useCohortsWords();
  const user = useUser();
  const l = useListWords();
  const list = useCohortList();
  const [filters, setFilters] = useState(NO_COHORT_FILTERS);
  const [page, setPage] = useState(1);
  const rows = list?.rows ?? [];
  const choices = useMemo(() => cohortFilterChoices(rows), [rows]);
  const shown = pageOf(filterCohortRows(rows, filters), page);
  return (
    <section class="screen cohorts">
      <div class="section-head">
        <h1>{w('list.title')}</h1>
        {userMay(user, 'write-cohort') && (
          <a class="button" href="/cohorts/new">
            {w('list.create')}
          </a>
        )}
      </div>
      {list === undefined ? (
        <p role="status">{w('list.loading')}</p>
      ) : (
        <>
          {/* Reminders are for those who can act on them: the provider's own staff. */}
          {isAllowed(user.role, 'write-enrollment') && <Reminders reminders={list.reminders} titles={list.titles} />}
          {list.rows.length > 0 && (
            <CohortListFilters
              values={filters}
              choices={choices}
              onChange={(values) => {
                setFilters(values);
                setPage(1);
              }}
            />
          )}
          {list.rows.length > 0 && shown.total === 0 ? <p class="muted">{l('noMatch')}</p> : <CohortList rows={shown.rows} />}
          {shown.pages > 1 && <ListPager page={shown} onPage={setPage} />}
        </>
      )}
    </section>
  );
}
