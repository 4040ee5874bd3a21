import { isAllowed, userMay } from '../../../shared/domain/permissions';
import { useUser } from '../../auth/SessionProvider';
import { CohortList } from './CohortList';
import { useCohortsWords } from './cohorts-words';
import { Reminders } from './Reminders';
import { useCohortList } from './use-cohort-list';
import './cohorts.css';

/** `/cohorts`: the provider staff's home; supervisors, admins and officers read it too. */
export function CohortsScreen() {
  const w = useCohortsWords();
  const user = useUser();
  const list = useCohortList();
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
          <CohortList rows={list.rows} />
        </>
      )}
    </section>
  );
}
