import { useLocation, useRoute } from 'preact-iso';
import { useUser } from '../../auth/SessionProvider';
import { useT } from '../../i18n';
import { useAlumnusRecord } from '../alumnus/use-alumnus-record';
import { mayLogFollowUp } from './follow-up-permissions';
import { FollowUpForm } from './FollowUpForm';
import { useFollowUpWords } from './follow-up-words';
import { graduationDateOf } from './propose-next-date';
import './follow-up.css';

/**
 * `/alumni/:id/follow-up`: log one contact with the person, from this device's data only
 * (offline is the normal case). Saved, it goes back to the alumnus page, where the
 * contact already shows in the timeline.
 */
export function FollowUpPage() {
  const t = useT();
  const w = useFollowUpWords();
  const user = useUser();
  const { route } = useLocation();
  const { params } = useRoute();
  const alumnusId = params.id ?? '';
  const record = useAlumnusRecord(alumnusId);

  if (record === undefined) {
    return (
      <section class="screen">
        <h1>{w('title')}</h1>
        <p role="status">{t('common.loading')}</p>
      </section>
    );
  }
  if (record === null) {
    return (
      <section class="screen">
        <h1>{w('title')}</h1>
        <p>{w('notFound')}</p>
        <p>
          <a class="button" href="/alumni">
            {w('notFound.back')}
          </a>
        </p>
      </section>
    );
  }
  const { alumnus } = record;
  const alumnusHref = `/alumni/${alumnus.id}`;
  if (!mayLogFollowUp(user, record.enrollments)) {
    // Not NotAllowedScreen itself: importing it from this lazy chunk splits the first download (see InputField).
    return (
      <section class="screen">
        <h1>{t('notAllowed.title')}</h1>
        <p>{t('notAllowed.body', { role: t(`role.${user.role}`) })}</p>
        <p>
          <a class="button" href={alumnusHref}>
            {w('back', { name: alumnus.name })}
          </a>
        </p>
      </section>
    );
  }

  return (
    <section class="screen screen--narrow follow-up">
      <p class="follow-up__back">
        <a href={alumnusHref}>{w('back', { name: alumnus.name })}</a>
      </p>
      <h1>{w('title')}</h1>
      <p class="follow-up__who">{alumnus.name}</p>
      <FollowUpForm
        // The form's state (and its draft) belongs to one alumnus.
        key={alumnus.id}
        alumnus={alumnus}
        graduationDate={graduationDateOf(record.enrollments)}
        followUps={record.followUps.map(({ followUp }) => followUp)}
        // Replace, not push: "back" from the alumnus page should not reopen a form already saved.
        onSaved={() => route(alumnusHref, true)}
      />
    </section>
  );
}
