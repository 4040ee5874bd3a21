import { useRoute } from 'preact-iso';
import { userMay } from '../../../shared/domain/permissions';
import { useUser } from '../../auth/SessionProvider';
import type { Cohort, Provider, Vocation } from '../../../shared/schema';
import { useT } from '../../i18n';
import type { JejakDb } from '../../storage/db';
import { CohortForm } from './CohortForm';
import { useCohortsWords } from './cohorts-words';
import { useLocalRead } from './use-local-read';
import './cohorts.css';

type FormData = { cohort: Cohort | null; vocations: Vocation[]; providers: Provider[] };

/** `/cohorts/new` and `/cohorts/:id/edit`: the cohort form over what this device holds. */
export function CohortFormScreen() {
  // Every role that reads cohorts reaches this address; only those who write them get
  // the form. The others get a plain notice: the app's "not for your role" screen is
  // part of the first download, and importing it from this lazy chunk makes the bundler
  // split that download into more pieces (over its size budget).
  const t = useT();
  return userMay(useUser(), 'write-cohort') ? (
    <CohortFormLoaded />
  ) : (
    <section class="screen">
      <h1>{t('notAllowed.title')}</h1>
    </section>
  );
}

function CohortFormLoaded() {
  const t = useT();
  const w = useCohortsWords();
  const { params } = useRoute();
  const cohortId = params.id ?? null;
  const data = useLocalRead((db) => readFormData(db, cohortId), [cohortId]);
  const title = cohortId === null ? w('form.newTitle') : w('form.editTitle');

  if (data === undefined) {
    return (
      <section class="screen">
        <h1>{title}</h1>
        <p role="status">{t('common.loading')}</p>
      </section>
    );
  }
  if (cohortId !== null && data.cohort === null) {
    return (
      <section class="screen">
        <h1>{title}</h1>
        <p>{w('page.notFound')}</p>
        <a class="button" href="/cohorts">
          {w('page.back')}
        </a>
      </section>
    );
  }
  return (
    <section class="screen screen--narrow cohorts">
      <h1>{title}</h1>
      {/* Keyed by the cohort: its form starts from the values shown when it opened, whatever syncs later. */}
      <CohortForm key={cohortId ?? 'new'} seen={data.cohort} vocations={data.vocations} providers={data.providers} label={title} />
    </section>
  );
}

async function readFormData(db: JejakDb, cohortId: string | null): Promise<FormData> {
  const [cohort, vocations, providers] = await Promise.all([
    cohortId === null ? Promise.resolve(undefined) : db.cohorts.get(cohortId),
    db.vocations.toArray(),
    db.providers.toArray(),
  ]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    cohort: cohort === undefined || cohort.deleted ? null : cohort,
    vocations: vocations.filter((row) => !row.deleted).sort(byName),
    providers: providers.filter((row) => !row.deleted).sort(byName),
  };
}
